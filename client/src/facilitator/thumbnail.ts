import { NOTE_SIZE, type Note, type NoteColor } from '@dmc/shared/domain/note';
import type { CanvasTemplate, FieldTemplate, SheetTemplate } from '@dmc/shared/template/types';

/**
 * Geometry of the overview thumbnails: which sheets a board shows in the current phase, how they
 * sit side by side in one SVG, and where each note's square goes. Sheet units throughout; the
 * SVG's viewBox does the scaling.
 */

/** Space between sheets shown side by side, in sheet units. */
export const SHEET_GAP = 40;

/** A sheet placed in the thumbnail. */
export interface PlacedSheet {
  readonly sheet: SheetTemplate;
  readonly offsetX: number;
}

/** Sheets side by side in one coordinate system. */
export interface ThumbnailLayout {
  readonly width: number;
  readonly height: number;
  readonly sheets: readonly PlacedSheet[];
}

/** A note's square in the thumbnail. */
export interface NoteSquare {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly color: NoteColor;
}

/**
 * The sheets to show for a board: the phase's sheet when the board has it, otherwise every sheet
 * of the board that is not the welcome sheet — unless the welcome sheet is all there is to see.
 */
export function thumbnailSheets(template: CanvasTemplate, phaseSheetId: string | null): SheetTemplate[] {
  const own = phaseSheetId ? template.sheets.find((s) => s.id === phaseSheetId) : undefined;
  if (own) return [own];
  const model = template.sheets.filter((s) => s.id !== 'welkom');
  return model.length > 0 ? model : [...template.sheets];
}

/** Lays sheets out left to right, top-aligned. */
export function layoutSheets(sheets: readonly SheetTemplate[], gap = SHEET_GAP): ThumbnailLayout {
  let x = 0;
  const placed: PlacedSheet[] = [];
  for (const sheet of sheets) {
    placed.push({ sheet, offsetX: x });
    x += sheet.width + gap;
  }
  return {
    width: Math.max(1, x - (sheets.length > 0 ? gap : 0)),
    height: Math.max(1, ...sheets.map((s) => s.height)),
    sheets: placed,
  };
}

/** Field rectangles to draw, outer fields before the boxes nested in them. */
export function fieldRects(sheet: SheetTemplate): FieldTemplate[] {
  return [...sheet.fields].sort((a, b) => Number(a.parentId !== undefined) - Number(b.parentId !== undefined));
}

/**
 * The squares of the notes that lie on the shown sheets, in stacking order. Notes may lie a little
 * outside their sheet; the square is kept inside so nothing is drawn over the next sheet.
 */
export function noteSquares(layout: ThumbnailLayout, notes: readonly Note[]): NoteSquare[] {
  const bySheet = new Map(layout.sheets.map((p) => [p.sheet.id, p]));
  const squares: NoteSquare[] = [];
  for (const note of notes) {
    const placed = bySheet.get(note.sheetId);
    if (!placed) continue;
    const { width, height } = placed.sheet;
    const x = Math.min(Math.max(note.x, 0), width - NOTE_SIZE);
    const y = Math.min(Math.max(note.y, 0), height - NOTE_SIZE);
    squares.push({ id: note.id, x: placed.offsetX + x, y, size: NOTE_SIZE, color: note.color });
  }
  return squares;
}

/** Notes per sheet id. */
export function countBySheet(notes: readonly Note[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note.sheetId, (counts.get(note.sheetId) ?? 0) + 1);
  return counts;
}

/** The newest note's creation time: the best guess of a board's last activity before we watched it. */
export function newestNoteTime(notes: readonly Note[]): number | null {
  let newest: number | null = null;
  for (const note of notes) if (newest === null || note.createdAt > newest) newest = note.createdAt;
  return newest;
}
