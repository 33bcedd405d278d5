import type { Note } from '@dmc/shared/domain/note';

/**
 * The notes on screen come from several documents: the board, my private draft (silent writing)
 * and, for a facilitator, the drafts of a subgroup's members. This module merges them into one
 * list, pure and tested. When a writing phase ends the server moves the private notes to the
 * board as the same notes (same ids); the two documents report that in either order, so a note
 * that left a draft stays on screen ("lingers") until the board has it — no flicker, no double.
 */

/**
 * A private note that left its draft without its owner deleting it (the reveal), kept until the
 * board shows it — or until the next phase change or board switch, if it never arrives.
 */
export interface LingeringNote {
  readonly note: Note;
  readonly ownerId: string;
}

/** The merged notes and, for each private note, whose draft it belongs to. */
export interface MergedNotes {
  readonly notes: readonly Note[];
  readonly privateOwners: ReadonlyMap<string, string>;
}

/**
 * Board notes first (stacking order), then private notes on top, per owner in the given order.
 * A note id that is on the board is shown once, as the board's note.
 */
export function mergeNotes(
  board: readonly Note[],
  drafts: ReadonlyArray<readonly [ownerId: string, notes: readonly Note[]]>,
  lingering: readonly LingeringNote[],
): MergedNotes {
  const onBoard = new Set(board.map((n) => n.id));
  const privateOwners = new Map<string, string>();
  const extra: Note[] = [];
  for (const [ownerId, notes] of drafts) {
    for (const note of [...notes].sort(byStacking)) {
      if (onBoard.has(note.id) || privateOwners.has(note.id)) continue;
      privateOwners.set(note.id, ownerId);
      extra.push(note);
    }
  }
  for (const entry of lingering) {
    if (onBoard.has(entry.note.id) || privateOwners.has(entry.note.id)) continue;
    privateOwners.set(entry.note.id, entry.ownerId);
    extra.push(entry.note);
  }
  return { notes: extra.length === 0 ? board : [...board, ...extra], privateOwners };
}

/** Notes in `previous` that are not in `next`. */
export function removedNotes(previous: readonly Note[], next: readonly Note[]): Note[] {
  const ids = new Set(next.map((n) => n.id));
  return previous.filter((n) => !ids.has(n.id));
}

/** Lingering notes still worth showing: not yet on the board. */
export function pruneLingering(lingering: readonly LingeringNote[], board: readonly Note[]): readonly LingeringNote[] {
  const onBoard = new Set(board.map((n) => n.id));
  const kept = lingering.filter((l) => !onBoard.has(l.note.id));
  return kept.length === lingering.length ? lingering : kept;
}

/** Whether two note lists hold the same note objects in the same order. */
export function sameNoteList(a: readonly Note[], b: readonly Note[]): boolean {
  return a.length === b.length && a.every((note, i) => note === b[i]);
}

function byStacking(a: Note, b: Note): number {
  return a.z - b.z || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}
