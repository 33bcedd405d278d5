import type { PlainRecord, RecordChange } from '../doc/records';
import type { Actor, Refusal } from './actor';
import { BOARD_SPEC, type DocSpec } from '../doc/collections';
import type { Choice, Deferral, Formulation } from './discussion';
import { LIMITS } from './limits';
import { checkRecordCounts, type CountRecords } from './recordLimits';
import { AUTHOR_NOTE_KEYS } from './note';
import type { BoardRights } from './permissions';
import { checkRecord, type Issue, type RecordTexts } from './recordCheck';

/** A collection of a board document. */
type BoardCollection = keyof typeof BOARD_SPEC;

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
 * Who may change and remove which record of a board (besides the phase permission each
 * collection declares in doc/collections.ts, which every change needs; facilitators hold every
 * permission while the workshop is open). Owner field, who may remove and the immutable keys are
 * declared there and checked by checkRecord (recordCheck.ts); this module adds the rest:
 *
 * | collection   | create / change                                   | remove                          |
 * |--------------|---------------------------------------------------|---------------------------------|
 * | notes        | create in own name; text by the author, place by all | author or facilitator        |
 * | marks, votes | only the participant's own                        | that participant or facilitator |
 * | formulations | anyone, saved in own name (the group's wording)   | facilitator                     |
 * | deferrals    | create in own name; wording by anyone (shared list); author never changes | author or facilitator |
 * | highlights   | in own name                                       | anyone with the highlight right: the group's shared pick, toggled by all |
 * | choices      | in own name, on a writable sheet                  | anyone who may choose on that sheet: the group's shared choice |
 * | questions    | only one's own (5 slots each), in the presentations, on the spotlighted board | author or facilitator |
 */

/**
 * Decides whether an actor may make these changes to a board. Returns the first refusal, or
 * null when everything is allowed. The server calls this on every incoming update; the client
 * calls the same rules to decide what to offer.
 */
export function checkBoardChanges(
  actor: Actor,
  changes: readonly RecordChange[],
  ctx: BoardContext,
  holder = 'a board',
): Refusal | null {
  for (const change of changes) {
    const needs = Object.hasOwn(BOARD_SPEC, change.collection)
      ? BOARD_SPEC[change.collection as BoardCollection].permission
      : null;
    if (!needs) return { code: 'invalid', reason: `unknown collection ${change.collection}` };
    if (!ctx.rights.permissions.has(needs)) {
      return { code: 'forbidden', reason: `${change.collection} cannot be changed on this board in this phase` };
    }
    const refusal = checkChange(actor, change, ctx);
    if (refusal) return refusal;
  }
  return checkRecordCounts(changes, ctx.count, holder);
}

/** Marks and votes: one record per participant, made and removed only by that participant. */
const OWN_RECORD_TEXTS: RecordTexts = {
  keyMismatch: (change) => `${change.collection}/${change.id}: id does not match`,
  notOwnName: 'you can only mark and vote in your own name',
  mayNotRemove: "you cannot remove someone else's mark or dot",
  immutable: (key) => `${key} cannot change`,
};

/** How the generic record check (recordCheck.ts) words its refusals for each board collection. */
const TEXTS: Readonly<Record<BoardCollection, RecordTexts>> = {
  notes: {
    keyMismatch: 'note id does not match its key',
    notOwnName: 'a note must be written in your own name',
    mayNotRemove: "you cannot delete someone else's note",
    immutable: (key) => `a note's ${key} cannot change`,
  },
  marks: OWN_RECORD_TEXTS,
  votes: OWN_RECORD_TEXTS,
  formulations: {
    keyMismatch: 'a wording is stored under its field',
    notOwnName: 'a wording must be saved in your own name',
    mayNotRemove: 'only a facilitator removes an agreed wording',
    immutable: (key) => `a wording's ${key} cannot change`,
  },
  deferrals: {
    keyMismatch: 'id does not match its key',
    notOwnName: 'an action point must be created in your own name',
    mayNotRemove: "you cannot remove someone else's action point",
    immutable: "an action point's author cannot change",
  },
  highlights: {
    keyMismatch: 'a highlight is stored under its note',
    notOwnName: 'a highlight must be made in your own name',
    mayNotRemove: "you cannot remove someone else's highlight",
    immutable: (key) => `a highlight's ${key} cannot change`,
  },
  choices: {
    keyMismatch: 'a choice is stored under its target',
    notOwnName: 'a choice must be made in your own name',
    mayNotRemove: "you cannot remove someone else's choice",
    immutable: (key) => `a choice's ${key} cannot change`,
  },
  questions: {
    keyMismatch: 'a question is stored under its author and slot',
    notOwnName: 'a question is asked in your own name',
    mayNotRemove: "you cannot remove someone else's question",
    immutable: (key) => `a question's ${key} cannot change`,
  },
};

/** The generic check of one change (from its declaration in collections.ts), then the collection's special rules. */
function checkChange(actor: Actor, change: RecordChange, ctx: BoardContext): Refusal | null {
  const name = change.collection as BoardCollection;
  const verdict = checkRecord(actor, change, (BOARD_SPEC as DocSpec)[name]!, TEXTS[name], invalid);
  if (!verdict.ok) return verdict.refusal;
  switch (name) {
    case 'notes':
      // Only the author (or a facilitator) changes the text; anyone who may write notes moves them.
      if (
        change.type === 'update' &&
        change.keys.some((key) => (AUTHOR_NOTE_KEYS as readonly string[]).includes(key)) &&
        !mayEditAsAuthor(actor, change.before)
      ) {
        return { code: 'forbidden', reason: "you cannot change the text of someone else's note" };
      }
      return checkSheet(change, ctx.rights);
    case 'marks':
      return needsNote(change, ctx);
    case 'votes':
      if (change.type !== 'remove' && Number(change.after.slot) >= ctx.dotsPerPerson) {
        return { code: 'limit', reason: `everyone has ${ctx.dotsPerPerson} voting dots` };
      }
      return needsNote(change, ctx);
    case 'formulations': {
      const f = verdict.record as Formulation | undefined;
      if (!f) return null;
      if (ctx.sheetOfField(f.fieldId) !== f.sheetId)
        return { code: 'invalid', reason: `unknown field ${f.fieldId} on ${f.sheetId}` };
      return sheetWritable(f.sheetId, ctx.rights);
    }
    case 'deferrals': {
      const d = verdict.record as Deferral | undefined;
      if (!d) return null;
      if (ctx.sheetOfField(d.fieldId) !== d.sheetId)
        return { code: 'invalid', reason: `unknown field ${d.fieldId} on ${d.sheetId}` };
      return sheetWritable(d.sheetId, ctx.rights);
    }
    case 'highlights':
      return needsNote(change, ctx);
    case 'choices': {
      const c = verdict.record as Choice | undefined;
      if (!c) {
        // Removing the group's choice: anyone who may choose on that sheet.
        const fieldId = change.type === 'remove' ? change.before.fieldId : undefined;
        const sheetId = typeof fieldId === 'string' ? ctx.sheetOfField(fieldId) : undefined;
        return sheetId ? sheetWritable(sheetId, ctx.rights) : null;
      }
      const sheetId = ctx.sheetOfField(c.fieldId);
      if (!sheetId) return { code: 'invalid', reason: `unknown field ${c.fieldId}` };
      if (c.targetKind === 'note' && !ctx.noteExists(c.targetId))
        return { code: 'invalid', reason: 'the chosen note does not exist' };
      if (c.targetKind === 'formulation' && c.targetId !== c.fieldId)
        return { code: 'invalid', reason: "a field's wording is chosen in that field" };
      return sheetWritable(sheetId, ctx.rights);
    }
    case 'questions': {
      // Asked about a field of the canvas; the slot in the key bounds how many each person asks.
      const q = change.type === 'remove' ? undefined : change.after;
      return q && ctx.sheetOfField(String(q.fieldId)) === undefined
        ? { code: 'invalid', reason: `unknown field ${String(q.fieldId)}` }
        : null;
    }
  }
}

function needsNote(change: RecordChange, ctx: BoardContext): Refusal | null {
  if (change.type === 'remove') return null;
  const noteId = change.after.noteId;
  return typeof noteId === 'string' && ctx.noteExists(noteId)
    ? null
    : { code: 'invalid', reason: `${change.collection} refers to a note that does not exist` };
}

/** Notes may only be placed on the sheets the phase works on. */
function checkSheet(change: RecordChange, rights: BoardRights): Refusal | null {
  if (change.type === 'remove') return null;
  const moved =
    change.type === 'add' || change.keys.some((k) => k === 'x' || k === 'y' || k === 'sheetId' || k === 'fieldId');
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

function invalid(change: RecordChange, issues: readonly Issue[]): Refusal {
  const first = issues[0];
  const where = first ? first.path.map(String).join('.') : '';
  // Text over a limit is a limit, not malformed data: the user gets a message about length.
  if (first && first.code === 'too_big' && change.collection === 'notes' && where === 'text') {
    return { code: 'limit', reason: `a note holds at most ${LIMITS.noteTextLength} characters` };
  }
  if (
    first &&
    first.code === 'too_big' &&
    (where === 'text' || where === 'question' || where === 'findOut' || where === 'askWhom')
  ) {
    return { code: 'limit', reason: `${change.collection}: ${where} is too long` };
  }
  return {
    code: 'invalid',
    reason: `${change.collection}/${change.id}: ${where} ${first?.message ?? 'is malformed'}`.trim(),
  };
}
