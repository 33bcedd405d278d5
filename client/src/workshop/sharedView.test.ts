import { describe, expect, it } from 'vitest';
import { fitScale, fitViewport } from '../scene/viewport';
import { rectViewport, sameView, viewOfViewport, viewportOfView } from './sharedView';

const sheet = { width: 1189, height: 841 };

describe('shared views', () => {
  it('describes "fit" as the sheet centre at zoom 1, on any screen', () => {
    for (const canvas of [
      { width: 1200, height: 700 },
      { width: 800, height: 900 },
    ]) {
      const view = viewOfViewport('vel1', fitViewport(sheet, canvas), sheet, canvas);
      expect(view.x).toBeCloseTo(594.5, 0);
      expect(view.y).toBeCloseTo(420.5, 0);
      expect(view.scale).toBeCloseTo(1, 2);
    }
  });

  it('shows the same sheet point at the centre, at the same zoom relative to fit, on another screen', () => {
    const small = { width: 800, height: 600 };
    const large = { width: 1600, height: 1000 };
    const view = { sheetId: 'vel1', x: 300, y: 250, scale: 2 };
    for (const canvas of [small, large]) {
      const vp = viewportOfView(view, sheet, canvas);
      expect(vp.scale).toBeCloseTo(2 * fitScale(sheet, canvas));
      const back = viewOfViewport('vel1', vp, sheet, canvas);
      expect(sameView(back, view)).toBe(true);
    }
  });

  it('keeps the zoom within the limits', () => {
    const canvas = { width: 1000, height: 700 };
    const vp = viewportOfView({ sheetId: 'vel1', x: 100, y: 100, scale: 50 }, sheet, canvas);
    expect(vp.scale / fitScale(sheet, canvas)).toBeCloseTo(5);
  });

  it('fits a field into the canvas, centred', () => {
    const canvas = { width: 1000, height: 700 };
    const rect = { x: 650, y: 120, width: 509, height: 360 };
    const vp = rectViewport(rect, sheet, canvas);
    const left = rect.x * vp.scale + vp.x;
    const right = (rect.x + rect.width) * vp.scale + vp.x;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(canvas.width);
    expect((left + right) / 2).toBeCloseTo(canvas.width / 2, 0);
  });

  it('compares views up to rounding', () => {
    expect(sameView({ sheetId: 'a', x: 1, y: 1, scale: 1 }, { sheetId: 'a', x: 1.2, y: 0.9, scale: 1.001 })).toBe(true);
    expect(sameView({ sheetId: 'a', x: 1, y: 1, scale: 1 }, { sheetId: 'b', x: 1, y: 1, scale: 1 })).toBe(false);
    expect(sameView(null, null)).toBe(true);
  });
});
