import { NOTE_COLORS, type NoteColor } from '@dmc/shared/domain/note';
import { localize } from '@dmc/shared/template/lookup';
import { fitCurrent, zoomCurrent } from '../canvas/viewportControl';
import { template } from '../canvas/template';
import type { MessageKey } from '../i18n/messages';
import { addNoteAtViewCentre, deleteNoteChecked, editNote, findNote, nudgeNote, recolorNote } from './commands';
import { matchAny, type KeyLike } from './keys';
import type { Action, ActionContext, ActionInput } from './types';

/** Zoom factor of one step (buttons and + / − keys). */
const ZOOM_STEP = 1.25;
/** Keyboard nudge distances in sheet units (mm). */
const NUDGE = 5;
const NUDGE_LARGE = 25;

const canvasMode = (ctx: ActionContext) => !ctx.store.getState().listView;
const selected = (ctx: ActionContext) => findNote(ctx, ctx.store.getState().selectedId);
const hasSelection = (ctx: ActionContext) => canvasMode(ctx) && selected(ctx) !== undefined;
const mayEditSelection = (ctx: ActionContext) => {
  const note = selected(ctx);
  return canvasMode(ctx) && note !== undefined && ctx.board.mayEdit(note);
};

function nudge(name: string, key: string, dx: number, dy: number): Action {
  return {
    name,
    labelKey: 'action.nudge',
    shortcuts: [key, `Shift+${key}`],
    predicate: hasSelection,
    perform(ctx: ActionContext, input: ActionInput) {
      const note = selected(ctx);
      const step = input.event?.shiftKey ? NUDGE_LARGE : NUDGE;
      if (note) nudgeNote(ctx, note.id, dx * step, dy * step);
    },
  };
}

function colorAction(color: NoteColor): Action {
  return {
    name: `color-${color}`,
    labelKey: 'action.color',
    labelKeyVars: { color: `color.${color}` as MessageKey },
    predicate: hasSelection,
    perform(ctx) {
      const note = selected(ctx);
      if (note) recolorNote(ctx, note.id, color);
    },
  };
}

const sheetActions: Action[] = template.sheets.map((sheet, index) => ({
  name: `sheet-${sheet.id}`,
  labelKey: 'action.sheet',
  labelVars: (locale) => ({ label: localize(sheet.label, locale) }),
  shortcuts: index < 9 ? [String(index + 1)] : [],
  perform(ctx) {
    ctx.store.getState().setSheet(sheet.id);
  },
}));

/** Every user command, in one list. */
export const ACTIONS: readonly Action[] = [
  {
    name: 'addNote',
    labelKey: 'action.addNote',
    shortcuts: ['N'],
    perform(ctx) {
      addNoteAtViewCentre(ctx);
    },
  },
  {
    name: 'editNote',
    labelKey: 'action.edit',
    shortcuts: ['Enter'],
    predicate: mayEditSelection,
    perform(ctx) {
      const note = selected(ctx);
      if (note) editNote(ctx, note.id);
    },
  },
  {
    name: 'deleteNote',
    labelKey: 'action.delete',
    shortcuts: ['Delete', 'Backspace'],
    predicate: mayEditSelection,
    perform(ctx) {
      const note = selected(ctx);
      if (note) deleteNoteChecked(ctx, note.id);
    },
  },
  {
    name: 'deselect',
    labelKey: 'action.deselect',
    shortcuts: ['Escape'],
    predicate: hasSelection,
    perform(ctx) {
      ctx.store.getState().select(null);
    },
  },
  {
    name: 'noteMenu',
    labelKey: 'action.contextMenu',
    shortcuts: ['Shift+F10', 'ContextMenu'],
    predicate: hasSelection,
    perform(ctx) {
      // The canvas component knows where the note is on screen; it listens for this request.
      const note = selected(ctx);
      if (note) window.dispatchEvent(new CustomEvent('dmc:note-menu', { detail: note.id }));
    },
  },
  nudge('nudgeLeft', 'ArrowLeft', -1, 0),
  nudge('nudgeRight', 'ArrowRight', 1, 0),
  nudge('nudgeUp', 'ArrowUp', 0, -1),
  nudge('nudgeDown', 'ArrowDown', 0, 1),
  ...NOTE_COLORS.map(colorAction),
  {
    name: 'undo',
    labelKey: 'action.undo',
    shortcuts: ['Mod+Z'],
    predicate: (ctx) => ctx.store.getState().canUndo,
    perform(ctx) {
      ctx.board.undo();
    },
  },
  {
    name: 'redo',
    labelKey: 'action.redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    predicate: (ctx) => ctx.store.getState().canRedo,
    perform(ctx) {
      ctx.board.redo();
    },
  },
  {
    name: 'zoomIn',
    labelKey: 'action.zoomIn',
    shortcuts: ['Plus', '='],
    predicate: canvasMode,
    perform(ctx) {
      zoomCurrent(ctx.store, ZOOM_STEP);
    },
  },
  {
    name: 'zoomOut',
    labelKey: 'action.zoomOut',
    shortcuts: ['-'],
    predicate: canvasMode,
    perform(ctx) {
      zoomCurrent(ctx.store, 1 / ZOOM_STEP);
    },
  },
  {
    name: 'zoomFit',
    labelKey: 'action.zoomFit',
    shortcuts: ['0'],
    predicate: canvasMode,
    perform(ctx) {
      fitCurrent(ctx.store);
    },
  },
  {
    name: 'toggleListView',
    labelKey: 'action.listView',
    perform(ctx) {
      const state = ctx.store.getState();
      state.setListView(!state.listView);
    },
  },
  ...sheetActions,
];

const byName = new Map(ACTIONS.map((action) => [action.name, action]));

/** The action with this name; throws for an unknown name (a programming error). */
export function getAction(name: string): Action {
  const action = byName.get(name);
  if (!action) throw new Error(`unknown action ${name}`);
  return action;
}

/** Whether an action is available now. */
export function isEnabled(action: Action, ctx: ActionContext): boolean {
  return action.predicate ? action.predicate(ctx) : true;
}

/** The first available action whose shortcut matches the key event. */
export function actionForKey(event: KeyLike, ctx: ActionContext, actions: readonly Action[] = ACTIONS): Action | undefined {
  return actions.find(
    (action) =>
      (action.keyTest ? action.keyTest(event, ctx) : matchAny(event, action.shortcuts ?? [])) && isEnabled(action, ctx),
  );
}

/** Runs an action if it is available; returns whether it ran. */
export function runAction(action: Action, ctx: ActionContext, input: ActionInput): boolean {
  if (!isEnabled(action, ctx)) return false;
  action.perform(ctx, input);
  return true;
}
