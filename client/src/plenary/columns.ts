import { countMarks, countVotes, type Deferral, type Formulation } from '@dmc/shared/domain/discussion';
import type { Note } from '@dmc/shared/domain/note';
import { byAsked, type Question } from '@dmc/shared/domain/questions';
import type { Group } from '@dmc/shared/domain/session';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { getField, localize } from '@dmc/shared/template/lookup';
import { plenaryTemplate } from '@dmc/shared/template/plenary';
import type { CanvasTemplate, FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import { EMPTY_BOARD, type BoardReadStatus, type BoardSnapshot } from '../store/plenarySlice';

/**
 * The synthesis view's model: for one field of the canvas, one column per subgroup with that
 * group's notes (and what the group said about each), its agreed wording and its open action
 * points. Pure: boards in, columns out.
 */

/** A board the plenary reads: a subgroup's, or the plenary board when there are no subgroups. */
export interface PlenarySource {
  readonly boardId: string;
  /** The subgroup's name; null for the plenary board (the view names it). */
  readonly name: string | null;
  readonly color: string | null;
}

/** The boards to read: every subgroup in its order, or the plenary board in a workshop without subgroups. */
export function plenarySources(groups: readonly Group[]): PlenarySource[] {
  if (groups.length === 0) return [{ boardId: PLENARY_BOARD, name: null, color: null }];
  return [...groups]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map((g) => ({ boardId: g.id, name: g.name, color: g.color }));
}

/** One note as the synthesis shows it. */
export interface NoteCard {
  readonly note: Note;
  /** The board it is on. */
  readonly boardId: string;
  readonly agree: number;
  readonly disagree: number;
  readonly open: number;
  readonly votes: number;
  /** Picked as a highlight for the presentation. */
  readonly highlighted: boolean;
  /** The group's choice (the goal, one of the concrete questions). */
  readonly chosen: boolean;
}

/** One subgroup's answers to one field. */
export interface FieldColumn {
  readonly source: PlenarySource;
  readonly status: BoardReadStatus;
  /** Most supported first: chosen, highlighted, dots, then agreement, then as on the sheet. */
  readonly cards: readonly NoteCard[];
  readonly formulation: Formulation | null;
  readonly deferrals: readonly Deferral[];
  /** Listeners' questions to this group about this field, from the presentations. */
  readonly questions: readonly Question[];
}

/** The notes of a board in one field, with their discussion, most supported first. */
export function cardsOf(board: BoardSnapshot, boardId: string, fieldId: string): NoteCard[] {
  const notes = board.notes.filter((n) => n.fieldId === fieldId);
  if (notes.length === 0) return [];
  const marks = countMarks(board.marks);
  const votes = countVotes(board.votes);
  const highlighted = new Set(board.highlights.map((h) => h.noteId));
  const chosen = new Set(board.choices.filter((c) => c.targetKind === 'note').map((c) => c.targetId));
  const cards = notes.map((note): NoteCard => {
    const m = marks.get(note.id);
    return {
      note,
      boardId,
      agree: m?.agree ?? 0,
      disagree: m?.disagree ?? 0,
      open: m?.open ?? 0,
      votes: votes.get(note.id) ?? 0,
      highlighted: highlighted.has(note.id),
      chosen: chosen.has(note.id),
    };
  });
  return cards.sort(
    (a, b) =>
      Number(b.chosen) - Number(a.chosen) ||
      Number(b.highlighted) - Number(a.highlighted) ||
      b.votes - a.votes ||
      b.agree - b.disagree - (a.agree - a.disagree) ||
      a.note.y - b.note.y ||
      a.note.x - b.note.x ||
      a.note.createdAt - b.note.createdAt ||
      (a.note.id < b.note.id ? -1 : 1),
  );
}

/** The columns of one field: one per source, in the sources' order. */
export function columnsForField(
  sources: readonly PlenarySource[],
  boards: Readonly<Record<string, BoardSnapshot>>,
  fieldId: string,
): FieldColumn[] {
  return sources.map((source) => {
    const board = boards[source.boardId] ?? EMPTY_BOARD;
    return {
      source,
      status: board.status,
      cards: cardsOf(board, source.boardId, fieldId),
      formulation: board.formulations.find((f) => f.fieldId === fieldId && f.text.trim() !== '') ?? null,
      deferrals: board.deferrals.filter((d) => d.fieldId === fieldId),
      questions: byAsked((board.questions ?? []).filter((q) => q.fieldId === fieldId)),
    };
  });
}

/** A field as the synthesis picker lists it. */
export interface SynthesisField {
  readonly field: FieldTemplate;
  readonly sheet: SheetTemplate;
  /** 0 for a field of its own, 1 for a box inside another (the DPIA steps in PRIVACY). */
  readonly depth: number;
}

/** The fields of every sheet, in template order, each nested box right after its parent. */
export function synthesisFields(template: CanvasTemplate): SynthesisField[] {
  const out: SynthesisField[] = [];
  for (const sheet of template.sheets) {
    const visit = (parentId: string | undefined, depth: number) => {
      for (const field of sheet.fields.filter((f) => f.parentId === parentId)) {
        out.push({ field, sheet, depth });
        visit(field.id, depth + 1);
      }
    };
    visit(undefined, 0);
  }
  return out;
}

/** What the picker says about a field: how many notes, from how many groups, with how many action points. */
export interface FieldCount {
  readonly notes: number;
  readonly groups: number;
  readonly deferrals: number;
}

/** Counts per field over the given boards. */
export function fieldCounts(
  sources: readonly PlenarySource[],
  boards: Readonly<Record<string, BoardSnapshot>>,
): Map<string, FieldCount> {
  const counts = new Map<string, { notes: number; groups: Set<string>; deferrals: number }>();
  const entry = (fieldId: string) => {
    let e = counts.get(fieldId);
    if (!e) counts.set(fieldId, (e = { notes: 0, groups: new Set(), deferrals: 0 }));
    return e;
  };
  for (const { boardId } of sources) {
    const board = boards[boardId];
    if (!board) continue;
    for (const note of board.notes) {
      if (note.fieldId === null) continue;
      const e = entry(note.fieldId);
      e.notes++;
      e.groups.add(boardId);
    }
    for (const d of board.deferrals) entry(d.fieldId).deferrals++;
  }
  return new Map([...counts].map(([id, e]) => [id, { notes: e.notes, groups: e.groups.size, deferrals: e.deferrals }]));
}

/** A note found on one of the boards, with where it lies. */
export interface FoundNote {
  readonly note: Note;
  readonly boardId: string;
}

/** Every note of the given boards by id. */
export function notesById(boards: Readonly<Record<string, BoardSnapshot>>): Map<string, FoundNote> {
  const out = new Map<string, FoundNote>();
  for (const [boardId, board] of Object.entries(boards))
    for (const note of board.notes) out.set(note.id, { note, boardId });
  return out;
}

/** The title of a field of any board in a language, or its id when the template has no such field; null for none. */
export function fieldTitle(fieldId: string | null, locale: Locale): string | null {
  if (fieldId === null) return null;
  const found = getField(plenaryTemplate, fieldId);
  return found ? localize(found.field.title, locale) : fieldId;
}
