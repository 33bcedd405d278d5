import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import type { SheetTemplate } from '@dmc/shared/template/types';

/** Notes whose tops lie closer than this (sheet units) read as one row. */
const ROW_TOLERANCE = NOTE_SIZE / 2;

/**
 * The order in which the keyboard walks a sheet's notes: field by field, in the template's order
 * (notes outside the fields last), and within a field in reading order — rows from top to bottom,
 * each row from left to right. Ties keep creation order, so the walk is stable.
 */
export function readingOrder(sheet: SheetTemplate, notes: readonly Note[]): Note[] {
  const fieldRank = new Map(sheet.fields.map((field, index) => [field.id, index]));
  const outside = sheet.fields.length;
  const groups = new Map<number, Note[]>();
  for (const note of notes) {
    if (note.sheetId !== sheet.id) continue;
    const rank = note.fieldId === null ? outside : (fieldRank.get(note.fieldId) ?? outside);
    const group = groups.get(rank) ?? [];
    group.push(note);
    groups.set(rank, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).flatMap(([, group]) => inRows(group));
}

/** One field's notes in rows: a row starts at the highest note left and takes every note near its top. */
function inRows(notes: readonly Note[]): Note[] {
  const byTop = [...notes].sort((a, b) => a.y - b.y || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const result: Note[] = [];
  let row: Note[] = [];
  let rowTop = 0;
  for (const note of byTop) {
    if (row.length > 0 && note.y - rowTop >= ROW_TOLERANCE) {
      result.push(...row.sort(byLeft));
      row = [];
    }
    if (row.length === 0) rowTop = note.y;
    row.push(note);
  }
  result.push(...row.sort(byLeft));
  return result;
}

const byLeft = (a: Note, b: Note) => a.x - b.x || a.y - b.y || a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The note after (step 1) or before (step −1) the current one in reading order; from no note (or
 * one not in the list) the first or the last. Null at either end: the keyboard walk stops there.
 */
export function stepNote(order: readonly Note[], currentId: string | null, step: 1 | -1): Note | null {
  const index = currentId === null ? -1 : order.findIndex((n) => n.id === currentId);
  if (index < 0) return (step === 1 ? order[0] : order[order.length - 1]) ?? null;
  return order[index + step] ?? null;
}
