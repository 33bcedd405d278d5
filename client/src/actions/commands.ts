import type { MarkValue } from '@dmc/shared/domain/discussion';
import { NOTE_SIZE, type Note, type NoteColor } from '@dmc/shared/domain/note';
import { asksQuestions, fieldAt, getField, localize } from '@dmc/shared/template/lookup';
import {
  boardContents,
  clampToSheet,
  fieldOfNoteAt,
  placeInField,
  placeNewNote,
  type BoardContents,
} from '@dmc/shared/scene/notePlacement';
import { sheetById } from '../scene/template';
import { setViewport, viewportOf } from '../store/viewportControl';
import { screenToSheet, visibleSheetRect } from '../scene/viewport';
import { noteExcerpt } from '../scene/noteExcerpt';
import type { BoardClient } from '../collab/boardClient';
import { translate } from '../i18n';
import { newNotesTarget, noteRights, selectCapabilities, type NoteRights } from '../workshop/capabilities';
import { selectDiscussionIndex } from '../workshop/discussionIndex';
import type { ActionContext } from './types';

/**
 * Note and discussion commands shared by actions, the canvas, the list view and the dialogs.
 * Each asks the same rules as the server (workshop/capabilities) and routes the change to the
 * right document: my private draft for my private notes, the board for everything else.
 */

/** What this person may do to a note now. */
export function rightsOf(ctx: Pick<ActionContext, 'store' | 'template'>, note: Note): NoteRights {
  const state = ctx.store.getState();
  const rights = noteRights(selectCapabilities(state), note, state.privateOwners.get(note.id));
  // "Kunnen we nu niet beantwoorden" belongs to questions: only fields that ask them offer it.
  return rights.defer && !asksQuestions(ctx.template, note.fieldId) ? { ...rights, defer: false } : rights;
}

/** The document client that holds a note and may change it: my draft, the board, or none (someone else's private note). */
export function clientForNote(ctx: ActionContext, noteId: string): BoardClient | null {
  const owner = ctx.store.getState().privateOwners.get(noteId);
  if (owner === undefined) return ctx.board;
  return owner === ctx.board.actor.id && ctx.draft?.has(noteId) ? ctx.draft : null;
}

/** The client new notes on this sheet go to (null: no notes can be added there now). */
export function writerFor(ctx: ActionContext, sheetId: string): BoardClient | null {
  const target = newNotesTarget(selectCapabilities(ctx.store.getState()), sheetId);
  if (target === 'draft') return ctx.draft ?? null;
  return target === 'board' ? ctx.board : null;
}

/** The client whose undo history the undo and redo commands work on. */
export function historyClient(ctx: ActionContext): BoardClient {
  const caps = selectCapabilities(ctx.store.getState());
  return caps?.draftWritable && ctx.draft ? ctx.draft : ctx.board;
}

/** Whether there is something to undo (or redo) in the history the commands work on. */
export function historyState(ctx: ActionContext): { canUndo: boolean; canRedo: boolean } {
  const state = ctx.store.getState();
  return historyClient(ctx) === ctx.board
    ? { canUndo: state.canUndo, canRedo: state.canRedo }
    : { canUndo: state.draft.canUndo, canRedo: state.draft.canRedo };
}

/**
 * A spot of its own for each person in a rectangle (fractions 0.2–0.8 of it, from their id). While
 * writing silently nobody sees the others' notes, so without this everyone would pick the same
 * "first free spot" and the notes would land on top of each other when they are revealed.
 */
export function personalPoint(
  rect: { x: number; y: number; width: number; height: number },
  personId: string,
): { x: number; y: number } {
  let hash = 2166136261;
  for (let i = 0; i < personId.length; i++) hash = Math.imul(hash ^ personId.charCodeAt(i), 16777619) >>> 0;
  const fx = 0.2 + ((hash & 0xffff) / 0xffff) * 0.6;
  const fy = 0.2 + ((hash >>> 16) / 0xffff) * 0.6;
  return { x: rect.x + rect.width * fx, y: rect.y + rect.height * fy };
}

