import type { Choice, Deferral, Formulation, Highlight, Mark, Vote } from '@dmc/shared/domain/discussion';
import { Container as KonvaContainer } from 'konva/lib/Container.js';
import { stages as konvaStages } from 'konva/lib/Stage.js';
import type { Note } from '@dmc/shared/domain/note';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import type { SharedView } from '../collab/sessionClient';
import { currentSharedView } from '../workshop/sharedView';
import { sheetById } from '../scene/template';
import { viewportOf } from '../store/viewportControl';
import { partsPreloaded } from './preloadedParts';
import { NOTE_FACE_NAME } from '../canvas/NoteFace';
import type { Point, Viewport } from '../scene/viewport';
import type { AppStore } from '../store';
import type { SynthesisData } from '../store/plenarySlice';

/**
 * A read-only hook for browser tests: the notes, and where things are on screen (CSS pixels in
 * the page), so a test can drag a note onto a field with the real mouse.
 */
export interface DmcTestHook {
  /** The notes on screen: the board's, plus the private notes this person may see. */
  notes(): Note[];
  /** My private notes (silent writing). */
  draftNotes(): Note[];
  /** Ids of the notes on screen that are private, with whose draft they are from. */
  privateNotes(): Record<string, string>;
  /** The board on screen: `plenary` or a subgroup id. */
  boardId(): string;
  marks(): Mark[];
  votes(): Vote[];
  formulations(): Formulation[];
  deferrals(): Deferral[];
  highlights(): Highlight[];
  /** The group's choices (the chosen goal, the concrete questions). */
  choices(): Choice[];
  /** The synthesis document as this screen has it (clusters, plenary wording, actions); null before it synced. */
  synthesis(): SynthesisData | null;
  /** The plenary view this person picked (`board`, `synthesis`, `actions`), or null when following the phase. */
  plenaryView(): string | null;
  /** The text drawn in a canvas node (a Text, or the Texts in a Group) by its id, e.g. `guide-hint-doel`; null when not drawn. */
  canvasText(nodeId: string): string | null;
  /** What this screen shows, as a shared view (sheet, centre point, zoom relative to fit). */
  view(): SharedView | null;
  /** The canvas's viewport now: screen px = sheet units × scale + (x, y), relative to the canvas. */
  viewport(): Viewport;
  /** The smallest text drawn in a canvas node (a note: its text, counters and labels), in CSS px on screen; null when not drawn. */
  canvasTextPx(nodeId: string): number | null;
  noteClientCenter(noteId: string): Point | null;
  fieldClientCenter(fieldId: string): Point | null;
  /** `fx`, `fy` in 0..1 of the field's rectangle. */
  fieldClientPoint(fieldId: string, fx: number, fy: number): Point | null;
  sheetId(): string;
  /** The selected note's id (a click, or the keyboard's walk), or null. */
  selectedId(): string | null;
  /** Whether the parts loaded on demand (list view, field panel, plenary views) have been fetched: only then can they open offline. */
  partsPreloaded(): boolean;
  /** Calls `listener` after every change of what the screen holds; returns an unsubscribe (benchmarks wait on it instead of polling). */
  onChange(listener: () => void): () => void;
}

declare global {
  interface Window {
    __DMC__?: DmcTestHook;
  }
}

let canvasElement: HTMLElement | null = null;

/** The canvas registers its stage container while it is on screen. */
export function registerCanvasElement(element: HTMLElement): () => void {
  canvasElement = element;
  return () => {
    if (canvasElement === element) canvasElement = null;
  };
}

/** Installs `window.__DMC__`; returns the uninstall function. */
export function installTestHook(store: AppStore): () => void {
  const toClient = (sheetPoint: Point): Point | null => {
    if (!canvasElement) return null;
    const state = store.getState();
    const vp = viewportOf(state, sheetById(state.sheetId));
    const box = canvasElement.getBoundingClientRect();
    return {
      x: box.left + window.scrollX + vp.x + sheetPoint.x * vp.scale,
      y: box.top + window.scrollY + vp.y + sheetPoint.y * vp.scale,
    };
  };
  const fieldOnSheet = (fieldId: string) => sheetById(store.getState().sheetId).fields.find((f) => f.id === fieldId);

  const plain = <T>(items: readonly T[]): T[] => items.map((item) => ({ ...item }));
  const hook: DmcTestHook = {
    notes: () => plain(store.getState().notes),
    onChange: (listener) => store.subscribe(() => listener()),
    draftNotes: () => {
      const state = store.getState();
      return plain(state.drafts[state.session?.participant.id ?? ''] ?? []);
    },
    privateNotes: () => Object.fromEntries(store.getState().privateOwners),
    boardId: () => store.getState().boardId,
    marks: () => plain(store.getState().discussion.marks),
    votes: () => plain(store.getState().discussion.votes),
    formulations: () =>
      store.getState().discussion.formulations.map((f) => ({ ...f, sourceNoteIds: [...f.sourceNoteIds] })),
    deferrals: () => plain(store.getState().discussion.deferrals),
    highlights: () => plain(store.getState().discussion.highlights),
    choices: () => plain(store.getState().discussion.choices),
    synthesis: () => {
      const state = store.getState();
      if (!state.synthesisLoaded) return null;
      const { clusters, plenaryFormulations, actions } = state.synthesis;
      return {
        clusters: clusters.map((c) => ({ ...c, itemIds: [...c.itemIds] })),
        plenaryFormulations: plain(plenaryFormulations),
        actions: plain(actions),
      };
    },
    plenaryView: () => store.getState().plenaryView,
    canvasText(nodeId) {
      for (const stage of konvaStages) {
        const node = stage.findOne(`#${nodeId}`);
        if (!node) continue;
        const texts = node instanceof KonvaContainer ? node.find(`Text, .${NOTE_FACE_NAME}`) : [node];
        return texts.map((t) => String(t.getAttr('text') ?? '')).join(' ');
      }
      return null;
    },
    view: () => currentSharedView(store),
    viewport: () => {
      const state = store.getState();
      return { ...viewportOf(state, sheetById(state.sheetId)) };
    },
    canvasTextPx(nodeId) {
      for (const stage of konvaStages) {
        const node = stage.findOne(`#${nodeId}`);
        if (!node) continue;
        const texts = node instanceof KonvaContainer ? node.find(`Text, .${NOTE_FACE_NAME}`) : [node];
        // The font size times every scale above the text (the stage's zoom included), as drawn.
        const sizes = texts.map((t) => Number(t.getAttr('fontSize') ?? 0) * t.getAbsoluteScale().y);
        return sizes.length > 0 ? Math.min(...sizes) : null;
      }
      return null;
    },
    noteClientCenter(noteId) {
      const state = store.getState();
      const note = state.notes.find((n) => n.id === noteId);
      if (!note || note.sheetId !== state.sheetId) return null;
      return toClient({ x: note.x + NOTE_SIZE / 2, y: note.y + NOTE_SIZE / 2 });
    },
    fieldClientCenter(fieldId) {
      return hook.fieldClientPoint(fieldId, 0.5, 0.5);
    },
    fieldClientPoint(fieldId, fx, fy) {
      const field = fieldOnSheet(fieldId);
      if (!field) return null;
      const { rect } = field;
      return toClient({ x: rect.x + fx * rect.width, y: rect.y + fy * rect.height });
    },
    sheetId: () => store.getState().sheetId,
    selectedId: () => store.getState().selectedId,
    partsPreloaded,
  };
  window.__DMC__ = hook;
  return () => {
    if (window.__DMC__ === hook) delete window.__DMC__;
  };
}
