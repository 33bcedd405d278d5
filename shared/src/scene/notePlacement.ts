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

/** The rectangles covered by a field's printed texts and its info button. */
function headerBoxes(layout: ReturnType<typeof fieldLayoutFor>): Box[] {
  const { info } = layout;
  return [
    ...[layout.title, ...layout.questions, ...(layout.hint ? [layout.hint] : [])].map((block) => ({
      x: block.x,
      y: block.y,
      width: block.width,
      height: block.height,
    })),
    { x: info.x - info.r, y: info.y - info.r, width: 2 * info.r, height: 2 * info.r },
  ];
}

/**
 * The best spot for a note in a field; `nearCentre` is where the person wants its centre. First a
 * free spot below the printed text; then, for a field filled with nested boxes (PRIVACY), the
 * least covering spot whose centre is still in the field, possibly sticking out over its edge.
 */
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
  const children = sheet.fields.filter((f) => f.parentId === field.id).map((f) => f.rect);
  const others = notes.filter((n) => n.sheetId === sheet.id && n.id !== ignoreId).map(noteBox);
  const near = nearCentre ? { x: nearCentre.x - NOTE_SIZE / 2, y: nearCentre.y - NOTE_SIZE / 2 } : undefined;
  const accepts = (p: Point) => fieldOfNoteAt(sheet, p.x, p.y) === field.id;
  const base = { size: NOTE_SIZE, accepts, ...(near ? { near } : {}) };

  const below = {
    x: rect.x,
    y: layout.headerBottom,
    width: rect.width,
    height: rect.y + rect.height - layout.headerBottom,
  };
  const strict =
    below.height >= NOTE_SIZE / 2 ? findSpot({ ...base, area: below, obstacles: [...children, ...others] }) : null;
  if (strict?.free || children.length === 0) return strict ?? findSpot({ ...base, area: rect, obstacles: others });

  const half = NOTE_SIZE / 2;
  const x = Math.max(0, rect.x - half);
  const y = Math.max(0, rect.y - half);
  const wide = {
    x,
    y,
    width: Math.min(sheet.width, rect.x + rect.width + half) - x,
    height: Math.min(sheet.height, rect.y + rect.height + half) - y,
  };
  // Sticking out over the edge is fine; covering a neighbouring field is not.
  const neighbours = sheet.fields
    .filter((f) => f.id !== field.id && f.id !== field.parentId && f.parentId !== field.id)
    .map((f) => f.rect);
  return (
    findSpot({ ...base, area: wide, obstacles: [...children, ...neighbours, ...others, ...headerBoxes(layout)] }) ??
    strict
  );
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
