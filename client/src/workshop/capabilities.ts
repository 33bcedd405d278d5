import { useAppStore, type AppState } from '../store';
import type { Actor } from '@dmc/shared/domain/actor';
import { mayEditAsAuthor } from '@dmc/shared/domain/boardRules';
import type { Note } from '@dmc/shared/domain/note';
import {
  boardRights,
  mayWriteDraft,
  type BoardRef,
  type Membership,
  type BoardRights,
  type WorkshopState,
} from '@dmc/shared/domain/permissions';
import { phase, type Permission, type PhaseDefinition } from '@dmc/shared/domain/phases';
import { mayEditSynthesis } from '@dmc/shared/domain/policies';
import { localize } from '@dmc/shared/template/lookup';
import type { CanvasTemplate, Locale } from '@dmc/shared/template/types';
import { useMemo } from 'react';
import type { Translate } from '../i18n';
import { boardRefOf, selectActor, selectMembership, selectWorkshopState } from '../store/workshopState';
import { useActor, useMyGroupId, useWorkshopState } from './state';

/**
 * What this person may do on the board on screen, on which sheet, to which note — derived from
 * the same `boardRights` and `mayWriteDraft` the server enforces. Every button, key and gesture
 * asks these functions, so the interface never offers a change the server would refuse.
 */

/** Everything the rules say about this person and the board on screen right now. */
export interface Capabilities {
  readonly actor: Actor;
  readonly state: WorkshopState;
  readonly phase: PhaseDefinition;
  readonly board: BoardRef;
  readonly boardId: string;
  readonly rights: BoardRights;
  /** New notes go into my private draft (silent writing) and I may write there now. */
  readonly draftWritable: boolean;
  readonly dotsPerPerson: number;
}

/** The capabilities for one situation (pure). */
export function capabilitiesOf(input: {
  readonly actor: Actor;
  readonly state: WorkshopState;
  readonly groupId: string | null;
  readonly boardId: string;
  readonly dotsPerPerson: number;
}): Capabilities {
  const { actor, state, boardId } = input;
  const membership = { groupId: input.groupId };
  const board = boardRefOf(boardId);
  const rights = boardRights(actor, board, state, membership);
  const draftWritable = rights.writesPrivately && mayWriteDraft(actor, actor.id, state, membership);
  return {
    actor,
    state,
    phase: phase(state.phaseId),
    board,
    boardId,
    rights,
    draftWritable,
    dotsPerPerson: input.dotsPerPerson,
  };
}

let cache: { key: readonly unknown[]; value: Capabilities | null } | null = null;

/** The capabilities from the store (null before the session document synced). Memoised. */
export function selectCapabilities(s: AppState): Capabilities | null {
  const key = [s.flow, s.settings, s.session, s.groups, s.members, s.boardId];
  if (cache && cache.key.every((part, i) => part === key[i])) return cache.value;
  const state = selectWorkshopState(s);
  const actor = selectActor(s);
  const value =
    state && actor
      ? capabilitiesOf({
          actor,
          state,
          groupId: selectMembership(s).groupId,
          boardId: s.boardId,
          dotsPerPerson: s.settings?.dotsPerPerson ?? s.session?.workshop.dotsPerPerson ?? 0,
        })
      : null;
  cache = { key, value };
  return value;
}

/** The capabilities, re-rendering the caller when they change. */
export function useCapabilities(): Capabilities | null {
  return useAppStore(selectCapabilities);
}

/** Whether notes on this sheet of the board may be created or moved (rights alone). */
export function sheetWritable(rights: BoardRights, sheetId: string): boolean {
  return rights.writableSheets === 'all' || rights.writableSheets.includes(sheetId);
}

/** Where a new note on this sheet goes: the board, my private draft, or nowhere. */
export function newNotesTarget(caps: Capabilities | null, sheetId: string): 'board' | 'draft' | null {
  if (!caps) return null;
  if (caps.rights.writesPrivately) return caps.draftWritable && sheetWritable(caps.rights, sheetId) ? 'draft' : null;
  return caps.rights.permissions.has('notes') && sheetWritable(caps.rights, sheetId) ? 'board' : null;
}

/**
 * Whether a discussion tool may be used on this sheet. Marks, dots and highlights are only
 * offered on the sheets the phase works on, so the other sheet reads as "just looking".
 */
