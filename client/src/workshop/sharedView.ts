import { getSheet } from '@dmc/shared/template/lookup';
import type { SharedView } from '../collab/sessionClient';
import { templateOf } from '../scene/template';
import { viewportOf } from '../store/viewportControl';
import {
  clampPan,
  clampScale,
  fitRectViewport,
  fitScale,
  screenToSheet,
  type Size,
  type Viewport,
} from '../scene/viewport';
import type { AppState, AppStore } from '../store';

/**
 * A view that means the same on every screen, whatever its size: the sheet, the sheet point (in
 * sheet units) at the centre of the canvas, and the zoom relative to "fit" (1 = the whole sheet
 * fits the canvas, 2 = twice as close). "Bring everyone here" (flow.attention*), follow mode
 * (presence `view`) and the facilitator console all use this mapping.
 */

export type { SharedView };

/** The shared view of a viewport on a canvas (pure). */
export function viewOfViewport(sheetId: string, viewport: Viewport, sheet: Size, canvas: Size): SharedView {
  const centre = screenToSheet(viewport, { x: canvas.width / 2, y: canvas.height / 2 });
  return {
    sheetId,
    x: round(centre.x),
    y: round(centre.y),
    scale: round(viewport.scale / fitScale(sheet, canvas), 1000),
  };
}

/** The viewport on this canvas that shows a shared view (pure): its point centred, its zoom kept within limits. */
export function viewportOfView(view: SharedView, sheet: Size, canvas: Size): Viewport {
  const fit = fitScale(sheet, canvas);
  const scale = clampScale(view.scale * fit, fit);
  return clampPan(
    { scale, x: canvas.width / 2 - view.x * scale, y: canvas.height / 2 - view.y * scale },
    sheet,
    canvas,
  );
}

/** Whether two views are the same up to rounding. */
export function sameView(a: SharedView | null, b: SharedView | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.sheetId === b.sheetId &&
    Math.abs(a.x - b.x) < 0.5 &&
    Math.abs(a.y - b.y) < 0.5 &&
    Math.abs(a.scale - b.scale) < 0.005
  );
}

function canvasOf(state: Pick<AppState, 'canvasSize'>, sheet: Size): Size {
  // In the list view the canvas keeps its last size; before any canvas, assume the sheet's own.
  return state.canvasSize.width > 0 && state.canvasSize.height > 0 ? state.canvasSize : sheet;
}

/** What this screen shows now, as a shared view (null when no sheet is on screen). */
export function currentSharedView(store: AppStore): SharedView | null {
  const state = store.getState();
  const sheet = getSheet(templateOf(state.boardId), state.sheetId);
  if (!sheet) return null;
  const canvas = canvasOf(state, sheet);
  return viewOfViewport(sheet.id, viewportOf({ viewports: state.viewports, canvasSize: canvas }, sheet), sheet, canvas);
}

/**
 * Shows a shared view on this screen: its sheet (when the board on screen has that sheet) at its
 * point and zoom. Returns whether it could be shown.
 */
export function applySharedView(store: AppStore, view: SharedView): boolean {
  const state = store.getState();
  const sheet = getSheet(templateOf(state.boardId), view.sheetId);
  if (!sheet) return false;
  if (state.sheetId !== sheet.id) state.setSheet(sheet.id);
  const canvas = canvasOf(state, sheet);
  store.getState().setViewport(sheet.id, viewportOfView(view, sheet, canvas));
  return true;
}

/** The viewport that fits a rectangle of a sheet (a field), within the zoom limits (pure). */
export function rectViewport(
  rect: { x: number; y: number; width: number; height: number },
  sheet: Size,
  canvas: Size,
): Viewport {
  const scale = clampScale(fitRectViewport(rect, canvas).scale, fitScale(sheet, canvas));
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return clampPan({ scale, x: canvas.width / 2 - cx * scale, y: canvas.height / 2 - cy * scale }, sheet, canvas);
}

/** Fits a field of the board on screen into the canvas (presentations). Returns whether the field exists. */
export function showField(store: AppStore, sheetId: string, fieldId: string): boolean {
  const state = store.getState();
  const sheet = getSheet(templateOf(state.boardId), sheetId);
  const field = sheet?.fields.find((f) => f.id === fieldId);
  if (!sheet || !field) return false;
  if (state.sheetId !== sheet.id) state.setSheet(sheet.id);
  store.getState().setViewport(sheet.id, rectViewport(field.rect, sheet, canvasOf(state, sheet)));
  return true;
}

function round(value: number, factor = 10): number {
  return Math.round(value * factor) / factor;
}
