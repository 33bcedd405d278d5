import type { Note } from '@dmc/shared/domain/note';
import type { SheetTemplate } from '@dmc/shared/template/types';

/**
 * The list view's order of a sheet's notes: per field (null: on no field of this sheet), in the
 * order they were written. Not the canvas's reading order: a note moved or placed higher on the
 * canvas would jump in the list under the cursor, and a new note belongs at the end.
 */
export function notesByField(notes: readonly Note[], sheet: SheetTemplate): Map<string | null, Note[]> {
  const map = new Map<string | null, Note[]>();
  const known = new Set(sheet.fields.map((f) => f.id));
  for (const note of notes) {
    if (note.sheetId !== sheet.id) continue;
    const key = note.fieldId !== null && known.has(note.fieldId) ? note.fieldId : null;
    const list = map.get(key) ?? [];
    list.push(note);
    map.set(key, list);
  }
  // Creation order; the id settles notes made in the same millisecond the same way on every screen.
  for (const list of map.values())
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return map;
}
