import { MARK_VALUES, type MarkValue } from '@dmc/shared/domain/discussion';
import { NOTE_COLORS, type NoteColor } from '@dmc/shared/domain/note';
import { localize } from '@dmc/shared/template/lookup';
import { fieldInView, fitCurrent, zoomCurrent, zoomToField } from '../store/viewportControl';
import { stepField } from '../scene/viewportField';
import { sheetById } from '../scene/template';
import { readingOrder, stepNote } from '../scene/noteOrder';
import { plenaryTemplate } from '@dmc/shared/template/plenary';
import type { MessageKey } from '../i18n/messages';
import { selectDiscussionIndex, votesLeft } from '../workshop/discussionIndex';
import { selectCapabilities } from '../workshop/capabilities';
import { choiceFieldOf, mayChooseNote, toggleNoteChoice } from '../workshop/choices';
import { choiceKindOf, type ChoiceKind } from '../workshop/guidance';
import {
  addNoteAtViewCentre,
  addVote,
  deferFromNote,
  deleteNoteChecked,
  editNote,
  findNote,
  historyClient,
  historyState,
  keepInView,
  mayAddNote,
  nudgeNote,
  recolorNote,
  revealNote,
  rightsOf,
  takeBackVote,
  toggleHighlight,
  toggleMark,
} from './commands';
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
/** The selected note on the canvas may be changed in this way now. */
const selectionMay =
  (right: 'move' | 'recolor' | 'editText' | 'remove' | 'mark' | 'vote' | 'highlight' | 'defer') =>
  (ctx: ActionContext) => {
    const note = selected(ctx);
    return canvasMode(ctx) && note !== undefined && rightsOf(ctx, note)[right];
  };
const mayEditSelection = selectionMay('editText');

/** Arrow keys with Shift move the selected note a step, with Ctrl/Cmd+Shift a large step (plain arrows select). */
function nudge(name: string, key: string, dx: number, dy: number): Action {
  return {
    name,
    labelKey: 'action.nudge',
    shortcuts: [`Shift+${key}`, `Mod+Shift+${key}`],
    predicate: selectionMay('move'),
    perform(ctx: ActionContext, input: ActionInput) {
      const note = selected(ctx);
      const step = input.event?.ctrlKey || input.event?.metaKey ? NUDGE_LARGE : NUDGE;
      if (!note) return;
      nudgeNote(ctx, note.id, dx * step, dy * step);
      keepInView(ctx, note.id);
    },
  };
}

/**
 * Whether a key press comes from the canvas itself (not from a button of its toolbar or menu): only
 * there do Tab and the arrows walk the notes. Without a target (or with nothing focused) it does.
 */
function onCanvas(event: KeyLike): boolean {
  const target = event.target;
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return true;
  return target === document.body || target.hasAttribute('data-note-walk');
}

/** The sheet's notes in the keyboard's reading order (scene/noteOrder.ts). */
const walkOrder = (ctx: ActionContext) => {
  const state = ctx.store.getState();
  return readingOrder(sheetById(state.sheetId), state.notes);
};

/**
 * Selects the next (or previous) note in reading order. Tab walks on only from a selected note
 * and lets the focus leave the canvas past the last one (no keyboard trap); the arrows start at
 * either end when nothing is selected.
 */
function walkAction(name: string, labelKey: MessageKey, keys: readonly string[], step: 1 | -1): Action {
  const target = (ctx: ActionContext, event?: KeyLike) => {
    const current = ctx.store.getState().selectedId;
    if (event?.key === 'Tab' && current === null) return null;
    return stepNote(walkOrder(ctx), current, step);
  };
  return {
    name,
    labelKey,
    shortcuts: keys,
    keyTest: (event, ctx) => matchAny(event, keys) && onCanvas(event) && target(ctx, event) !== null,
    predicate: (ctx) => canvasMode(ctx) && walkOrder(ctx).length > 0,
    perform(ctx, input) {
      const note = target(ctx, input.event);
      if (note) revealNote(ctx, note.id, walkOrder(ctx));
    },
  };
}

function colorAction(color: NoteColor): Action {
  return {
    name: `color-${color}`,
    labelKey: 'action.color',
    labelKeyVars: { color: `color.${color}` as MessageKey },
    predicate: selectionMay('recolor'),
    perform(ctx) {
      const note = selected(ctx);
      if (note) recolorNote(ctx, note.id, color);
    },
  };
}

