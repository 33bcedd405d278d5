import type { Choice, Formulation } from '../domain/discussion';
import { NOTE_SIZE, type Note } from '../domain/note';
import { fieldAt } from '../template/lookup';
import { freeNoteArea, printedBlock, wordingBlock } from '../template/noteArea';
import type { CanvasTemplate, FieldTemplate, SheetTemplate } from '../template/types';
import { FIELD_BUTTON, RIBBON } from './noteBadges';
import { cascadeSpot, findSpot, placeNotes, type Box, type PlaceRequest, type Point, type Spot } from './placement';

/**
 * Where notes go on a template's sheet — new notes in the browser, revealed notes on the server,
 * the same rules for both: in a field's free area (below its printed text, above its agreed
 * wording), clear of other notes, the "GEKOZEN" ribbons of chosen notes, the wording boxes and the
 * field buttons, filled in reading order; a full field takes its notes on a cascade inside it.
 * Printed texts are measured on the safe side (template/noteArea.ts), so the rules do not depend
 * on the browser's font or the interface language.
 */

/** What lies on a board besides the printed sheet, as far as placing notes goes. */
export interface BoardContents {
  /** The notes on the board (any sheet). */
  readonly notes: readonly Note[];
  /** The agreed wording per field id. */
  readonly wordings: ReadonlyMap<string, string>;
  /** The notes the group chose: they wear a ribbon above their top edge. */
  readonly chosen: ReadonlySet<string>;
}

/** A board's contents from its notes, agreed wordings and choices. */
export function boardContents(
  notes: readonly Note[],
  formulations: readonly Pick<Formulation, 'fieldId' | 'text'>[] = [],
  choices: readonly Pick<Choice, 'targetKind' | 'targetId'>[] = [],
): BoardContents {
  return {
    notes,
    wordings: new Map(formulations.map((f) => [f.fieldId, f.text])),
    chosen: new Set(choices.filter((c) => c.targetKind === 'note').map((c) => c.targetId)),
  };
}

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

/** A note's position centred on a point, kept on the sheet, with the field it lands in. */
export function placeAtPoint(sheet: SheetTemplate, centre: Point): Placement {
  const p = clampToSheet(sheet, { x: centre.x - NOTE_SIZE / 2, y: centre.y - NOTE_SIZE / 2 });
  return { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) };
}

/**
 * The field's button, as the board draws it: bottom right, above the agreed wording. Reaching
 * down to the field's edge, so a wording box drawn shorter than the safe estimate still leaves it
 * covered.
 */
function fieldButtonBox(field: FieldTemplate, wording: Box | null): Box {
  const { r, margin } = field.parentId === undefined ? FIELD_BUTTON.top : FIELD_BUTTON.nested;
  const { rect } = field;
  const top = (wording ? wording.y - 3 : rect.y + rect.height - margin) - 2 * r;
  return { x: rect.x + rect.width - margin - 2 * r, y: top, width: 2 * r, height: rect.y + rect.height - top };
}

/** What new notes on a sheet keep clear of: its notes (and chosen notes' ribbons), agreed wordings and field buttons. */
export function obstaclesOn(sheet: SheetTemplate, contents: BoardContents, ignoreId?: string): Box[] {
  const out: Box[] = [];
  for (const note of contents.notes) {
    if (note.sheetId !== sheet.id || note.id === ignoreId) continue;
    out.push(noteBox(note));
    if (contents.chosen.has(note.id))
      out.push({ x: note.x, y: note.y + RIBBON.top, width: NOTE_SIZE, height: -RIBBON.top });
  }
  for (const field of sheet.fields) {
    const text = contents.wordings.get(field.id) ?? '';
    const wording = text.trim() === '' ? null : wordingBlock(field, text);
    if (wording) out.push(wording);
    out.push(fieldButtonBox(field, wording));
  }
  return out;
}

