import type { SheetTemplate } from '@dmc/shared/template/types';
import type { AppState, AppStore } from './';
import { sheetById } from '../scene/template';
import { clampPan, fitScale, fitViewport, zoomBy, type Point, type Viewport } from '../scene/viewport';

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
