import type { Note } from '@dmc/shared/domain/note';

/**
 * Keeps note objects stable across document changes: a note whose values did not change keeps
 * its identity, so memoised components for untouched notes do not re-render.
 */
export function reuseUnchanged(previous: readonly Note[], next: readonly Note[]): readonly Note[] {
  const byId = new Map(previous.map((note) => [note.id, note]));
  let changed = previous.length !== next.length;
  const out = next.map((note, i) => {
    const old = byId.get(note.id);
    const kept = old && sameNote(old, note) ? old : note;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? out : previous;
}

function sameNote(a: Note, b: Note): boolean {
  return (
    a.x === b.x &&
    a.y === b.y &&
    a.text === b.text &&
    a.color === b.color &&
    a.fieldId === b.fieldId &&
    a.sheetId === b.sheetId &&
    a.z === b.z &&
    a.authorId === b.authorId &&
    a.createdAt === b.createdAt
  );
}
