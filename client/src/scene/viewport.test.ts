import { describe, expect, it } from 'vitest';
import {
  clampPan,
  clampScale,
  fitScale,
  fitViewport,
  panBy,
  screenToSheet,
  sheetToScreen,
  wheelZoomFactor,
  zoomAround,
  zoomBy,
  zoomPercent,
  ZOOM_LIMITS,
} from './viewport';

const sheet = { width: 1189, height: 841 };
const canvas = { width: 1280, height: 700 };

describe('fit', () => {
  it('fits the limiting dimension and centres the other', () => {
    const vp = fitViewport(sheet, canvas, 10);
    expect(vp.scale).toBeCloseTo(680 / 841);
    expect(vp.y).toBeCloseTo(10);
    expect(vp.x).toBeCloseTo((1280 - 1189 * vp.scale) / 2);
    expect(fitScale(sheet, { width: 600, height: 2000 }, 0)).toBeCloseTo(600 / 1189);
  });

  it('never returns a zero or negative scale for a tiny canvas', () => {
    expect(fitScale(sheet, { width: 0, height: 0 })).toBeGreaterThan(0);
  });
});

describe('coordinates', () => {
  it('round-trips between sheet and screen', () => {
    const vp = { x: 30, y: -12, scale: 1.7 };
    const p = { x: 400, y: 250 };
    const back = screenToSheet(vp, sheetToScreen(vp, p));
    expect(back.x).toBeCloseTo(p.x);
    expect(back.y).toBeCloseTo(p.y);
  });
});

describe('zoom', () => {
  it('keeps the sheet point under the anchor in place', () => {
    const vp = { x: 50, y: 20, scale: 0.8 };
    const anchor = { x: 300, y: 200 };
    const before = screenToSheet(vp, anchor);
    const zoomed = zoomAround(vp, anchor, 2);
    const after = screenToSheet(zoomed, anchor);
    expect(zoomed.scale).toBe(2);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps to 0.2×–5× of fit', () => {
    expect(clampScale(100, 1)).toBe(ZOOM_LIMITS.max);
    expect(clampScale(0.0001, 2)).toBeCloseTo(2 * ZOOM_LIMITS.min);
    const vp = zoomBy({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 1000, 1);
    expect(vp.scale).toBe(5);
  });

  it('reports the zoom relative to fit', () => {
    expect(zoomPercent({ x: 0, y: 0, scale: 1.5 }, 0.75)).toBe(200);
  });

  it('zooms in for a wheel scrolled up and out for down, more for a pinch', () => {
    expect(wheelZoomFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0, false)).toBeLessThan(1);
    expect(wheelZoomFactor(-10, 0, true)).toBeGreaterThan(wheelZoomFactor(-10, 0, false));
    // Line mode is converted to pixels: 3 lines ≈ 48 px.
    expect(wheelZoomFactor(3, 1, false)).toBeCloseTo(wheelZoomFactor(48, 0, false));
  });
});

describe('pan', () => {
  it('moves by screen pixels', () => {
    expect(panBy({ x: 1, y: 2, scale: 3 }, 10, -5)).toEqual({ x: 11, y: -3, scale: 3 });
  });

  it('keeps part of the sheet visible', () => {
    const vp = clampPan({ x: 5000, y: -5000, scale: 1 }, sheet, canvas, 80);
    expect(vp.x).toBe(1280 - 80);
    expect(vp.y).toBe(80 - 841);
    const inside = { x: 10, y: 10, scale: 1 };
    expect(clampPan(inside, sheet, canvas)).toBe(inside);
  });
});
