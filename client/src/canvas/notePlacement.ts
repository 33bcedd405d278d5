import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { fieldAt } from '@dmc/shared/template/lookup';
import type { FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import { fieldLayoutFor } from './layouts';
import { findSpot, type Box, type Spot } from './placement';
import type { Point } from './viewport';

/**
 * Where notes go on a template's sheet: a free spot in a field, below its printed text, clear of
 * nested fields and other notes, with its centre inside that very field (so the note belongs to it).
 */

/** A note's rectangle on its sheet. */
export function noteBox(note: Pick<Note, 'x' | 'y'>): Box {
  return { x: note.x, y: note.y, width: NOTE_SIZE, height: NOTE_SIZE };
}

/** A note position and the field it falls in. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly fieldId: string | null;
}

/** The field a note at this top-left corner belongs to (by its centre). */
export function fieldOfNoteAt(sheet: SheetTemplate, x: number, y: number): string | null {
  return fieldAt(sheet, x + NOTE_SIZE / 2, y + NOTE_SIZE / 2)?.id ?? null;
}

/** Keeps a note's top-left corner on the sheet. */
export function clampToSheet(sheet: SheetTemplate, p: Point): Point {
  return {
    x: Math.round(Math.min(sheet.width - NOTE_SIZE, Math.max(0, p.x)) * 10) / 10,
    y: Math.round(Math.min(sheet.height - NOTE_SIZE, Math.max(0, p.y)) * 10) / 10,
  };
}

/** The best spot for a note in a field; `nearCentre` is where the person wants its centre. */
export function spotInField(
  sheet: SheetTemplate,
  field: FieldTemplate,
  notes: readonly Note[],
  locale: Locale,
  nearCentre?: Point,
  ignoreId?: string,
): Spot | null {
  const { rect } = field;
  const layout = fieldLayoutFor(sheet, field, locale);
  const obstacles: Box[] = [
    ...sheet.fields.filter((f) => f.parentId === field.id).map((f) => f.rect),
    ...notes.filter((n) => n.sheetId === sheet.id && n.id !== ignoreId).map(noteBox),
  ];
  const near = nearCentre ? { x: nearCentre.x - NOTE_SIZE / 2, y: nearCentre.y - NOTE_SIZE / 2 } : undefined;
  const accepts = (p: Point) => fieldOfNoteAt(sheet, p.x, p.y) === field.id;
  const below = { x: rect.x, y: layout.headerBottom, width: rect.width, height: rect.y + rect.height - layout.headerBottom };
  const request = { size: NOTE_SIZE, obstacles, accepts, ...(near ? { near } : {}) };
  // Below the printed text first; a parent full of nested fields may only have room in its title band.
  const strict = below.height >= NOTE_SIZE / 2 ? findSpot({ ...request, area: below }) : null;
  if (strict?.free) return strict;
  const loose = findSpot({ ...request, area: rect });
  if (loose?.free) return loose;
  return strict ?? loose;
}

/**
 * Where a new note goes: a free spot in the preferred field, else in the first field with room,
 * else the least crowded spot of the preferred field.
 */
export function placeNewNote(
  sheet: SheetTemplate,
  notes: readonly Note[],
  locale: Locale,
  preferredFieldId: string | null,
  nearCentre?: Point,
): Placement {
  const preferred = sheet.fields.find((f) => f.id === preferredFieldId);
  const order = preferred ? [preferred, ...sheet.fields.filter((f) => f !== preferred)] : [...sheet.fields];
  let fallback: Placement | null = null;
  for (const field of order) {
    const spot = spotInField(sheet, field, notes, locale, field === preferred ? nearCentre : undefined);
    if (!spot) continue;
    if (spot.free) return { x: spot.x, y: spot.y, fieldId: field.id };
    fallback ??= { x: spot.x, y: spot.y, fieldId: field.id };
  }
  if (fallback) return fallback;
  const centre = nearCentre ?? { x: sheet.width / 2, y: sheet.height / 2 };
  const p = clampToSheet(sheet, { x: centre.x - NOTE_SIZE / 2, y: centre.y - NOTE_SIZE / 2 });
  return { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) };
}

/** A note's position centred on a point, kept on the sheet, with the field it lands in. */
export function placeAtPoint(sheet: SheetTemplate, centre: Point): Placement {
  const p = clampToSheet(sheet, { x: centre.x - NOTE_SIZE / 2, y: centre.y - NOTE_SIZE / 2 });
  return { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) };
}
