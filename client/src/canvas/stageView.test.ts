import { describe, expect, it } from 'vitest';
import { layerShift, stageSizeFor } from './stageView';

describe('stageSizeFor: a stage that does not reallocate its canvases for every small change', () => {
  it('starts at the container size rounded up to a step', () => {
    expect(stageSizeFor(null, { width: 1000, height: 601 })).toEqual({ width: 1024, height: 640 });
  });

  it('keeps its size (the same object) when the container shrinks a little, as when a banner wraps', () => {
    const stage = stageSizeFor(null, { width: 1024, height: 606 });
    expect(stageSizeFor(stage, { width: 1024, height: 567 })).toBe(stage);
    expect(stageSizeFor(stage, { width: 990, height: 600 })).toBe(stage);
  });

  it('keeps its size when a long instruction takes a good part of the screen, and grows back without reallocating', () => {
    const stage = stageSizeFor(null, { width: 1024, height: 606 });
    const during = stageSizeFor(stage, { width: 1024, height: 383 });
    expect(during).toBe(stage);
    expect(stageSizeFor(during, { width: 1024, height: 606 })).toBe(stage);
  });

  it('grows at once when the container outgrows it, so nothing is ever cut off', () => {
    const stage = stageSizeFor(null, { width: 1024, height: 606 });
    const grown = stageSizeFor(stage, { width: 1280, height: 700 });
    expect(grown.width).toBeGreaterThanOrEqual(1280);
    expect(grown.height).toBeGreaterThanOrEqual(700);
  });

  it('grows to the room the window gives once it has to grow, so a later, taller container costs nothing', () => {
    const room = { width: 1024, height: 768 };
    // A long instruction at the first phase: the canvas starts low.
    const stage = stageSizeFor(null, { width: 1024, height: 430 }, room);
    expect(stage).toEqual({ width: 1024, height: 448 });
    // A shorter one: the stage grows to the window at once…
    const grown = stageSizeFor(stage, { width: 1024, height: 520 }, room);
    expect(grown).toEqual({ width: 1024, height: 768 });
    // …and the next, shorter still, fits in it.
    expect(stageSizeFor(grown, { width: 1024, height: 640 }, room)).toBe(grown);
    // A stage of the window's size is kept however short the container becomes.
    expect(stageSizeFor(grown, { width: 1024, height: 300 }, room)).toBe(grown);
  });

  it('shrinks when the container becomes much smaller (a window made small, a phone turned)', () => {
    const stage = stageSizeFor(null, { width: 1280, height: 800 });
    expect(stageSizeFor(stage, { width: 375, height: 300 })).toEqual({ width: 384, height: 320 });
  });
});

describe('layerShift: a layer drawn at one view, shown at another by CSS during a gesture', () => {
  const canvas = { width: 1280, height: 832 };
  const visible = { width: 1280, height: 640 };
  const at = (x: number, y: number, scale: number) => ({ x, y, scale });
  /** Where the shifted canvas puts a sheet point that it drew at `drawn`. */
  const onScreen = (
    shift: { scale: number; x: number; y: number },
    drawn: ReturnType<typeof at>,
    p: { x: number; y: number },
  ) => ({
    x: shift.scale * (drawn.scale * p.x + drawn.x) + shift.x,
    y: shift.scale * (drawn.scale * p.y + drawn.y) + shift.y,
  });

  it('moves a panned picture by the pan and puts every sheet point where the live view shows it', () => {
    const drawn = at(100, 50, 0.8);
    const live = at(160, 20, 0.8);
    const shift = layerShift(drawn, live, canvas, visible);
    expect(shift).toEqual({ scale: 1, x: 60, y: -30 });
    if (!shift) return;
    const p = { x: 400, y: 300 };
    expect(onScreen(shift, drawn, p)).toEqual({ x: live.scale * p.x + live.x, y: live.scale * p.y + live.y });
  });

  it('scales a zoomed picture about the top left corner so that points land where the live view shows them', () => {
    const drawn = at(100, 50, 0.8);
    const live = at(-200, -150, 1.6);
    const shift = layerShift(drawn, live, canvas, visible);
    expect(shift?.scale).toBe(2);
    if (!shift) return;
    for (const p of [
      { x: 0, y: 0 },
      { x: 500, y: 250 },
    ]) {
      const seen = onScreen(shift, drawn, p);
      expect(seen.x).toBeCloseTo(live.scale * p.x + live.x, 9);
      expect(seen.y).toBeCloseTo(live.scale * p.y + live.y, 9);
    }
  });

  it('asks for a redraw once half of the view would be left empty by a pan', () => {
    const drawn = at(0, 0, 1);
    expect(layerShift(drawn, at(600, 0, 1), canvas, visible)).not.toBeNull();
    expect(layerShift(drawn, at(660, 0, 1), canvas, visible)).toBeNull();
    expect(layerShift(drawn, at(-400, -200, 1), canvas, visible)).not.toBeNull();
    expect(layerShift(drawn, at(-700, -300, 1), canvas, visible)).toBeNull();
  });

  it('asks for a redraw once a zoom enlarges the picture beyond three times, or shrinks it to leave half the view empty', () => {
    const drawn = at(0, 0, 1);
    expect(layerShift(drawn, at(-1000, -500, 2.9), canvas, visible)).not.toBeNull();
    expect(layerShift(drawn, at(-1000, -500, 3.1), canvas, visible)).toBeNull();
    // Zooming out around the centre: 0.75× still covers more than half, 0.6× does not.
    expect(layerShift(drawn, at(160, 80, 0.75), canvas, visible)).not.toBeNull();
    expect(layerShift(drawn, at(256, 128, 0.6), canvas, visible)).toBeNull();
  });
});
