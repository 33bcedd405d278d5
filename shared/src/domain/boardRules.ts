import type { RecordChange } from '../doc/records';
import type { Actor, Refusal } from './actor';
import { LIMITS } from './limits';
import type { BoardRights } from './permissions';
import { AUTHOR_NOTE_KEYS, IMMUTABLE_NOTE_KEYS, noteSchema } from './note';

/** What the rules need to know about the board besides the change itself. */
export interface BoardContext {
  /** Notes on the board once the change is applied. */
  readonly noteCount: number;
  /** What the actor may do on this board in the current phase. */
  readonly rights: BoardRights;
}

/**
 * Decides whether an actor may make these changes to a board. Returns the first refusal, or
 * null when everything is allowed. The server calls this on every incoming update; the client
 * calls the same rules to decide what to offer.
 */
export function checkBoardChanges(actor: Actor, changes: readonly RecordChange[], ctx: BoardContext): Refusal | null {
  let added = 0;
  for (const change of changes) {
    if (change.collection !== 'notes') return { code: 'invalid', reason: `unknown collection ${change.collection}` };
    if (!ctx.rights.permissions.has('notes')) {
      return { code: 'forbidden', reason: 'notes cannot be changed on this board in this phase' };
    }
    const refusal = checkNoteChange(actor, change) ?? checkSheet(change, ctx.rights);
    if (refusal) return refusal;
    if (change.type === 'add') added++;
  }
  if (added > 0 && ctx.noteCount > LIMITS.notesPerBoard) {
    return { code: 'limit', reason: `a board holds at most ${LIMITS.notesPerBoard} notes` };
  }
  return null;
}

function checkNoteChange(actor: Actor, change: RecordChange): Refusal | null {
  switch (change.type) {
    case 'add': {
      const parsed = noteSchema.safeParse(change.after);
      if (!parsed.success) return invalidNote(change.id, parsed.error.issues);
      if (parsed.data.id !== change.id) return { code: 'invalid', reason: 'note id does not match its key' };
      // Re-adding someone else's note happens when a facilitator undoes a deletion.
      if (parsed.data.authorId !== actor.id && actor.role !== 'facilitator') {
        return { code: 'forbidden', reason: 'a note must be written in your own name' };
      }
      return null;
    }
    case 'remove':
      return mayEditAsAuthor(actor, change.before) ? null : { code: 'forbidden', reason: "you cannot delete someone else's note" };
    case 'update': {
      for (const key of change.keys) {
        if ((IMMUTABLE_NOTE_KEYS as readonly string[]).includes(key)) {
          return { code: 'forbidden', reason: `a note's ${key} cannot change` };
        }
        if ((AUTHOR_NOTE_KEYS as readonly string[]).includes(key) && !mayEditAsAuthor(actor, change.before)) {
          return { code: 'forbidden', reason: "you cannot change the text of someone else's note" };
        }
      }
      const parsed = noteSchema.safeParse(change.after);
      return parsed.success ? null : invalidNote(change.id, parsed.error.issues);
    }
  }
}

/** Notes may only be placed on the sheets the phase works on. */
function checkSheet(change: RecordChange, rights: BoardRights): Refusal | null {
  if (rights.writableSheets === 'all' || change.type === 'remove') return null;
  const sheet = change.after.sheetId;
  const moved = change.type === 'add' || change.keys.some((k) => k === 'x' || k === 'y' || k === 'sheetId' || k === 'fieldId');
  if (moved && (typeof sheet !== 'string' || !rights.writableSheets.includes(sheet))) {
    return { code: 'forbidden', reason: `this phase works on ${rights.writableSheets.join(', ') || 'no sheet'}` };
  }
  return null;
}

/** Whether the actor may change what only a note's author may change. */
export function mayEditAsAuthor(actor: Actor, note: { readonly authorId?: unknown }): boolean {
  return actor.role === 'facilitator' || note.authorId === actor.id;
}

function invalidNote(id: string, issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[]): Refusal {
  const first = issues[0];
  const where = first ? first.path.map(String).join('.') : '';
  // Text over the limit is a limit, not malformed data: the user gets a message about length.
  if (first && where === 'text' && first.code === 'too_big') {
    return { code: 'limit', reason: `a note holds at most ${LIMITS.noteTextLength} characters` };
  }
  return { code: 'invalid', reason: `note ${id}: ${where} ${first?.message ?? 'is malformed'}`.trim() };
}
