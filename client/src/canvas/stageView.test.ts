import { describe, expect, it } from 'vitest';
import { stageSizeFor } from './stageView';

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
