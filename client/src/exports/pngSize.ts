/**
 * How large a sheet's PNG is drawn: the sheet's units as CSS pixels, times a pixel ratio, kept
 * under the canvas limits of the browsers people use — iOS Safari is the tightest (16.7 million
 * pixels per canvas); a canvas over the limit silently comes out blank. Pure.
 */

/** The pixel ratio asked for: an A0 sheet of 1189 units becomes 4756 pixels wide. */
export const PNG_PIXEL_RATIO = 4;

/** Pixels one canvas may hold in every browser we support (iOS Safari's limit). */
export const MAX_CANVAS_AREA = 16_777_216;

/** Longest canvas side in every browser we support. */
export const MAX_CANVAS_SIDE = 16_384;

/** The size of the drawn image. */
export interface PngSize {
  /** Pixels. */
  readonly width: number;
  readonly height: number;
  /** Image pixels per sheet unit. */
  readonly pixelRatio: number;
}

/** The image size for a sheet: the asked pixel ratio, lowered only as far as the limits require. */
export function pngSize(
  sheet: { readonly width: number; readonly height: number },
  pixelRatio: number = PNG_PIXEL_RATIO,
  limits: { readonly maxArea: number; readonly maxSide: number } = {
    maxArea: MAX_CANVAS_AREA,
    maxSide: MAX_CANVAS_SIDE,
  },
): PngSize {
  if (!(sheet.width > 0 && sheet.height > 0 && pixelRatio > 0))
    throw new RangeError('sheet size and pixel ratio must be positive');
  const bySide = Math.min(limits.maxSide / sheet.width, limits.maxSide / sheet.height);
  const byArea = Math.sqrt(limits.maxArea / (sheet.width * sheet.height));
  // Two decimals, rounded down, so the limits hold after the browser floors the canvas size.
  const ratio = Math.floor(Math.min(pixelRatio, bySide, byArea) * 100) / 100;
  return { width: Math.floor(sheet.width * ratio), height: Math.floor(sheet.height * ratio), pixelRatio: ratio };
}
