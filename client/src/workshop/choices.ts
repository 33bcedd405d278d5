import { getField } from '@dmc/shared/template/lookup';
import type { FieldTemplate } from '@dmc/shared/template/types';
import type { Note } from '@dmc/shared/domain/note';
import type { ActionContext } from './boardContext';
import { translate } from '../i18n';
import { useAppStore, type AppState } from '../store';
import { mayUse, selectCapabilities } from './capabilities';
import { choiceKindOf, isNoteChosen, isWordingChosen, type ChoiceKind } from './guidance';

/**
 * Choosing: the group marks a note, or a field's agreed wording, as its chosen goal or one of its
 * questions — where the field asks for a choice and the phase lets the group agree on wordings
 * (the server's rule: choices need `formulate`, in your own name). Pressed again, it is taken back.
 */

/** Whether this person may choose on a sheet now. */
export function mayChoose(state: AppState, sheetId: string): boolean {
  return mayUse(selectCapabilities(state), 'formulate', sheetId);
}

/** The field a note lies in, if it asks for a choice. */
export function choiceFieldOf(ctx: Pick<ActionContext, 'template'>, note: Pick<Note, 'fieldId'>): FieldTemplate | null {
  const field = note.fieldId ? getField(ctx.template, note.fieldId)?.field : undefined;
  return field && choiceKindOf(field) ? field : null;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
}

/** Chooses a note, or takes the choice back. Returns whether it is chosen now (null: nothing done). */
export function toggleNoteChoice(ctx: ActionContext, noteId: string): boolean | null {
  const state = ctx.store.getState();
  const note = state.notes.find((n) => n.id === noteId);
  if (!note || state.privateOwners.has(noteId) || note.fieldId === null) return null;
  const field = choiceFieldOf(ctx, note);
  if (!field || !mayChoose(state, note.sheetId)) return null;
  const on = !isNoteChosen(state.discussion.choices, note);
  ctx.board.setChoice({ fieldId: note.fieldId, targetKind: 'note', targetId: note.id }, on);
  state.announce(
    translate(state.locale, on ? 'choice.chose' : 'choice.unchose', {
      text: excerpt(note.text) || translate(state.locale, 'note.empty'),
    }),
  );
  return on;
}

/** Chooses a field's agreed wording, or takes the choice back. Returns whether it is chosen now. */
export function toggleWordingChoice(ctx: ActionContext, fieldId: string): boolean | null {
  const state = ctx.store.getState();
  const found = getField(ctx.template, fieldId);
  const wording = state.discussion.formulations.find((f) => f.fieldId === fieldId)?.text;
  if (!found || !choiceKindOf(found.field) || (wording ?? '').trim() === '' || !mayChoose(state, found.sheet.id))
    return null;
  const on = !isWordingChosen(state.discussion.choices, fieldId, wording);
  ctx.board.setChoice({ fieldId, targetKind: 'formulation', targetId: fieldId }, on);
  state.announce(translate(state.locale, on ? 'choice.chose' : 'choice.unchose', { text: excerpt(wording ?? '') }));
  return on;
}

/** A note's choice as the interface shows it. */
export interface NoteChoiceView {
  /** What the note's field asks to choose (null: nothing; then the rest is false). */
  readonly kind: ChoiceKind | null;
  readonly chosen: boolean;
  /** This person may choose it (or take the choice back) now. */
  readonly may: boolean;
}

/** Whether this person may choose this note (or take the choice back) now: its field asks for a choice, it is on the board, the phase lets the group agree. */
export function mayChooseNote(
  state: AppState,
  ctx: Pick<ActionContext, 'template'>,
  note: Pick<Note, 'id' | 'fieldId' | 'sheetId'>,
): boolean {
  return choiceFieldOf(ctx, note) !== null && !state.privateOwners.has(note.id) && mayChoose(state, note.sheetId);
}

/** A note's choice, re-rendering the caller when it changes. */
export function useNoteChoice(
  ctx: Pick<ActionContext, 'template'>,
  note: Pick<Note, 'id' | 'fieldId' | 'sheetId'>,
): NoteChoiceView {
  const kind = choiceKindOf(choiceFieldOf(ctx, note) ?? undefined);
  const chosen = useAppStore((s) => kind !== null && isNoteChosen(s.discussion.choices, note));
  const may = useAppStore((s) => mayChooseNote(s, ctx, note));
  return { kind, chosen, may };
}
