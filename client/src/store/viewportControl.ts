import type { FieldTemplate, SheetTemplate } from '@dmc/shared/template/types';
import type { AppState, AppStore } from './';
import { sheetById } from '../scene/template';
import { clampPan, fitScale, fitViewport, screenToSheet, zoomBy, type Point, type Viewport } from '../scene/viewport';
import { fieldNear, viewForField } from '../scene/viewportField';

/**
 * The viewport of the sheet on screen, read from and written to the store. A sheet without a
 * stored viewport is shown "fit", which follows the canvas size.
 */

/** The viewport in effect for a sheet. */
export function viewportOf(state: Pick<AppState, 'viewports' | 'canvasSize'>, sheet: SheetTemplate): Viewport {
  return state.viewports[sheet.id] ?? fitViewport(sheet, state.canvasSize);
}

/** The scale that fits a sheet into the current canvas. */
export function fitScaleOf(state: Pick<AppState, 'canvasSize'>, sheet: SheetTemplate): number {
  return fitScale(sheet, state.canvasSize);
}

/** Stores a viewport for the current sheet, keeping part of the sheet on screen. */
export function setViewport(store: AppStore, viewport: Viewport): void {
  const state = store.getState();
  const sheet = sheetById(state.sheetId);
  state.setViewport(sheet.id, clampPan(viewport, sheet, state.canvasSize));
}

/** Zooms the current sheet by a factor around a screen point (default: the canvas centre). */
export function zoomCurrent(store: AppStore, factor: number, anchor?: Point): void {
  const state = store.getState();
  const sheet = sheetById(state.sheetId);
  const at = anchor ?? { x: state.canvasSize.width / 2, y: state.canvasSize.height / 2 };
  setViewport(store, zoomBy(viewportOf(state, sheet), at, factor, fitScaleOf(state, sheet)));
}

/** Shows the whole current sheet. */
export function fitCurrent(store: AppStore): void {
  const state = store.getState();
  state.setViewport(state.sheetId, null);
}

/** The field last zoomed to, per sheet: "next field" steps on from it while the view is still there. */
const zoomedFields = new Map<string, string>();

/** Zooms the current sheet to one of its fields: notes readable, the field centred. Returns whether it could. */
export function zoomToField(store: AppStore, fieldId: string): boolean {
  const state = store.getState();
  const sheet = sheetById(state.sheetId);
  const field = sheet.fields.find((f) => f.id === fieldId);
  if (!field || state.canvasSize.width <= 0 || state.canvasSize.height <= 0) return false;
  const next = viewForField(field.rect, sheet, state.canvasSize);
  const current = state.viewports[sheet.id];
  // Already there (a new phase on the same field): no new view, so nothing is drawn again.
  if (!current || current.x !== next.x || current.y !== next.y || current.scale !== next.scale)
    state.setViewport(sheet.id, next);
  zoomedFields.set(sheet.id, field.id);
  return true;
}

/** The field in view on the current sheet: the one last zoomed to while the view's centre lies in it, else the one at (or nearest) the centre. */
export function fieldInView(state: Pick<AppState, 'viewports' | 'canvasSize' | 'sheetId'>): FieldTemplate | null {
  const sheet = sheetById(state.sheetId);
  const vp = viewportOf(state, sheet);
  const centre = screenToSheet(vp, { x: state.canvasSize.width / 2, y: state.canvasSize.height / 2 });
  const last = sheet.fields.find((f) => f.id === zoomedFields.get(sheet.id));
  if (last) {
    const { x, y, width, height } = last.rect;
    if (centre.x >= x && centre.x <= x + width && centre.y >= y && centre.y <= y + height) return last;
  }
  return fieldNear(sheet, centre);
}
