import { z } from 'zod/mini';
import type { Locale } from '../template/types';
import { fieldIdSchema, idSchema as id } from './ids';

/**
 * Follow-up actions (what, who, when) decided in plenary: the list the team takes home.
 * Records are flat (no nested objects) so that each one fits a Yjs map of primitive values;
 * where an action came from is spread over the `source*` keys. What needs the text catalogue (the
 * labels, the wording of an action made from a deferral or a note) is in actionTexts.ts, so that
 * a participant's board loads without the catalogue.
 */

/** Characters in the "what" of an action. */
export const ACTION_WHAT_LENGTH = 500;

/** Characters in the free-text "who". */
export const ACTION_WHO_LENGTH = 120;

/** Progress of an action, in workflow order. */
export const ACTION_STATUSES = ['open', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Where an action came from: a note, a draft action (deferral), the synthesis, typed in plenary
 * ('direct'), or an inspiration card dropped on the action list ('card'). New kinds are only ever
 * added, so older backups stay valid.
 */
export const ACTION_SOURCE_KINDS = ['note', 'deferral', 'synthesis', 'direct', 'card'] as const;
export type ActionSourceKind = (typeof ACTION_SOURCE_KINDS)[number];

/** A calendar date as the date input gives it (no time, no zone), or '' for "not decided". */
const dateOrEmpty = z.union([z.literal(''), z.iso.date()]);

/** Validates an action item as it is stored in the plenary document. */
export const actionItemSchema = z.strictObject({
  id,
  what: z.string().check(z.minLength(1), z.maxLength(ACTION_WHAT_LENGTH)),
  /** Free text: a name, a role or a team ("ICTO", "de opleidingsdirecteur"). */
  who: z.string().check(z.maxLength(ACTION_WHO_LENGTH)),
  /** Set when "who" was picked from the participant list. */
  whoParticipantId: z.nullable(id),
  when: dateOrEmpty,
  status: z.enum(ACTION_STATUSES),
  sourceKind: z.enum(ACTION_SOURCE_KINDS),
  /** The subgroup (board) the source lies on; null for plenary or direct actions. */
  sourceGroupId: z.nullable(id),
  sourceFieldId: z.nullable(fieldIdSchema),
  sourceNoteId: z.nullable(id),
  sourceDeferralId: z.nullable(id),
  /** The inspiration card an action was made from (its id in the deck, e.g. "sd-07"); absent in older records and backups. */
  sourceCardId: z.optional(z.nullable(id)),
  createdBy: id,
  createdAt: z.int().check(z.nonnegative()),
  updatedAt: z.int().check(z.nonnegative()),
});

/** An action item as plain data. */
export type ActionItem = z.infer<typeof actionItemSchema>;

/** Keys an action can be sorted by. */
export type ActionSortKey = 'when' | 'who' | 'field' | 'status' | 'created';

/** Sort direction. */
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Compares two values of which '' / null mean "missing"; missing values are reported separately. */
function primary(
  a: ActionItem,
  b: ActionItem,
  key: ActionSortKey,
): { missingA: boolean; missingB: boolean; order: number } {
  switch (key) {
    case 'when':
      return {
        missingA: a.when === '',
        missingB: b.when === '',
        order: a.when < b.when ? -1 : a.when > b.when ? 1 : 0,
      };
    case 'who':
      return {
        missingA: a.who.trim() === '',
        missingB: b.who.trim() === '',
        order: collator.compare(a.who.trim(), b.who.trim()),
      };
    case 'field':
      return {
        missingA: a.sourceFieldId === null,
        missingB: b.sourceFieldId === null,
        order: collator.compare(a.sourceFieldId ?? '', b.sourceFieldId ?? ''),
      };
    case 'status':
      return {
        missingA: false,
        missingB: false,
        order: ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status),
      };
    case 'created':
      return { missingA: false, missingB: false, order: a.createdAt - b.createdAt };
  }
}

/**
 * Sorts actions by one key (a new array). Actions without a date, a "who" or a field come last
 * in both directions: "not decided yet" is never the most urgent. Ties keep creation order, then id.
 */