export function mayUse(caps: Capabilities | null, permission: Exclude<Permission, 'notes'>, sheetId: string): boolean {
  if (!caps || !caps.rights.permissions.has(permission)) return false;
  if (permission === 'vote' && caps.dotsPerPerson <= 0) return false;
  return sheetWritable(caps.rights, sheetId);
}

/** What may be done to one note. */
export interface NoteRights {
  readonly move: boolean;
  readonly recolor: boolean;
  readonly editText: boolean;
  readonly remove: boolean;
  /** Marks, dots, highlight and "cannot answer now" (board notes only). */
  readonly mark: boolean;
  readonly vote: boolean;
  readonly highlight: boolean;
  readonly defer: boolean;
}

const NOTHING: NoteRights = {
  move: false,
  recolor: false,
  editText: false,
  remove: false,
  mark: false,
  vote: false,
  highlight: false,
  defer: false,
};

/** What this person may do to a note; `privateOwner` is set for notes from a draft. */
export function noteRights(
  caps: Capabilities | null,
  note: Pick<Note, 'sheetId' | 'authorId'>,
  privateOwner: string | undefined,
): NoteRights {
  if (!caps) return NOTHING;
  if (privateOwner !== undefined) {
    const mine = privateOwner === caps.actor.id && caps.draftWritable && sheetWritable(caps.rights, note.sheetId);
    return mine ? { ...NOTHING, move: true, recolor: true, editText: true, remove: true } : NOTHING;
  }
  const notes = caps.rights.permissions.has('notes') && sheetWritable(caps.rights, note.sheetId);
  const author = notes && mayEditAsAuthor(caps.actor, note);
  return {
    move: notes,
    recolor: notes,
    editText: author,
    remove: author,
    mark: mayUse(caps, 'mark', note.sheetId),
    vote: mayUse(caps, 'vote', note.sheetId),
    highlight: mayUse(caps, 'highlight', note.sheetId),
    defer: mayUse(caps, 'defer', note.sheetId),
  };
}

/** Why the board on screen is read-only on this sheet, if it is. */
export type ReadonlyReason =
  | { readonly kind: 'closed' }
  | { readonly kind: 'done' }
  | { readonly kind: 'watching' }
  | { readonly kind: 'otherSheet'; readonly sheets: readonly string[] };

const TOOLS = ['mark', 'vote', 'formulate', 'defer', 'highlight'] as const;

/** Why nothing can be changed on this sheet now (null: something can). */
export function readonlyReason(caps: Capabilities | null, sheetId: string): ReadonlyReason | null {
  if (!caps) return null;
  if (caps.state.closed) return { kind: 'closed' };
  if (newNotesTarget(caps, sheetId) !== null || TOOLS.some((tool) => mayUse(caps, tool, sheetId))) return null;
  const { rights } = caps;
  const works = rights.permissions.size > 0 || rights.writesPrivately;
  if (works && rights.writableSheets !== 'all' && rights.writableSheets.length > 0)
    return { kind: 'otherSheet', sheets: rights.writableSheets };
  return caps.state.phaseId === 'done' ? { kind: 'done' } : { kind: 'watching' };
}

/** The words for why nothing can be changed here. */
export function reasonText(reason: ReadonlyReason, t: Translate, template: CanvasTemplate, locale: Locale): string {
  switch (reason.kind) {
    case 'closed':
      return t('readonly.closed');
    case 'done':
      return t('readonly.done');
    case 'watching':
      return t('readonly.watching');
    case 'otherSheet': {
      const labels = reason.sheets.map((id) => {
        const sheet = template.sheets.find((s) => s.id === id);
        return sheet ? localize(sheet.label, locale) : id;
      });
      return t('readonly.otherSheet', { sheets: labels.join(t('readonly.and')) });
    }
  }
}

/** Whether an actor may change the plenary's results now: the same rule the server's synthesis policy applies. */
export function mayEditPlenary(actor: Actor | null, state: WorkshopState | null, membership: Membership): boolean {
  if (!actor || !state) return false;
  return mayEditSynthesis(actor, state, membership);
}

/** Whether this person may change the plenary's results now (re-rendering when that changes). */
export function useMayEditPlenary(): boolean {
  const actor = useActor();
  const state = useWorkshopState();
  const groupId = useMyGroupId();
  return useMemo(() => mayEditPlenary(actor, state, { groupId }), [actor, state, groupId]);
}
