import type { PlainRecord, RecordChange } from '../doc/records';
import type { Actor, Refusal } from './actor';
import { choiceId, choiceSchema, deferralSchema, formulationSchema, highlightSchema, markId, markSchema, voteId, voteSchema } from './discussion';
import { LIMITS } from './limits';
import { checkRecordCounts, type CountRecords } from './recordLimits';
import { AUTHOR_NOTE_KEYS, IMMUTABLE_NOTE_KEYS, noteSchema } from './note';
import type { BoardRights } from './permissions';
import type { Permission } from './phases';

/** What the rules need to know about the board besides the change itself. */
export interface BoardContext {
  /** Records in a collection of the board once the change is applied (notes, deferrals…). */
  readonly count: CountRecords;
  /** What the actor may do on this board in the current phase. */
  readonly rights: BoardRights;
  /** Voting dots each participant has. */
  readonly dotsPerPerson: number;
  /** Whether a note exists on the board once the change is applied. */
  noteExists(noteId: string): boolean;
  /** The sheet a field lies on, or undefined for unknown fields. */
  sheetOfField(fieldId: string): string | undefined;
}

/**
 * Who may change and remove which record of a board (besides the phase permission in NEEDS,
 * which every change needs; facilitators hold every permission while the workshop is open):
 *
 * | collection   | create / change                                   | remove                          |
 * |--------------|---------------------------------------------------|---------------------------------|
 * | notes        | create in own name; text by the author, place by all | author or facilitator        |
 * | marks, votes | only the participant's own                        | that participant or facilitator |
 * | formulations | anyone, saved in own name (the group's wording)   | facilitator                     |
 * | deferrals    | create in own name; wording by anyone (shared list); author never changes | author or facilitator |
 * | highlights   | in own name                                       | anyone with the highlight right: the group's shared pick, toggled by all |
 * | choices      | in own name, on a writable sheet                  | anyone who may choose on that sheet: the group's shared choice |
 */

/** The permission each collection of a board needs. */
const NEEDS: Readonly<Record<string, Permission>> = {
  notes: 'notes',
  marks: 'mark',
  votes: 'vote',
  formulations: 'formulate',
  deferrals: 'defer',
  highlights: 'highlight',
  choices: 'formulate',
};

/**
 * Decides whether an actor may make these changes to a board. Returns the first refusal, or
 * null when everything is allowed. The server calls this on every incoming update; the client
 * calls the same rules to decide what to offer.
 */
export function checkBoardChanges(actor: Actor, changes: readonly RecordChange[], ctx: BoardContext, holder = 'a board'): Refusal | null {
  for (const change of changes) {
    const needs = NEEDS[change.collection];
    if (!needs) return { code: 'invalid', reason: `unknown collection ${change.collection}` };
    if (!ctx.rights.permissions.has(needs)) {
      return { code: 'forbidden', reason: `${change.collection} cannot be changed on this board in this phase` };
    }
    const refusal = checkChange(actor, change, ctx);
    if (refusal) return refusal;
  }
  return checkRecordCounts(changes, ctx.count, holder);
}

function checkChange(actor: Actor, change: RecordChange, ctx: BoardContext): Refusal | null {
  switch (change.collection) {
    case 'notes':
      return checkNoteChange(actor, change) ?? checkSheet(change, ctx.rights);
    case 'marks':
      return checkOwnRecord(actor, change, markSchema, (m) => markId(m.noteId, m.participantId), (m) => m.participantId) ?? needsNote(change, ctx);
    case 'votes': {
      const refusal = checkOwnRecord(actor, change, voteSchema, (v) => voteId(v.participantId, v.slot), (v) => v.participantId);
      if (refusal) return refusal;
      if (change.type !== 'remove' && Number(change.after.slot) >= ctx.dotsPerPerson) {
        return { code: 'limit', reason: `everyone has ${ctx.dotsPerPerson} voting dots` };
      }
      return needsNote(change, ctx);
    }
    case 'formulations': {
      if (change.type === 'remove') return actor.role === 'facilitator' ? null : { code: 'forbidden', reason: 'only a facilitator removes an agreed wording' };
      const parsed = formulationSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues);
      const f = parsed.data;
      if (f.fieldId !== change.id) return { code: 'invalid', reason: 'a wording is stored under its field' };
      if (ctx.sheetOfField(f.fieldId) !== f.sheetId) return { code: 'invalid', reason: `unknown field ${f.fieldId} on ${f.sheetId}` };
      if (f.updatedBy !== actor.id) return { code: 'forbidden', reason: 'a wording must be saved in your own name' };
      return sheetWritable(f.sheetId, ctx.rights);
    }
    case 'deferrals': {
      if (change.type === 'remove') {
        return actor.role === 'facilitator' || change.before.createdBy === actor.id ? null : { code: 'forbidden', reason: "you cannot remove someone else's action point" };
      }
      const parsed = deferralSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues);
      const d = parsed.data;
      if (d.id !== change.id) return { code: 'invalid', reason: 'id does not match its key' };
      if (ctx.sheetOfField(d.fieldId) !== d.sheetId) return { code: 'invalid', reason: `unknown field ${d.fieldId} on ${d.sheetId}` };
      if (change.type === 'add' && d.createdBy !== actor.id && actor.role !== 'facilitator') {
        return { code: 'forbidden', reason: 'an action point must be created in your own name' };
      }
      if (change.type === 'update' && change.keys.some((k) => k === 'id' || k === 'createdBy' || k === 'createdAt')) {
        return { code: 'forbidden', reason: "an action point's author cannot change" };
      }
      return sheetWritable(d.sheetId, ctx.rights);
    }
    case 'highlights': {
      if (change.type === 'remove') return null;
      const parsed = highlightSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues);
      if (parsed.data.noteId !== change.id) return { code: 'invalid', reason: 'a highlight is stored under its note' };
      if (parsed.data.by !== actor.id) return { code: 'forbidden', reason: 'a highlight must be made in your own name' };
      return needsNote(change, ctx);
    }
    case 'choices': {
      if (change.type === 'remove') {
        const sheetId = typeof change.before.fieldId === 'string' ? ctx.sheetOfField(change.before.fieldId) : undefined;
        return sheetId ? sheetWritable(sheetId, ctx.rights) : null;
      }
      const parsed = choiceSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues);
      const c = parsed.data;
      if (choiceId(c.targetKind, c.targetId) !== change.id) return { code: 'invalid', reason: 'a choice is stored under its target' };
      if (c.by !== actor.id) return { code: 'forbidden', reason: 'a choice must be made in your own name' };
      const sheetId = ctx.sheetOfField(c.fieldId);
      if (!sheetId) return { code: 'invalid', reason: `unknown field ${c.fieldId}` };
      if (c.targetKind === 'note' && !ctx.noteExists(c.targetId)) return { code: 'invalid', reason: 'the chosen note does not exist' };
      if (c.targetKind === 'formulation' && c.targetId !== c.fieldId) return { code: 'invalid', reason: "a field's wording is chosen in that field" };
      return sheetWritable(sheetId, ctx.rights);
    }
    default:
      return { code: 'invalid', reason: `unknown collection ${change.collection}` };
  }
}