/** What new notes on the board on screen keep clear of: its notes, agreed wordings and chosen notes' ribbons. */
export function contentsOf(ctx: Pick<ActionContext, 'store'>): BoardContents {
  const state = ctx.store.getState();
  return boardContents(state.notes, state.discussion.formulations, state.discussion.choices);
}

/** Adds an empty note in a free spot near the middle of the view, and opens it for typing. */
export function addNoteAtViewCentre(ctx: ActionContext): Note | null {
  const state = ctx.store.getState();
  const sheet = sheetById(state.sheetId);
  const vp = viewportOf(state, sheet);
  const middle = screenToSheet(vp, { x: state.canvasSize.width / 2, y: state.canvasSize.height / 2 });
  const inField = fieldAt(sheet, middle.x, middle.y);
  const centre =
    writerFor(ctx, sheet.id) === ctx.draft && ctx.draft
      ? personalPoint(inField?.rect ?? { x: 0, y: 0, width: sheet.width, height: sheet.height }, ctx.draft.actor.id)
      : middle;
  const field = fieldAt(sheet, centre.x, centre.y);
  const placement = placeNewNote(sheet, contentsOf(ctx), field?.id ?? null, centre);
  return createNote(ctx, sheet.id, placement, '', true);
}

/** Adds a note in a free spot of a field (any sheet), optionally with text, optionally opening it. */
export function addNoteInField(ctx: ActionContext, fieldId: string, text = '', edit = true): Note | null {
  const found = getField(ctx.template, fieldId);
  if (!found) return null;
  const writer = writerFor(ctx, found.sheet.id);
  const near = writer && writer === ctx.draft ? personalPoint(found.field.rect, writer.actor.id) : undefined;
  const placement = placeInField(found.sheet, found.field, contentsOf(ctx), near);
  return createNote(ctx, found.sheet.id, placement, text, edit);
}

/** Adds a note centred on a sheet point (double-click). */
export function addNoteAtPoint(ctx: ActionContext, sheetId: string, centre: { x: number; y: number }): Note | null {
  const sheet = sheetById(sheetId);
  const p = clampToSheet(sheet, { x: centre.x - NOTE_SIZE / 2, y: centre.y - NOTE_SIZE / 2 });
  return createNote(ctx, sheet.id, { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) }, '', true);
}

/** Whether a note can be added on this sheet now. */
export function mayAddNote(ctx: ActionContext, sheetId: string): boolean {
  return writerFor(ctx, sheetId) !== null;
}

function createNote(
  ctx: ActionContext,
  sheetId: string,
  placement: { x: number; y: number; fieldId: string | null },
  text: string,
  edit: boolean,
): Note | null {
  const state = ctx.store.getState();
  const writer = writerFor(ctx, sheetId);
  if (!writer) return null;
  // A new note is its own undo step, not merged with a change made just before.
  writer.stopCapturing();
  const note = writer.addNote({
    sheetId,
    fieldId: placement.fieldId,
    x: placement.x,
    y: placement.y,
    color: state.lastColor,
    text,
  });
  if (!note) return null;
  if (edit) state.startEditing(note.id);
  else state.select(note.id);
  return note;
}

/** The note with this id, from the store. */
export function findNote(ctx: Pick<ActionContext, 'store'>, noteId: string | null): Note | undefined {
  if (noteId === null) return undefined;
  return ctx.store.getState().notes.find((n) => n.id === noteId);
}

/** Opens a note for typing, or explains why not. */
export function editNote(ctx: ActionContext, noteId: string): void {
  const note = findNote(ctx, noteId);
  if (!note) return;
  if (!rightsOf(ctx, note).editText) {
    explainNoEdit(ctx, note);
    ctx.store.getState().select(noteId);
    return;
  }
  ctx.store.getState().startEditing(noteId);
}