export function sortActions(
  items: readonly ActionItem[],
  key: ActionSortKey,
  dir: SortDirection = 'asc',
): ActionItem[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const { missingA, missingB, order } = primary(a, b, key);
    if (missingA !== missingB) return missingA ? 1 : -1;
    if (!missingA && order !== 0) return sign * order;
    return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** What to keep when filtering actions; every given criterion must hold. */
export interface ActionFilter {
  /** A participant id (exact), or text matched case- and accent-insensitively in "who". */
  readonly who?: string;
  readonly fieldId?: string;
  readonly status?: ActionStatus | readonly ActionStatus[];
  /** Inclusive date range, YYYY-MM-DD; actions without a date drop out when either is set. */
  readonly from?: string;
  readonly to?: string;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

/** Keeps the actions that match every given criterion. */
export function filterActions(items: readonly ActionItem[], filter: ActionFilter): ActionItem[] {
  const who = filter.who === undefined ? '' : fold(filter.who);
  const statuses =
    filter.status === undefined ? null : typeof filter.status === 'string' ? [filter.status] : filter.status;
  return items.filter((item) => {
    if (who !== '' && item.whoParticipantId !== filter.who && !fold(item.who).includes(who)) return false;
    if (filter.fieldId !== undefined && item.sourceFieldId !== filter.fieldId) return false;
    if (statuses !== null && !statuses.includes(item.status)) return false;
    if (filter.from !== undefined && filter.from !== '' && (item.when === '' || item.when < filter.from)) return false;
    if (filter.to !== undefined && filter.to !== '' && (item.when === '' || item.when > filter.to)) return false;
    return true;
  });
}

/** Identity and time of a new action, chosen by the caller (ids are made where records are written). */
export interface NewActionContext {
  readonly id: string;
  readonly createdBy: string;
  readonly now: number;
  readonly locale: Locale;
  /** The workshop's people: an owner written as one of their names is linked to that person. */
  readonly members?: readonly { readonly id: string; readonly name: string }[];
}

/**
 * "Who" as typed, and the participant it names when it is exactly one member's name (ignoring
 * case, accents and spaces): picking or typing a name links the action to that person; anything
 * else stays free text (a team, a role, someone outside the workshop).
 */
export function matchOwner(
  typed: string,
  members: readonly { readonly id: string; readonly name: string }[],
): { who: string; whoParticipantId: string | null } {
  const who = typed.replace(/\s+/g, ' ').trim().slice(0, ACTION_WHO_LENGTH);
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .trim();
  const matches = who === '' ? [] : members.filter((m) => fold(m.name) === fold(who));
  return { who, whoParticipantId: matches.length === 1 ? (matches[0]?.id ?? null) : null };
}

/**
 * Cuts text to a limit in UTF-16 units (what the schema counts), with an ellipsis when it was
 * longer, never between the two halves of an emoji.
 */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Collapses whitespace and line breaks, so a composed sentence reads as one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts a "what" to the schema's length, on one line, never between the halves of an emoji. */
export function clampWhat(what: string): string {
  return clamp(oneLine(what), ACTION_WHAT_LENGTH);
}

/** Where an action came from (the rest of a new action is the same for every source). */
type ActionOrigin = Pick<ActionItem, 'sourceKind'> &
  Partial<
    Pick<
      ActionItem,
      | 'sourceGroupId'
      | 'sourceFieldId'
      | 'sourceNoteId'
      | 'sourceDeferralId'
      | 'sourceCardId'
      | 'who'
      | 'whoParticipantId'
    >
  >;

/** A new open action: its "what" (as given), its origin, no owner or date unless the origin names one. */
export function newAction(
  what: string,
  origin: ActionOrigin,
  context: Pick<NewActionContext, 'id' | 'createdBy' | 'now'>,
): ActionItem {
  return {
    id: context.id,
    what,
    who: '',
    whoParticipantId: null,
    when: '',
    status: 'open',
    sourceGroupId: null,
    sourceFieldId: null,
    sourceNoteId: null,
    sourceDeferralId: null,
    ...origin,
    createdBy: context.createdBy,
    createdAt: context.now,
    updatedAt: context.now,
  };
}

/** A new action decided in plenary, with only its "what" (from the form); null when it is empty. */
export function directAction(what: string, context: NewActionContext): ActionItem | null {
  const text = clampWhat(what);
  return text === '' ? null : newAction(text, { sourceKind: 'direct' }, context);
}

/** What an inspiration card carries when it becomes an action: its id in the deck and its text. */
export interface CardSource {
  readonly id: string;
  readonly text: string;
}

/** Turns an inspiration card into an action decided in plenary; its text (on one line) is the "what". Null for an empty card. */
export function actionFromCard(card: CardSource, context: NewActionContext): ActionItem | null {
  const text = oneLine(card.text);
  if (text === '') return null;
  return newAction(clamp(text, ACTION_WHAT_LENGTH), { sourceKind: 'card', sourceCardId: card.id }, context);
}
