import { NOTE_SIZE, type Note, type NoteColor } from '@dmc/shared/domain/note';
import { fieldAt, getField, localize } from '@dmc/shared/template/lookup';
import { clampToSheet, fieldOfNoteAt, placeNewNote, spotInField } from '../canvas/notePlacement';
import { sheetById } from '../canvas/template';
import { viewportOf } from '../canvas/viewportControl';
import { screenToSheet } from '../canvas/viewport';
import { translate } from '../i18n';
import type { ActionContext } from './types';

/**
 * Note commands shared by actions, the list view and the info dialog. They check the same rules
 * as the server (via the board client) and explain politely when something is not allowed.
 */

/** Adds an empty note in a free spot near the middle of the view, and opens it for typing. */
export function addNoteAtViewCentre(ctx: ActionContext): Note | null {
  const state = ctx.store.getState();
  const sheet = sheetById(state.sheetId);
  const vp = viewportOf(state, sheet);
  const centre = screenToSheet(vp, { x: state.canvasSize.width / 2, y: state.canvasSize.height / 2 });
  const field = fieldAt(sheet, centre.x, centre.y);
  const placement = placeNewNote(sheet, state.notes, state.locale, field?.id ?? null, centre);
  return createNote(ctx, sheet.id, placement, '', true);
}

/** Adds a note in a free spot of a field (any sheet), optionally with text, optionally opening it. */
export function addNoteInField(ctx: ActionContext, fieldId: string, text = '', edit = true): Note | null {
  const found = getField(ctx.template, fieldId);
  if (!found) return null;
  const state = ctx.store.getState();
  const spot = spotInField(found.sheet, found.field, state.notes, state.locale);
  const placement = spot
    ? { x: spot.x, y: spot.y, fieldId }
    : placeNewNote(found.sheet, state.notes, state.locale, fieldId);
  return createNote(ctx, found.sheet.id, placement, text, edit);
}

/** Adds a note centred on a sheet point (double-click). */
export function addNoteAtPoint(ctx: ActionContext, sheetId: string, centre: { x: number; y: number }): Note | null {
  const sheet = sheetById(sheetId);
  const p = clampToSheet(sheet, { x: centre.x - NOTE_SIZE / 2, y: centre.y - NOTE_SIZE / 2 });
  return createNote(ctx, sheet.id, { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) }, '', true);
}

function createNote(
  ctx: ActionContext,
  sheetId: string,
  placement: { x: number; y: number; fieldId: string | null },
  text: string,
  edit: boolean,
): Note | null {
  const state = ctx.store.getState();
  // A new note is its own undo step, not merged with a change made just before.
  ctx.board.stopCapturing();
  const note = ctx.board.addNote({ sheetId, fieldId: placement.fieldId, x: placement.x, y: placement.y, color: state.lastColor, text });
  if (!note) return null;
  if (edit) state.startEditing(note.id);
  else state.select(note.id);
  return note;
}

/** The note with this id, from the store. */
export function findNote(ctx: ActionContext, noteId: string | null): Note | undefined {
  if (noteId === null) return undefined;
  return ctx.store.getState().notes.find((n) => n.id === noteId);
}

/** Opens a note for typing, or explains why not. */
export function editNote(ctx: ActionContext, noteId: string): void {
  const note = findNote(ctx, noteId);
  if (!note) return;
  if (!ctx.board.mayEdit(note)) {
    ctx.store.getState().showNotice({ tone: 'info', key: 'notice.cannotEdit' });
    ctx.store.getState().select(noteId);
    return;
  }
  ctx.store.getState().startEditing(noteId);
}

/** Deletes a note, or explains why not. Returns whether it was deleted. */
export function deleteNoteChecked(ctx: ActionContext, noteId: string): boolean {
  const state = ctx.store.getState();
  const note = findNote(ctx, noteId);
  if (!note) return false;
  if (!ctx.board.mayEdit(note)) {
    state.showNotice({ tone: 'info', key: 'notice.cannotEdit' });
    return false;
  }
  ctx.board.stopCapturing();
  const deleted = ctx.board.remove(noteId);
  if (deleted) {
    if (state.selectedId === noteId) state.select(null);
    if (state.editingId === noteId) state.stopEditing();
  }
  return deleted;
}

/** Recolours a note and remembers the colour for the next new note. */
export function recolorNote(ctx: ActionContext, noteId: string, color: NoteColor): void {
  ctx.board.stopCapturing();
  ctx.board.setColor(noteId, color);
  ctx.store.getState().setLastColor(color);
}

/** Moves a note by a distance in sheet units (keyboard nudge), as one move. */
export function nudgeNote(ctx: ActionContext, noteId: string, dx: number, dy: number): void {
  const note = findNote(ctx, noteId);
  if (!note) return;
  const sheet = sheetById(note.sheetId);
  const p = clampToSheet(sheet, { x: note.x + dx, y: note.y + dy });
  ctx.board.move(noteId, { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) });
}

/** Moves a note into a free spot of another field (list view). Returns the field's title. */
export function moveNoteToField(ctx: ActionContext, noteId: string, fieldId: string): string | null {
  const note = findNote(ctx, noteId);
  const found = getField(ctx.template, fieldId);
  if (!note || !found) return null;
  const state = ctx.store.getState();
  const spot = spotInField(found.sheet, found.field, state.notes, state.locale, undefined, noteId);
  const placement = spot ? { x: spot.x, y: spot.y, fieldId } : placeNewNote(found.sheet, state.notes, state.locale, fieldId);
  ctx.board.stopCapturing();
  ctx.board.move(noteId, { x: placement.x, y: placement.y, fieldId: placement.fieldId, sheetId: found.sheet.id });
  return localize(found.field.title, state.locale);
}

/** A field's title in the current language, or the "outside the fields" label. */
export function fieldTitle(ctx: Pick<ActionContext, 'template' | 'store'>, fieldId: string | null): string {
  const locale = ctx.store.getState().locale;
  const found = fieldId ? getField(ctx.template, fieldId) : undefined;
  return found ? localize(found.field.title, locale) : translate(locale, 'list.outside');
}
