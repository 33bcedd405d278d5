import { describe, expect, it } from 'vitest';
import {
  EDGE_MARGIN,
  GAP_ABOVE,
  GAP_BELOW,
  placeToolbar,
  type Placement,
  type Rect,
  type Size,
} from './toolbarPlacement';

const area: Size = { width: 1000, height: 600 };
const toolbar: Size = { width: 400, height: 90 };
const note = (x: number, y: number, size = 50): Rect => ({ x, y, width: size, height: size });

function inside(p: Placement, t: Size, a: Size): boolean {
  return (
    p.left >= EDGE_MARGIN &&
    p.top >= EDGE_MARGIN &&
    p.left + t.width <= a.width - EDGE_MARGIN &&
    p.top + t.height <= a.height - EDGE_MARGIN
  );
}

function overlaps(p: Placement, t: Size, r: Rect): boolean {
  return p.left < r.x + r.width && p.left + t.width > r.x && p.top < r.y + r.height && p.top + t.height > r.y;
}

describe('placeToolbar', () => {
  it('centres the toolbar above the object when its height fits there', () => {
    const p = placeToolbar(note(475, 300), toolbar, area);
    expect(p).toEqual({ left: 300, top: 300 - GAP_ABOVE - 90, side: 'above' });
  });

  it('goes below the object when there is no room above for its measured height', () => {
    const p = placeToolbar(note(475, 60), toolbar, area);
    expect(p.side).toBe('below');
    expect(p.top).toBe(60 + 50 + GAP_BELOW);
    expect(inside(p, toolbar, area)).toBe(true);
  });

  it('keeps a toolbar for an object near the left or right edge fully inside the area', () => {
    for (const x of [-30, 0, 10, 940, 990]) {
      const p = placeToolbar(note(x, 300), toolbar, area);
      expect(inside(p, toolbar, area)).toBe(true);
      expect(overlaps(p, toolbar, note(x, 300))).toBe(false);
    }
    expect(placeToolbar(note(0, 300), toolbar, area).left).toBe(EDGE_MARGIN);
    expect(placeToolbar(note(990, 300), toolbar, area).left).toBe(1000 - EDGE_MARGIN - 400);
  });

  it('sits beside a large object when neither above nor below has room', () => {
    const big: Rect = { x: 100, y: 40, width: 300, height: 500 };
    const p = placeToolbar(big, toolbar, area);
    expect(p.side).toBe('right');
    expect(inside(p, toolbar, area)).toBe(true);
    expect(overlaps(p, toolbar, big)).toBe(false);
  });

  it('only overlaps the object when no side has room, and still stays inside', () => {
    const huge: Rect = { x: 20, y: 20, width: 960, height: 560 };
    const p = placeToolbar(huge, toolbar, area);
    expect(p.side).toBe('over');
    expect(inside(p, toolbar, area)).toBe(true);
  });

  it('starts at the margin when the toolbar is as wide as the area', () => {
    const wide: Size = { width: 1000 - 2 * EDGE_MARGIN, height: 150 };
    const p = placeToolbar(note(900, 400), wide, area);
    expect(p.left).toBe(EDGE_MARGIN);
    expect(p.top).toBe(400 - GAP_ABOVE - 150);
    expect(placeToolbar(note(900, 100), wide, area).top).toBe(100 + 50 + GAP_BELOW);
  });
});