/** The request for spots in a field's free area; `near` is the wished top-left corner. */
function fieldRequest(
  sheet: SheetTemplate,
  field: FieldTemplate,
  contents: BoardContents,
  ignoreId?: string,
  near?: Point,
): Omit<PlaceRequest, 'count'> {
  const { rect } = field;
  const free = freeNoteArea(sheet, field, contents.wordings);
  // A chosen note wears its ribbon above its top edge: in a field that asks for a choice, the
  // first row keeps room for it under the printed text.
  const room = field.maxChosen === undefined ? 0 : 1 - RIBBON.top;
  const area = { ...free, y: free.y + room, height: Math.max(0, free.height - room) };
  // A field too full of text and wording for one note: overflow covers its wording, then its text.
  const below = { ...free, height: rect.y + rect.height - free.y - (free.x - rect.x) };
  const cascadeArea = area.height >= NOTE_SIZE ? area : below.height >= NOTE_SIZE ? below : rect;
  const children = sheet.fields.filter((f) => f.parentId === field.id).map((f) => f.rect);
  return {
    area,
    cascadeArea,
    size: NOTE_SIZE,
    obstacles: [...children, ...obstaclesOn(sheet, contents, ignoreId)],
    accepts: (p) => fieldOfNoteAt(sheet, p.x, p.y) === field.id,
    ...(near ? { near } : {}),
  };
}

/**
 * For a field filled with nested boxes (PRIVACY), which has no free area of its own: the least
 * covering spot whose centre is still in the field, possibly sticking out over its edge, clear
 * of its printed text, nested boxes and neighbouring fields as far as it goes.
 */
function spotAroundNested(
  sheet: SheetTemplate,
  field: FieldTemplate,
  contents: BoardContents,
  ignoreId?: string,
  near?: Point,
): Spot | null {
  const { rect } = field;
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
  const others = sheet.fields.filter((f) => f.id !== field.id && f.id !== field.parentId).map((f) => f.rect);
  return findSpot({
    area: wide,
    size: NOTE_SIZE,
    obstacles: [...others, printedBlock(sheet, field), ...obstaclesOn(sheet, contents, ignoreId)],
    accepts: (p) => fieldOfNoteAt(sheet, p.x, p.y) === field.id,
    ...(near ? { near } : {}),
  });
}

function hasNested(sheet: SheetTemplate, field: FieldTemplate): boolean {
  return sheet.fields.some((f) => f.parentId === field.id);
}

function cornerNear(centre: Point | undefined): Point | undefined {
  return centre ? { x: centre.x - NOTE_SIZE / 2, y: centre.y - NOTE_SIZE / 2 } : undefined;
}

function placementOf(sheet: SheetTemplate, field: FieldTemplate, spot: Point): Placement {
  return { x: spot.x, y: spot.y, fieldId: fieldOfNoteAt(sheet, spot.x, spot.y) ?? field.id };
}

/**
 * A free spot for a note in a field, nearest to `nearCentre` (where the person wants its centre)
 * or else the first in reading order; null when the field has no free spot. `ignoreId`: the note
 * being moved.
 */
export function freeSpotInField(
  sheet: SheetTemplate,
  field: FieldTemplate,
  contents: BoardContents,
  nearCentre?: Point,
  ignoreId?: string,
): Spot | null {
  const spot = findSpot(fieldRequest(sheet, field, contents, ignoreId, cornerNear(nearCentre)));
  return spot?.free ? spot : null;
}

/**
 * Where one note goes in a field: a free spot (see {@link freeSpotInField}); in a full field the
 * next place on the cascade inside it; in a field filled with nested boxes the least covering
 * spot whose centre is in it.
 */
export function placeInField(
  sheet: SheetTemplate,
  field: FieldTemplate,
  contents: BoardContents,
  nearCentre?: Point,
  ignoreId?: string,
): Placement {
  const request = fieldRequest(sheet, field, contents, ignoreId, cornerNear(nearCentre));
  const spot = findSpot(request);
  if (spot?.free) return placementOf(sheet, field, spot);
  const around = hasNested(sheet, field) ? spotAroundNested(sheet, field, contents, ignoreId, request.near) : null;
  if (around) return placementOf(sheet, field, around);
  return placementOf(sheet, field, cascadeSpot(request.cascadeArea ?? request.area, NOTE_SIZE, request.obstacles));
}