/** The position of a sheet on the board on screen (keys 1, 2, 3 follow the tabs), or -1. */
const sheetIndex = (ctx: ActionContext, sheetId: string) => ctx.template.sheets.findIndex((s) => s.id === sheetId);

// One action per sheet any board can have; each is available on the boards that have the sheet.
const sheetActions: Action[] = plenaryTemplate.sheets.map((sheet) => ({
  name: `sheet-${sheet.id}`,
  labelKey: 'action.sheet',
  labelVars: (locale) => ({ label: localize(sheet.label, locale) }),
  keyTest: (event: KeyLike, ctx: ActionContext) => {
    const index = sheetIndex(ctx, sheet.id);
    return index >= 0 && index < 9 && matchAny(event, [String(index + 1)]);
  },
  predicate: (ctx: ActionContext) => sheetIndex(ctx, sheet.id) >= 0,
  perform(ctx: ActionContext) {
    ctx.store.getState().setSheet(sheet.id);
  },
}));

/** Whether a sheet is the one on the canvas now. */
const onSheet = (ctx: ActionContext, sheetId: string) => canvasMode(ctx) && ctx.store.getState().sheetId === sheetId;

// "Zoom to field", one action per field of every sheet: the zoom menu lists those of the sheet on screen.
const fieldActions: Action[] = plenaryTemplate.sheets.flatMap((sheet) =>
  sheet.fields.map((field) => ({
    name: `zoomField-${sheet.id}-${field.id}`,
    labelKey: 'action.zoomToField',
    labelVars: (locale) => ({ field: localize(field.title, locale) }),
    predicate: (ctx: ActionContext) => onSheet(ctx, sheet.id),
    perform(ctx: ActionContext) {
      zoomToField(ctx.store, field.id);
    },
  })),
);

/** The name of the action that zooms to a field. */
export function zoomFieldActionName(sheetId: string, fieldId: string): string {
  return `zoomField-${sheetId}-${fieldId}`;
}

/** Steps the view to the next or previous field of the sheet on screen. */
function stepFieldAction(name: string, labelKey: MessageKey, key: string, step: 1 | -1): Action {
  return {
    name,
    labelKey,
    shortcuts: [key],
    predicate: canvasMode,
    perform(ctx) {
      const state = ctx.store.getState();
      const next = stepField(sheetById(state.sheetId), fieldInView(state)?.id ?? null, step);
      if (next) zoomToField(ctx.store, next.id);
    },
  };
}

const MARK_LABELS: Readonly<Record<MarkValue, MessageKey>> = {
  agree: 'action.mark.agree',
  disagree: 'action.mark.disagree',
  open: 'action.mark.open',
};

function markAction(value: MarkValue): Action {
  return {
    name: `mark-${value}`,
    labelKey: MARK_LABELS[value],
    predicate: selectionMay('mark'),
    perform(ctx) {
      const note = selected(ctx);
      if (note) toggleMark(ctx, note.id, value);
    },
  };
}

const dotsLeft = (ctx: ActionContext) => {
  const state = ctx.store.getState();
  return votesLeft(selectDiscussionIndex(state).myVotes, selectCapabilities(state)?.dotsPerPerson ?? 0);
};
const myDotsOnSelection = (ctx: ActionContext) => {
  const note = selected(ctx);
  return note ? (selectDiscussionIndex(ctx.store.getState()).byNote.get(note.id)?.myVotes ?? 0) : 0;
};

/** The selected note lies in a field that asks for this kind of choice, and the group may choose now. */
const mayChooseSelection = (kind: ChoiceKind) => (ctx: ActionContext) => {
  const note = selected(ctx);
  if (!canvasMode(ctx) || !note) return false;
  return choiceKindOf(choiceFieldOf(ctx, note) ?? undefined) === kind && mayChooseNote(ctx.store.getState(), ctx, note);
};

function chooseAction(kind: ChoiceKind): Action {
  return {
    name: `choose-${kind}`,
    labelKey: kind === 'goal' ? 'choice.chooseGoal' : 'choice.chooseQuestion',
    predicate: mayChooseSelection(kind),
    perform(ctx) {
      const note = selected(ctx);
      if (note) toggleNoteChoice(ctx, note.id);
    },
  };
}