/** Marks and votes: one record per participant, made and removed only by that participant. */
function checkOwnRecord<T>(
  actor: Actor,
  change: RecordChange,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } } },
  expectedId: (value: T) => string,
  ownerOf: (value: T) => string,
): Refusal | null {
  if (change.type === 'remove') {
    return actor.role === 'facilitator' || change.before.participantId === actor.id ? null : { code: 'forbidden', reason: "you cannot remove someone else's mark or dot" };
  }
  const parsed = schema.safeParse(change.after);
  if (!parsed.success) return invalid(change, parsed.error.issues);
  if (expectedId(parsed.data) !== change.id) return { code: 'invalid', reason: `${change.collection}/${change.id}: id does not match` };
  if (ownerOf(parsed.data) !== actor.id) return { code: 'forbidden', reason: 'you can only mark and vote in your own name' };
  return null;
}

function needsNote(change: RecordChange, ctx: BoardContext): Refusal | null {
  if (change.type === 'remove') return null;
  const noteId = change.after.noteId;
  return typeof noteId === 'string' && ctx.noteExists(noteId) ? null : { code: 'invalid', reason: `${change.collection} refers to a note that does not exist` };
}

function checkNoteChange(actor: Actor, change: RecordChange): Refusal | null {
  switch (change.type) {
    case 'add': {
      const parsed = noteSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues);
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
      return parsed.success ? null : invalid(change, parsed.error.issues);
    }
  }
}

/** Notes may only be placed on the sheets the phase works on. */
function checkSheet(change: RecordChange, rights: BoardRights): Refusal | null {
  if (change.type === 'remove') return null;
  const moved = change.type === 'add' || change.keys.some((k) => k === 'x' || k === 'y' || k === 'sheetId' || k === 'fieldId');
  return moved ? sheetWritable(change.after.sheetId, rights) : null;
}

function sheetWritable(sheet: unknown, rights: BoardRights): Refusal | null {
  if (rights.writableSheets === 'all') return null;
  if (typeof sheet === 'string' && rights.writableSheets.includes(sheet)) return null;
  return { code: 'forbidden', reason: `this phase works on ${rights.writableSheets.join(', ') || 'no sheet'}` };
}

/** Whether the actor may change what only a note's author may change. */
export function mayEditAsAuthor(actor: Actor, note: { readonly authorId?: unknown } | PlainRecord): boolean {
  return actor.role === 'facilitator' || note.authorId === actor.id;
}

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string; readonly code: string };

function invalid(change: RecordChange, issues: readonly Issue[]): Refusal {
  const first = issues[0];
  const where = first ? first.path.map(String).join('.') : '';
  // Text over a limit is a limit, not malformed data: the user gets a message about length.
  if (first && first.code === 'too_big' && change.collection === 'notes' && where === 'text') {
    return { code: 'limit', reason: `a note holds at most ${LIMITS.noteTextLength} characters` };
  }
  if (first && first.code === 'too_big' && (where === 'text' || where === 'question' || where === 'findOut' || where === 'askWhom')) {
    return { code: 'limit', reason: `${change.collection}: ${where} is too long` };
  }
  return { code: 'invalid', reason: `${change.collection}/${change.id}: ${where} ${first?.message ?? 'is malformed'}`.trim() };
}
