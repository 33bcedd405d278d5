/**
 * Viewport math for a sheet on the stage: pure functions, no DOM. A viewport maps sheet units
 * to screen pixels as `screen = sheet × scale + (x, y)`.
 */

/** A point in either coordinate system. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A width and height. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The transform from sheet units to stage pixels. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Zoom limits, as multiples of the scale that fits the sheet. */
export const ZOOM_LIMITS = { min: 0.2, max: 5 } as const;

/** Space (pixels) kept around the sheet when fitting it. */
export const FIT_PADDING = 12;

/** How many pixels of the sheet stay visible however far one pans. */
const KEEP_VISIBLE = 80;

/** The scale at which the whole sheet fits the canvas. */
export function fitScale(sheet: Size, canvas: Size, padding = FIT_PADDING): number {
  const width = Math.max(1, canvas.width - 2 * padding);
  const height = Math.max(1, canvas.height - 2 * padding);
  return Math.max(1e-3, Math.min(width / sheet.width, height / sheet.height));
}

/** The viewport that shows the whole sheet, centred. */
export function fitViewport(sheet: Size, canvas: Size, padding = FIT_PADDING): Viewport {
  const scale = fitScale(sheet, canvas, padding);
  return {
    scale,
    x: (canvas.width - sheet.width * scale) / 2,
    y: (canvas.height - sheet.height * scale) / 2,
  };
}

/** A scale kept within the zoom limits around `fit`. */
export function clampScale(scale: number, fit: number): number {
  return Math.min(fit * ZOOM_LIMITS.max, Math.max(fit * ZOOM_LIMITS.min, scale));
}

/** The sheet point under a screen point. */
export function screenToSheet(vp: Viewport, p: Point): Point {
  return { x: (p.x - vp.x) / vp.scale, y: (p.y - vp.y) / vp.scale };
}

/** The screen point of a sheet point. */
export function sheetToScreen(vp: Viewport, p: Point): Point {
  return { x: p.x * vp.scale + vp.x, y: p.y * vp.scale + vp.y };
}

/** The viewport at `scale` that keeps the sheet point under screen point `anchor` in place. */
export function zoomAround(vp: Viewport, anchor: Point, scale: number): Viewport {
  const sheetPoint = screenToSheet(vp, anchor);
  return { scale, x: anchor.x - sheetPoint.x * scale, y: anchor.y - sheetPoint.y * scale };
}

/** Multiplies the zoom by `factor` around `anchor`, within the limits relative to `fit`. */
export function zoomBy(vp: Viewport, anchor: Point, factor: number, fit: number): Viewport {
  return zoomAround(vp, anchor, clampScale(vp.scale * factor, fit));
}

/** Moves the view by a screen distance. */
export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, x: vp.x + dx, y: vp.y + dy };
}

/** Keeps at least a strip of the sheet on screen, so it cannot be lost by panning. */
export function clampPan(vp: Viewport, sheet: Size, canvas: Size, keep = KEEP_VISIBLE): Viewport {
  const w = sheet.width * vp.scale;
  const h = sheet.height * vp.scale;
  const keepX = Math.min(keep, w, canvas.width);
  const keepY = Math.min(keep, h, canvas.height);
  const x = Math.min(canvas.width - keepX, Math.max(keepX - w, vp.x));
  const y = Math.min(canvas.height - keepY, Math.max(keepY - h, vp.y));
  return x === vp.x && y === vp.y ? vp : { ...vp, x, y };
}

/** The zoom level relative to fit, as a whole percentage. */
export function zoomPercent(vp: Viewport, fit: number): number {
  return Math.round((vp.scale / fit) * 100);
}

/** The zoom factor for a wheel event: smooth for trackpads, bounded for coarse mouse wheels. */
export function wheelZoomFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  // deltaMode 1 = lines, 2 = pages; normalise to pixels first.
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const sensitivity = pinch ? 0.01 : 0.0015;
  const clamped = Math.max(-100, Math.min(100, pixels));
  return Math.exp(-clamped * sensitivity);
}

/** The sheet rectangle visible on screen, in sheet units. */
export function visibleSheetRect(vp: Viewport, canvas: Size): { x: number; y: number; width: number; height: number } {
  const topLeft = screenToSheet(vp, { x: 0, y: 0 });
  return { x: topLeft.x, y: topLeft.y, width: canvas.width / vp.scale, height: canvas.height / vp.scale };
}

/** The viewport that shows a rectangle of the sheet as large as fits, centred, with padding (px). */
export function fitRectViewport(
  rect: { x: number; y: number; width: number; height: number },
  canvas: Size,
  padding = 24,
): Viewport {
  const scale = fitScale({ width: Math.max(1, rect.width), height: Math.max(1, rect.height) }, canvas, padding);
  return {
    scale,
    x: canvas.width / 2 - (rect.x + rect.width / 2) * scale,
    y: canvas.height / 2 - (rect.y + rect.height / 2) * scale,
  };
}