/** Every user command, in one list. */
export const ACTIONS: readonly Action[] = [
  {
    name: 'addNote',
    labelKey: 'action.addNote',
    shortcuts: ['N'],
    predicate: (ctx) => mayAddNote(ctx, ctx.store.getState().sheetId),
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
    predicate: selectionMay('remove'),
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
  walkAction('selectNext', 'action.selectNext', ['ArrowDown', 'ArrowRight', 'Tab'], 1),
  walkAction('selectPrevious', 'action.selectPrevious', ['ArrowUp', 'ArrowLeft', 'Shift+Tab'], -1),
  nudge('nudgeLeft', 'ArrowLeft', -1, 0),
  nudge('nudgeRight', 'ArrowRight', 1, 0),
  nudge('nudgeUp', 'ArrowUp', 0, -1),
  nudge('nudgeDown', 'ArrowDown', 0, 1),
  ...NOTE_COLORS.map(colorAction),
  ...MARK_VALUES.map(markAction),
  {
    name: 'vote-add',
    labelKey: 'action.vote.add',
    predicate: (ctx) => selectionMay('vote')(ctx) && dotsLeft(ctx) > 0,
    perform(ctx) {
      const note = selected(ctx);
      if (note) addVote(ctx, note.id);
    },
  },
  {
    name: 'vote-remove',
    labelKey: 'action.vote.remove',
    predicate: (ctx) => selectionMay('vote')(ctx) && myDotsOnSelection(ctx) > 0,
    perform(ctx) {
      const note = selected(ctx);
      if (note) takeBackVote(ctx, note.id);
    },
  },
  {
    name: 'highlight',
    labelKey: 'action.highlight',
    predicate: selectionMay('highlight'),
    perform(ctx) {
      const note = selected(ctx);
      if (note) toggleHighlight(ctx, note.id);
    },
  },
  chooseAction('goal'),
  chooseAction('question'),
  {
    name: 'deferNote',
    labelKey: 'action.defer',
    predicate: (ctx) => selectionMay('defer')(ctx) && selected(ctx)?.fieldId != null,
    perform(ctx) {
      const note = selected(ctx);
      if (note) deferFromNote(ctx, note.id);
    },
  },
  {
    name: 'fieldPanel',
    labelKey: 'action.fieldPanel',
    perform(ctx) {
      const state = ctx.store.getState();
      const note = findNote(ctx, state.selectedId);
      const sheet = ctx.template.sheets.find((s) => s.id === state.sheetId) ?? ctx.template.sheets[0];
      const fieldId = note?.fieldId ?? sheet?.fields[0]?.id;
      if (fieldId) state.openFieldPanel({ fieldId, focus: 'none' });
    },
  },
  {
    name: 'undo',
    labelKey: 'action.undo',
    shortcuts: ['Mod+Z'],
    predicate: (ctx) => historyState(ctx).canUndo,
    perform(ctx) {
      historyClient(ctx).undo();
    },
  },
  {
    name: 'redo',
    labelKey: 'action.redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    predicate: (ctx) => historyState(ctx).canRedo,
    perform(ctx) {
      historyClient(ctx).redo();
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
    name: 'zoomField',
    labelKey: 'action.zoomField',
    shortcuts: ['F'],
    predicate: canvasMode,
    perform(ctx) {
      // The selected note's field, else the field in the middle of the view.
      const state = ctx.store.getState();
      const note = selected(ctx);
      const fieldId = note?.sheetId === state.sheetId ? note.fieldId : null;
      const field = fieldId ?? fieldInView(state)?.id;
      if (field) zoomToField(ctx.store, field);
    },
  },
  stepFieldAction('nextField', 'action.nextField', ']', 1),
  stepFieldAction('previousField', 'action.previousField', '[', -1),
  {
    name: 'toggleListView',
    labelKey: 'action.listView',
    perform(ctx) {
      const state = ctx.store.getState();
      state.setListView(!state.listView);
    },
  },
  ...sheetActions,
  ...fieldActions,
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
export function actionForKey(
  event: KeyLike,
  ctx: ActionContext,
  actions: readonly Action[] = ACTIONS,
): Action | undefined {
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
