import {
  filterActions,
  matchOwner,
  sortActions,
  type ActionFilter,
  type ActionItem,
  type ActionSortKey,
  type ActionStatus,
  type SortDirection,
} from '@dmc/shared/domain/actionItems';
import type { Deferral } from '@dmc/shared/domain/discussion';
import { studiedataDeck } from '@dmc/shared/template/studiedataDeck';
import type { Locale } from '@dmc/shared/template/types';
import type { BoardSnapshot } from './plenarySlice';

/**
 * The action list's glue around the domain's `sortActions` and `filterActions`: the table's
 * filter as the form holds it, the short summary that helps close well, which draft actions of
 * the subgroups were taken over, where an action came from, and actions made from an
 * inspiration card or from scratch. Pure.
 */

/** The table's filter as the form holds it ('' = any). */
export interface ActionTableFilter {
  /** Text in "who", or a participant id. */
  readonly who: string;
  readonly fieldId: string;
  readonly status: ActionStatus | '';
  readonly from: string;
  readonly to: string;
  /** Only the actions still missing an owner or a date (the summary's links). */
  readonly missing: 'owner' | 'date' | null;
}

/** The actions to show: filtered, then sorted. */
export function visibleActions(
  actions: readonly ActionItem[],
  sort: { readonly key: ActionSortKey; readonly dir: SortDirection },
  filter: ActionTableFilter,
): ActionItem[] {
  const domain: ActionFilter = {
    ...(filter.who.trim() !== '' ? { who: filter.who } : {}),
    ...(filter.fieldId !== '' ? { fieldId: filter.fieldId } : {}),
    ...(filter.status !== '' ? { status: filter.status } : {}),
    ...(filter.from !== '' ? { from: filter.from } : {}),
    ...(filter.to !== '' ? { to: filter.to } : {}),
  };
  const kept = filterActions(actions, domain).filter((a) =>
    filter.missing === 'owner' ? !hasOwner(a) : filter.missing === 'date' ? a.when === '' : true,
  );
  return sortActions(kept, sort.key, sort.dir);
}

/** Whether any criterion is set. */
export function isFiltered(filter: ActionTableFilter): boolean {
  return (
    filter.who.trim() !== '' ||
    filter.fieldId !== '' ||
    filter.status !== '' ||
    filter.from !== '' ||
    filter.to !== '' ||
    filter.missing !== null
  );
}

/** The next sort when a column header is pressed: the same column flips, another starts ascending. */
export function nextSort(
  current: { readonly key: ActionSortKey; readonly dir: SortDirection },
  key: ActionSortKey,
): { key: ActionSortKey; dir: SortDirection } {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

function hasOwner(action: ActionItem): boolean {
  return action.who.trim() !== '' || action.whoParticipantId !== null;
}

/** What the facilitator needs to close well: how many, how many still without owner or date, per status. */
export interface ActionSummary {
  readonly total: number;
  readonly withoutOwner: number;
  readonly withoutDate: number;
  readonly open: number;
  readonly doing: number;
  readonly done: number;
}

/** Counts for the summary line ("12 acties, 3 zonder eigenaar, 2 zonder datum"). */
export function actionSummary(actions: readonly ActionItem[]): ActionSummary {
  return {
    total: actions.length,
    withoutOwner: actions.filter((a) => !hasOwner(a)).length,
    withoutDate: actions.filter((a) => a.when === '').length,
    open: actions.filter((a) => a.status === 'open').length,
    doing: actions.filter((a) => a.status === 'doing').length,
    done: actions.filter((a) => a.status === 'done').length,
  };
}

/** The key of a subgroup's draft action: deferral ids are unique per board only. */
export function deferralKey(boardId: string | null, deferralId: string): string {
  return `${boardId ?? ''}/${deferralId}`;
}

/** The draft actions already taken over, by `deferralKey`, with the action that took each over. */
export function takenOver(actions: readonly ActionItem[]): Map<string, ActionItem> {
  const out = new Map<string, ActionItem>();
  for (const a of actions)
    if (a.sourceKind === 'deferral' && a.sourceDeferralId !== null)
      out.set(deferralKey(a.sourceGroupId, a.sourceDeferralId), a);
  return out;
}

/** A subgroup's draft action with the board it is on. */
export interface DraftAction {
  readonly boardId: string;
  readonly deferral: Deferral;
}

/** Every draft action of the given boards, board by board, oldest first. */
export function draftActions(
  boardIds: readonly string[],
  boards: Readonly<Record<string, BoardSnapshot>>,
): DraftAction[] {
  return boardIds.flatMap((boardId) => (boards[boardId]?.deferrals ?? []).map((deferral) => ({ boardId, deferral })));
}

/** Where an action came from, resolved against the boards. */
export interface ActionSource {
  readonly kind: ActionItem['sourceKind'];
  /** The board it came from (null: plenary or direct). */
  readonly boardId: string | null;
  readonly fieldId: string | null;
  /** The source's own text as it is now (the note, the draft action's parts, or the inspiration card); null when none. */
  readonly text: string | null;
  /** Whether the source note or draft action is still on its board (false while that board is not read), or the card in the deck. */
  readonly found: boolean;
}

/** The full text of a draft action, one part per line. */
export function deferralText(
  d: Pick<Deferral, 'question' | 'findOut' | 'askWhom' | 'owner'>,
  words: { readonly findOut: string; readonly askWhom: string; readonly owner: string },
): string {
  return [
    d.question,
    d.findOut && `${words.findOut}: ${d.findOut}`,
    d.askWhom && `${words.askWhom}: ${d.askWhom}`,
    d.owner && `${words.owner}: ${d.owner}`,
  ]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/**
 * Resolves an action's source on the boards read (`words` label the parts of a draft action); an
 * inspiration card is looked up in the deck, its text in `locale`.
 */
export function actionSource(
  action: ActionItem,
  boards: Readonly<Record<string, BoardSnapshot>>,
  words: Parameters<typeof deferralText>[1],
  locale: Locale = 'nl',
): ActionSource {
  const base = { kind: action.sourceKind, boardId: action.sourceGroupId, fieldId: action.sourceFieldId };
  if (action.sourceKind === 'card') {
    const card = studiedataDeck.find((c) => c.id === action.sourceCardId);
    return { ...base, text: card ? card.text[locale] : null, found: card !== undefined };
  }
  const board = action.sourceGroupId !== null ? boards[action.sourceGroupId] : undefined;
  if (action.sourceKind === 'deferral' && action.sourceDeferralId !== null) {
    const d = board?.deferrals.find((x) => x.id === action.sourceDeferralId);
    return { ...base, text: d ? deferralText(d, words) : null, found: d !== undefined };
  }
  if (action.sourceKind === 'note' && action.sourceNoteId !== null) {
    const note =
      board?.notes.find((n) => n.id === action.sourceNoteId) ??
      Object.values(boards)
        .flatMap((b) => b.notes)
        .find((n) => n.id === action.sourceNoteId);
    return { ...base, text: note ? note.text : null, found: note !== undefined };
  }
  return { ...base, text: null, found: false };
}

/** Whether an action has a source to show (a note, a draft action, or an inspiration card). */
export function hasSource(action: ActionItem): boolean {
  return (
    (action.sourceKind === 'note' && action.sourceNoteId !== null) ||
    (action.sourceKind === 'deferral' && action.sourceDeferralId !== null) ||
    (action.sourceKind === 'card' && (action.sourceCardId ?? null) !== null)
  );
}

/** "Who" as typed, linked to the one member it names (shared/domain/actionItems.ts: matchOwner). */
export const ownerFrom = matchOwner;