/** Where `count` new notes go in a field, in reading order, each clear of the ones before it (see {@link placeInField}). */
export function placeNotesInField(
  sheet: SheetTemplate,
  field: FieldTemplate,
  contents: BoardContents,
  count: number,
): Placement[] {
  if (!hasNested(sheet, field))
    return placeNotes({ ...fieldRequest(sheet, field, contents), count }).map((s) => placementOf(sheet, field, s));
  const notes = [...contents.notes];
  const out: Placement[] = [];
  for (let i = 0; i < count; i++) {
    const p = placeInField(sheet, field, { ...contents, notes });
    out.push(p);
    notes.push({ ...PLACEHOLDER, id: `placed-${i}`, sheetId: sheet.id, x: p.x, y: p.y, fieldId: p.fieldId });
  }
  return out;
}

/** A note that only takes up room while several are placed. */
const PLACEHOLDER: Note = {
  id: '',
  sheetId: '',
  fieldId: null,
  x: 0,
  y: 0,
  color: 'yellow',
  text: '',
  authorId: '',
  createdAt: 0,
  z: 0,
};

/**
 * Where a new note goes: a free spot in the preferred field (near `nearCentre` if given), else in
 * the first field with room, else on the cascade of the preferred field (or the sheet's first).
 */
export function placeNewNote(
  sheet: SheetTemplate,
  contents: BoardContents,
  preferredFieldId: string | null,
  nearCentre?: Point,
): Placement {
  const preferred = sheet.fields.find((f) => f.id === preferredFieldId);
  const order = preferred ? [preferred, ...sheet.fields.filter((f) => f !== preferred)] : [...sheet.fields];
  for (const field of order) {
    const spot = freeSpotInField(sheet, field, contents, field === preferred ? nearCentre : undefined);
    if (spot) return placementOf(sheet, field, spot);
  }
  const fallback = preferred ?? sheet.fields[0];
  if (fallback) return placeInField(sheet, fallback, contents, preferred ? nearCentre : undefined);
  return placeAtPoint(sheet, nearCentre ?? { x: sheet.width / 2, y: sheet.height / 2 });
}

/**
 * Where revealed notes (written privately, now put on the board) go: each in the field it was
 * written in, placed as new notes in reading order ({@link placeNotesInField}) by field (in
 * template order), then author, then time of writing — not where each person happened to put
 * them, which may be where someone else put theirs. Notes outside every field keep their place.
 * Returns the notes in that order with their new positions.
 */
export function placeRevealed(template: CanvasTemplate, contents: BoardContents, revealed: readonly Note[]): Note[] {
  const rank = new Map<string, number>();
  for (const sheet of template.sheets) for (const field of sheet.fields) rank.set(`${sheet.id}/${field.id}`, rank.size);
  const rankOf = (n: Note) => rank.get(`${n.sheetId}/${n.fieldId}`) ?? rank.size;
  const sorted = [...revealed].sort(
    (a, b) =>
      rankOf(a) - rankOf(b) || compare(a.authorId, b.authorId) || a.createdAt - b.createdAt || compare(a.id, b.id),
  );
  const placed: Note[] = [];
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i]!;
    let end = i + 1;
    while (end < sorted.length && rankOf(sorted[end]!) === rankOf(first) && rankOf(first) < rank.size) end++;
    const group = sorted.slice(i, end);
    i = end;
    const sheet = template.sheets.find((s) => s.id === first.sheetId);
    const field = sheet?.fields.find((f) => f.id === first.fieldId);
    if (!sheet || !field) {
      placed.push(...group);
      continue;
    }
    const spots = placeNotesInField(sheet, field, { ...contents, notes: [...contents.notes, ...placed] }, group.length);
    group.forEach((note, k) => {
      const spot = spots[k]!;
      placed.push({ ...note, x: spot.x, y: spot.y, fieldId: spot.fieldId });
    });
  }
  return placed;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
