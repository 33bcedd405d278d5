import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import type { Locale, SheetTemplate } from '@dmc/shared/template/types';
import { spotInField } from './notePlacement';

/**
 * After silent writing the notes of several people land on one board, each placed without seeing
 * the others'. Notes that cover each other are spread out: every author moves only their own
 * notes, and only off a note that was written earlier, so two people never move into each other's
 * way for the same overlap. Pure; the caller writes the moves.
 */

/** A note's new place. */
export interface TidyMove {
  readonly noteId: string;
  readonly x: number;
  readonly y: number;
}

/** How much two notes may overlap (fraction of a note) before they count as covering each other. */
const COVERS = 0.04;

function overlap(a: Pick<Note, 'x' | 'y'>, b: Pick<Note, 'x' | 'y'>): number {
  const w = Math.max(0, NOTE_SIZE - Math.abs(a.x - b.x));
  const h = Math.max(0, NOTE_SIZE - Math.abs(a.y - b.y));
  return (w * h) / (NOTE_SIZE * NOTE_SIZE);
}

function earlier(a: Note, b: Note): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Where to move my revealed notes (`mine`, ids) so they no longer cover notes written before them. */
export function tidyRevealed(
  sheet: SheetTemplate,
  notes: readonly Note[],
  mine: ReadonlySet<string>,
  locale: Locale,
): TidyMove[] {
  const placed = new Map(notes.filter((n) => n.sheetId === sheet.id).map((n) => [n.id, n]));
  const moves: TidyMove[] = [];
  const candidates = [...placed.values()].filter((n) => mine.has(n.id)).sort((a, b) => (earlier(a, b) ? -1 : 1));
  for (const note of candidates) {
    const current = placed.get(note.id) ?? note;
    const covered = [...placed.values()].some(
      (other) => other.id !== note.id && earlier(other, note) && overlap(other, current) > COVERS,
    );
    if (!covered) continue;
    const field = sheet.fields.find((f) => f.id === note.fieldId);
    if (!field) continue;
    const near = { x: current.x + NOTE_SIZE / 2, y: current.y + NOTE_SIZE / 2 };
    const spot = spotInField(sheet, field, [...placed.values()], locale, near, note.id);
    if (!spot?.free) continue;
    moves.push({ noteId: note.id, x: spot.x, y: spot.y });
    placed.set(note.id, { ...current, x: spot.x, y: spot.y });
  }
  return moves;
}