/** Changes a note's text in the document that holds it (editor, list view). */
export function writeNoteText(ctx: ActionContext, noteId: string, text: string): void {
  const note = findNote(ctx, noteId);
  if (!note || !rightsOf(ctx, note).editText) return;
  clientForNote(ctx, noteId)?.setText(noteId, text);
}

function explainNoEdit(ctx: ActionContext, note: Note): void {
  const state = ctx.store.getState();
  const rights = rightsOf(ctx, note);
  // Only the authorship rule is worth a message; a phase that allows nothing says so in the toolbar.
  if (rights.move && !rights.editText) state.showNotice({ tone: 'info', key: 'notice.cannotEdit' });
}

/** Deletes a note, or explains why not. Returns whether it was deleted. */
export function deleteNoteChecked(ctx: ActionContext, noteId: string): boolean {
  const state = ctx.store.getState();
  const note = findNote(ctx, noteId);
  const client = note ? clientForNote(ctx, noteId) : null;
  if (!note || !client) return false;
  if (!rightsOf(ctx, note).remove) {
    explainNoEdit(ctx, note);
    return false;
  }
  client.stopCapturing();
  const deleted = client.remove(noteId);
  if (deleted) {
    if (state.selectedId === noteId) state.select(null);
    if (state.editingId === noteId) state.stopEditing();
  }
  return deleted;
}

/** Recolours a note and remembers the colour for the next new note. */
export function recolorNote(ctx: ActionContext, noteId: string, color: NoteColor): void {
  const note = findNote(ctx, noteId);
  const client = note ? clientForNote(ctx, noteId) : null;
  if (!note || !client || !rightsOf(ctx, note).recolor) return;
  client.stopCapturing();
  client.setColor(noteId, color);
  ctx.store.getState().setLastColor(color);
}

/** Moves a note to a position on its sheet (drag, keyboard), if allowed. */
export function moveNoteTo(ctx: ActionContext, noteId: string, x: number, y: number): void {
  const note = findNote(ctx, noteId);
  const client = note ? clientForNote(ctx, noteId) : null;
  if (!note || !client || !rightsOf(ctx, note).move) return;
  const sheet = sheetById(note.sheetId);
  const p = clampToSheet(sheet, { x, y });
  if (p.x === note.x && p.y === note.y) return;
  client.stopCapturing();
  client.move(noteId, { ...p, fieldId: fieldOfNoteAt(sheet, p.x, p.y) });
}

/** Moves a note by a distance in sheet units (keyboard nudge), as one move. */
export function nudgeNote(ctx: ActionContext, noteId: string, dx: number, dy: number): void {
  const note = findNote(ctx, noteId);
  if (note) moveNoteTo(ctx, noteId, note.x + dx, note.y + dy);
}

/** Whether a note may be moved into a field (which may lie on another sheet). */
export function mayMoveToField(ctx: ActionContext, note: Note, fieldId: string): boolean {
  const found = getField(ctx.template, fieldId);
  return found !== undefined && rightsOf(ctx, { ...note, sheetId: found.sheet.id }).move && rightsOf(ctx, note).move;
}

/** Moves a note into a free spot of another field (list view). Returns the field's title. */
export function moveNoteToField(ctx: ActionContext, noteId: string, fieldId: string): string | null {
  const note = findNote(ctx, noteId);
  const found = getField(ctx.template, fieldId);
  const client = note ? clientForNote(ctx, noteId) : null;
  if (!note || !found || !client || !mayMoveToField(ctx, note, fieldId)) return null;
  const state = ctx.store.getState();
  const placement = placeInField(found.sheet, found.field, contentsOf(ctx), undefined, noteId);
  client.stopCapturing();
  client.move(noteId, { x: placement.x, y: placement.y, fieldId: placement.fieldId, sheetId: found.sheet.id });
  return localize(found.field.title, state.locale);
}

/** Sets my mark on a note, or clears it when it is already my mark (one choice per person). */
export function toggleMark(ctx: ActionContext, noteId: string, value: MarkValue): void {
  const note = findNote(ctx, noteId);
  if (!note || !rightsOf(ctx, note).mark) return;
  const current = selectDiscussionIndex(ctx.store.getState()).byNote.get(noteId)?.myMark ?? null;
  ctx.board.setMark(noteId, current === value ? null : value);
}

