import type * as Y from 'yjs';
import { readNote } from '@dmc/shared/doc/board';
import { mayWriteInDraft } from '@dmc/shared/domain/policies';
import { collection, type PlainRecord } from '@dmc/shared/doc/records';
import type { Actor } from '@dmc/shared/domain/actor';
import { checkBoardChanges } from '@dmc/shared/domain/boardRules';
import { boardRights, type BoardRights, type Membership, type WorkshopState } from '@dmc/shared/domain/permissions';
import { phase } from '@dmc/shared/domain/phases';
import { getField } from '@dmc/shared/template/lookup';
import { templateForBoard } from '@dmc/shared/template/plenary';
import { boardRefOf } from '../store/workshopState';
import type { UnsavedItem } from '../store/recoverySlice';
import { applyChange, asOfNow, changeKey, type LostEdit, type OfflineChange } from './offlineChanges';

/**
 * Replaying own offline changes one at a time, each checked first with the rules the server
 * uses (checkBoardChanges with the rights of boardRights / mayWriteDraft, or any other check
 * for other documents). What the rules refuse
 * is not sent; what has text goes back to its author as "not saved" (see unsavedItems).
 */

/** Which document the changes belong to, and the situation the rules judge them in. */
export interface ReplayContext {
  readonly actor: Actor;
  /** `plenary` or a subgroup id for a board; the draft owner's id for a draft. */
  readonly boardId: string;
  readonly kind: 'board' | 'draft';
  /** The workshop now (null when unknown: then the server decides alone). */
  readonly state: WorkshopState | null;
  readonly membership: Membership;
  readonly dotsPerPerson: number;
}

/** The rights the server applies to this document now (null: nothing may be written). */
export function replayRights(ctx: ReplayContext): BoardRights | null {
  const { actor, state } = ctx;
  if (!state) return null;
  if (state.closed) return null;
  if (ctx.kind === 'board') return boardRights(actor, boardRefOf(ctx.boardId), state, ctx.membership);
  // As the server's draft policy: the owner writes privately in the individual-writing phases.
  if (!mayWriteInDraft(actor, ctx.boardId, state, ctx.membership)) return null;
  return {
    read: true,
    permissions: new Set(['notes']),
    writableSheets: actor.role === 'facilitator' ? 'all' : phase(state.phaseId).writableSheets,
    writesPrivately: true,
  };
}

/** Whether the rules allow this change against the document as it is now. */
export function mayReplay(doc: Y.Doc, change: OfflineChange, ctx: ReplayContext): boolean {
  if (!ctx.state) return true; // Unknown situation: let the server decide; a refusal is handled by the next round.
  const rights = replayRights(ctx);
  if (!rights) return false;
  const template = templateForBoard(ctx.kind === 'draft' ? 'draft' : ctx.boardId);
  const refusal = checkBoardChanges(ctx.actor, [change], {
    count: (name) => collection(doc, name).size + (change.collection === name && change.type === 'add' ? 1 : 0),
    rights,
    dotsPerPerson: ctx.kind === 'draft' ? 0 : ctx.dotsPerPerson,
    noteExists: (id) => readNote(doc, id) !== undefined,
    sheetOfField: (fieldId) => getField(template, fieldId)?.sheet.id,
  });
  return refusal === null;
}

/** The outcome of one replay round. */
export interface ReplayOutcome {
  /** Keys of the changes sent, in order. */
  readonly sent: readonly string[];
  /** Changes the rules refuse now, or the one the server refused in the previous round. */
  readonly refused: readonly OfflineChange[];
}

/**
 * Replays changes against `doc`, each in its own transaction. `previous` is what the previous
 * round sent: after a refusal of a replay, the first of those still missing on the server is the
 * refused one and is not sent again (so every round drops at least one change and it ends).
 */
export function replay(
  doc: Y.Doc,
  changes: readonly OfflineChange[],
  ctx: ReplayContext | ((doc: Y.Doc, change: OfflineChange) => boolean),
  origin: unknown,
  previous: readonly string[] | null,
): ReplayOutcome {
  const allowed = typeof ctx === 'function' ? ctx : (d: Y.Doc, c: OfflineChange) => mayReplay(d, c, ctx);
  let skip: string | null = null;
  if (previous !== null && changes.length > 0) {
    const sentBefore = new Set(previous);
    const refusedBefore = changes.find((c) => sentBefore.has(changeKey(c))) ?? changes[0];
    skip = refusedBefore ? changeKey(refusedBefore) : null;
  }
  const sent: string[] = [];
  const refused: OfflineChange[] = [];
  for (const original of changes) {
    if (skip !== null && changeKey(original) === skip) {
      refused.push(original);
      skip = null;
      continue;
    }
    const change = asOfNow(doc, original);
    if (change === null) {
      // Nothing left to do (already so), or an edit of a record that is gone: report edits.
      if (original.type !== 'remove' && !recordExists(doc, original)) refused.push(original);
      continue;
    }
    if (!allowed(doc, change)) {
      refused.push(original);
      continue;
    }
    if (applyChange(doc, change, origin)) sent.push(changeKey(change));
  }
  return { sent, refused };
}

function recordExists(doc: Y.Doc, change: OfflineChange): boolean {
  return doc.getMap(change.collection).has(change.id);
}

/**
 * What of the refused changes and lost edits this person typed: notes whose text is not on the
 * server, action points and agreed wordings. Marks, dots, moves and the like carry no text; they
 * are only counted (`dropped`).
 */
export function unsavedItems(
  refused: readonly OfflineChange[],
  lost: readonly LostEdit[],
  boardId: string,
): { items: UnsavedItem[]; dropped: number } {
  const items: UnsavedItem[] = [];
  let dropped = 0;
  const consider = (collection: string, id: string, record: PlainRecord, typed: boolean) => {
    const item = typed ? itemOf(collection, id, record, boardId) : null;
    if (item) items.push(item);
    else dropped++;
  };
  for (const change of refused) {
    if (change.type === 'remove') {
      dropped++;
      continue;
    }
    const typed = change.type === 'add' || change.keys.some((key) => TEXT_KEYS.includes(key));
    consider(change.collection, change.id, change.after, typed);
  }
  for (const edit of lost)
    consider(
      edit.collection,
      edit.id,
      edit.record,
      edit.keys.some((key) => TEXT_KEYS.includes(key)),
    );
  return { items, dropped };
}

const TEXT_KEYS: readonly string[] = ['text', 'question', 'findOut', 'askWhom', 'what'];

function itemOf(collection: string, id: string, record: PlainRecord, boardId: string): UnsavedItem | null {
  const str = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null);
  const num = (key: string) => (typeof record[key] === 'number' ? (record[key] as number) : null);
  const base = { id: `${collection}/${id}`, boardId, sheetId: str('sheetId'), fieldId: str('fieldId') };
  if (collection === 'notes') {
    const text = str('text');
    return text ? { ...base, kind: 'note', text, x: num('x'), y: num('y'), color: str('color') } : null;
  }
  if (collection === 'deferrals') {
    const text = [str('question'), str('findOut'), str('askWhom')].filter((part): part is string => !!part).join(' — ');
    return text ? { ...base, kind: 'deferral', text, x: null, y: null, color: null } : null;
  }
  if (collection === 'actions') {
    const text = str('what');
    return text ? { ...base, kind: 'action', text, x: null, y: null, color: null } : null;
  }
  if (collection === 'formulations' || collection === 'plenaryFormulations') {
    const text = str('text');
    return text ? { ...base, kind: 'formulation', text, x: null, y: null, color: null } : null;
  }
  return null;
}
