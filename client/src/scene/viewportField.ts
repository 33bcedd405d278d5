import type { PhaseDefinition } from '@dmc/shared/domain/phases';
import { fieldAt } from '@dmc/shared/template/lookup';
import { BADGE_METRICS } from '@dmc/shared/scene/palette';
import type { FieldTemplate, Rect, SheetTemplate } from '@dmc/shared/template/types';
import { NOTE_TEXT } from './theme';
import { clampScale, fitScale, type Point, type Size, type Viewport } from './viewport';

/**
 * Reading a field from one's chair: the view that zooms to a field, the note text size that stays
 * readable at a zoom, and which field a phase opens on. Pure: no DOM, no store. On-screen text
 * height = font size in sheet units × the viewport's scale.
 */

/** The least on-screen size (CSS px) of note text and note counters when a field is in view. */
export const READABLE_PX = 11;

/** Note text never shrinks below this size (sheet units), however long the note: zoomed far in it is still readable. */
export const NOTE_FONT_MIN = NOTE_TEXT.minFontSize;

/**
 * The size (sheet units) note text shrinks to at most at an ordinary zoom: a longer text ends in
 * "…" there and shows whole when zoomed in further. The counters under a note have this size too.
 */
export const NOTE_FONT_READABLE = BADGE_METRICS.fontSize;

/** The least scale at which note text and counters are at least {@link READABLE_PX} on screen (rounded up, so it holds in floating point). */
export const READABLE_SCALE = Math.ceil((READABLE_PX / NOTE_FONT_READABLE) * 1000) / 1000;

/** The greatest scale a field is zoomed to: a small box (a DPIA question) is not blown up further. */
export const FIELD_ZOOM_MAX = 2.5;

/** Space (px) kept around a field zoomed to. */
export const FIELD_PADDING = 24;

/**
 * The smallest size (sheet units, in the fitting's 0.5 steps) note text may take at a scale and
 * still be {@link READABLE_PX} on screen; never below {@link NOTE_FONT_MIN}, never above
 * {@link NOTE_FONT_READABLE} (zoomed out, long notes are cut rather than shrunk to specks).
 */
export function noteFontFloor(scale: number): number {
  const needed = Math.ceil((READABLE_PX / Math.max(scale, 1e-3)) * 2) / 2;
  return Math.min(NOTE_FONT_READABLE, Math.max(NOTE_FONT_MIN, needed));
}

/**
 * The view of one field: as large as fits the canvas, but never smaller than
 * {@link READABLE_SCALE} (nor larger than {@link FIELD_ZOOM_MAX}), within the zoom limits of the
 * sheet. The field is centred; a field larger than the canvas at that scale shows its top-left
 * part (title and questions first).
 */
export function viewForField(rect: Rect, sheet: Size, canvas: Size, padding = FIELD_PADDING): Viewport {
  const fitsField = fitScale({ width: Math.max(1, rect.width), height: Math.max(1, rect.height) }, canvas, padding);
  const scale = clampScale(Math.max(READABLE_SCALE, Math.min(fitsField, FIELD_ZOOM_MAX)), fitScale(sheet, canvas));
  const place = (start: number, length: number, room: number) =>
    length * scale <= room - 2 * padding ? room / 2 - (start + length / 2) * scale : padding - start * scale;
  return { scale, x: place(rect.x, rect.width, canvas.width), y: place(rect.y, rect.height, canvas.height) };
}

/** Whether a view shows a field as {@link viewForField} does (up to rounding). */
export function isFieldView(vp: Viewport, rect: Rect, sheet: Size, canvas: Size): boolean {
  const want = viewForField(rect, sheet, canvas);
  return Math.abs(vp.scale - want.scale) < 1e-3 && Math.abs(vp.x - want.x) < 1 && Math.abs(vp.y - want.y) < 1;
}

/**
 * The field a participant's view opens on in a phase: the first field of the phase's own sheet
 * when participants write notes there (the writing and discussion phases); null for the whole sheet.
 */
export function phaseFocusField(phase: PhaseDefinition, sheet: SheetTemplate): FieldTemplate | null {
  if (phase.sheetId !== sheet.id || !phase.writableSheets.includes(sheet.id)) return null;
  if (!phase.participant.includes('notes')) return null;
  return sheet.fields.find((f) => f.parentId === undefined) ?? null;
}

/** The field under a sheet point (the innermost), else the one whose rectangle is nearest. */
export function fieldNear(sheet: SheetTemplate, p: Point): FieldTemplate | null {
  const under = fieldAt(sheet, p.x, p.y);
  if (under) return under;
  let best: FieldTemplate | null = null;
  let bestDistance = Infinity;
  for (const field of sheet.fields) {
    const { x, y, width, height } = field.rect;
    const dx = Math.max(x - p.x, 0, p.x - (x + width));
    const dy = Math.max(y - p.y, 0, p.y - (y + height));
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = field;
    }
  }
  return best;
}

/** The field `step` places after (or before) a field in the sheet's reading order, wrapping; the first (last) from none. */
export function stepField(sheet: SheetTemplate, fieldId: string | null, step: 1 | -1): FieldTemplate | null {
  const fields = sheet.fields;
  if (fields.length === 0) return null;
  const index = fieldId === null ? -1 : fields.findIndex((f) => f.id === fieldId);
  const next = index < 0 ? (step === 1 ? 0 : fields.length - 1) : (index + step + fields.length) % fields.length;
  return fields[next] ?? null;
}