/** Places one of my dots on a note, if I have one left. */
export function addVote(ctx: ActionContext, noteId: string): boolean {
  const note = findNote(ctx, noteId);
  const caps = selectCapabilities(ctx.store.getState());
  if (!note || !caps || !rightsOf(ctx, note).vote) return false;
  return ctx.board.placeVote(noteId, caps.dotsPerPerson);
}

/** Takes one of my dots back from a note. */
export function takeBackVote(ctx: ActionContext, noteId: string): boolean {
  const note = findNote(ctx, noteId);
  if (!note || !rightsOf(ctx, note).vote) return false;
  return ctx.board.removeVote(noteId);
}

/** Turns a note's presentation highlight on or off. */
export function toggleHighlight(ctx: ActionContext, noteId: string): void {
  const note = findNote(ctx, noteId);
  if (!note || !rightsOf(ctx, note).highlight) return;
  const on = selectDiscussionIndex(ctx.store.getState()).byNote.get(noteId)?.highlighted ?? false;
  ctx.board.setHighlight(noteId, !on);
}

/** Opens the field's discussion panel with a new action point made from a note. */
export function deferFromNote(ctx: ActionContext, noteId: string): void {
  const note = findNote(ctx, noteId);
  if (!note || !note.fieldId || !rightsOf(ctx, note).defer) return;
  ctx.store.getState().openFieldPanel({ fieldId: note.fieldId, focus: 'deferral', noteId });
}

/** A field's title in the current language, or the "outside the fields" label. */
export function fieldTitle(ctx: Pick<ActionContext, 'template' | 'store'>, fieldId: string | null): string {
  const locale = ctx.store.getState().locale;
  const found = fieldId ? getField(ctx.template, fieldId) : undefined;
  return found ? localize(found.field.title, locale) : translate(locale, 'list.outside');
}

/**
 * Selects a note from the keyboard: the view pans to it when it lies (partly) off screen, and a
 * screen reader hears which note it is ("Notitie 2 van 5 in DOEL: …"). `order` is the walk it is in.
 */
export function revealNote(ctx: ActionContext, noteId: string, order: readonly Note[]): void {
  const state = ctx.store.getState();
  const note = findNote(ctx, noteId);
  if (!note) return;
  if (state.editingId !== null && state.editingId !== noteId) state.stopEditing();
  state.select(noteId);
  keepInView(ctx, note.id);
  const index = order.findIndex((n) => n.id === noteId);
  state.announce(
    translate(state.locale, 'note.walkAnnounce', {
      index: index + 1,
      count: order.length,
      field: fieldTitle(ctx, note.fieldId),
      text: noteExcerpt(note.text) || translate(state.locale, 'note.empty'),
    }),
  );
}

/** Pans the view so that a note on the sheet on screen is wholly visible, if it is not (keyboard select and move). */
export function keepInView(ctx: ActionContext, noteId: string): void {
  const state = ctx.store.getState();
  const note = findNote(ctx, noteId);
  if (!note || note.sheetId !== state.sheetId || state.canvasSize.width <= 0) return;
  const vp = viewportOf(state, sheetById(note.sheetId));
  const seen = visibleSheetRect(vp, state.canvasSize);
  const inside =
    note.x >= seen.x &&
    note.y >= seen.y &&
    note.x + NOTE_SIZE <= seen.x + seen.width &&
    note.y + NOTE_SIZE <= seen.y + seen.height;
  if (inside) return;
  const centre = { x: note.x + NOTE_SIZE / 2, y: note.y + NOTE_SIZE / 2 };
  setViewport(ctx.store, {
    ...vp,
    x: state.canvasSize.width / 2 - centre.x * vp.scale,
    y: state.canvasSize.height / 2 - centre.y * vp.scale,
  });
}
