import { clampNoteText, type Note } from '@dmc/shared/domain/note';
import { getField, localize } from '@dmc/shared/template/lookup';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { contentsOf, personalPoint, writerFor } from '../actions/commands';
import type { ActionContext } from '../actions/types';
import { placeAtPoint, placeInField, placeNewNote, type Placement } from '@dmc/shared/scene/notePlacement';
import { sheetById } from '../scene/template';

/**
 * An inspiration card becomes a note: dropped on the canvas (the field under the drop point) or
 * added from the panel (the chosen field, the selected note's field, or the first field with
 * room). The same rules as the add-note command decide whether and where: `writerFor` says which
 * document takes new notes on this sheet now (the board, my private draft, or none).
 */

/** What adding a card did. */
export type CardNoteResult =
  | { readonly ok: true; readonly note: Note; readonly fieldId: string | null }
  /** No notes on this sheet now (the phase, a closed workshop), or the board is full. */
  | { readonly ok: false; readonly reason: 'readonly' | 'refused' };

/** The sheet on screen, from the board's template. */
function currentSheet(ctx: ActionContext): SheetTemplate {
  const sheetId = ctx.store.getState().sheetId;
  return ctx.template.sheets.find((s) => s.id === sheetId) ?? sheetById(sheetId);
}

/** Whether a card can become a note on the sheet on screen now. */
export function mayAddCard(ctx: ActionContext): boolean {
  return writerFor(ctx, currentSheet(ctx).id) !== null;
}

/** The field of the selected note, when one is selected on the sheet on screen. */
export function selectedField(ctx: ActionContext): string | null {
  const state = ctx.store.getState();
  const note = state.selectedId ? state.notes.find((n) => n.id === state.selectedId) : undefined;
  return note && note.sheetId === state.sheetId ? note.fieldId : null;
}

function create(ctx: ActionContext, sheet: SheetTemplate, placement: Placement, text: string): CardNoteResult {
  const state = ctx.store.getState();
  const writer = writerFor(ctx, sheet.id);
  if (!writer) return { ok: false, reason: 'readonly' };
  // Its own undo step, not merged with a change made just before.
  writer.stopCapturing();
  const note = writer.addNote({
    sheetId: sheet.id,
    fieldId: placement.fieldId,
    x: placement.x,
    y: placement.y,
    color: state.lastColor,
    text: clampNoteText(text),
  });
  if (!note) return { ok: false, reason: 'refused' };
  state.select(note.id);
  return { ok: true, note, fieldId: placement.fieldId };
}

/** A card dropped at a point of the sheet on screen (sheet units): a note centred there. */
export function addCardAtPoint(ctx: ActionContext, text: string, centre: { x: number; y: number }): CardNoteResult {
  const sheet = currentSheet(ctx);
  if (!mayAddCard(ctx)) return { ok: false, reason: 'readonly' };
  return create(ctx, sheet, placeAtPoint(sheet, centre), text);
}

/**
 * A card added from the keyboard: into `fieldId` if given, else the selected note's field, else
 * the first field with room on the sheet on screen. While writing silently, each person's notes
 * start from a spot of their own, as with the add-note command.
 */
export function addCardToField(ctx: ActionContext, text: string, fieldId: string | null): CardNoteResult {
  const sheet = currentSheet(ctx);
  const writer = writerFor(ctx, sheet.id);
  if (!writer) return { ok: false, reason: 'readonly' };
  const preferred = sheet.fields.find((f) => f.id === (fieldId ?? selectedField(ctx)));
  const near =
    writer === ctx.draft
      ? personalPoint(preferred?.rect ?? { x: 0, y: 0, width: sheet.width, height: sheet.height }, writer.actor.id)
      : undefined;
  const placement = preferred
    ? placeInField(sheet, preferred, contentsOf(ctx), near)
    : placeNewNote(sheet, contentsOf(ctx), null);
  return create(ctx, sheet, placement, text);
}

/** A field's title in the interface language (for announcements), or null outside the fields. */
export function fieldTitleOf(ctx: ActionContext, fieldId: string | null): string | null {
  const found = fieldId ? getField(ctx.template, fieldId) : undefined;
  return found ? localize(found.field.title, ctx.store.getState().locale) : null;
}
