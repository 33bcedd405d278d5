import { describe, expect, it } from 'vitest';
import { findSpot, overlapArea, type Box } from './placement';

const area: Box = { x: 0, y: 0, width: 300, height: 200 };
const size = 64;

function overlapsAny(spot: { x: number; y: number }, obstacles: Box[]): boolean {
  return obstacles.some((o) => overlapArea({ x: spot.x, y: spot.y, width: size, height: size }, o) > 0);
}

describe('overlapArea', () => {
  it('is zero for boxes that only touch', () => {
    expect(overlapArea({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(0);
    expect(overlapArea({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(25);
  });
});

describe('findSpot', () => {
  it('takes the top-left spot of an empty area in reading order', () => {
    const spot = findSpot({ area, size, obstacles: [], gap: 6 });
    expect(spot).toEqual({ x: 6, y: 6, free: true });
  });

  it('avoids existing notes', () => {
    const obstacles = [{ x: 6, y: 6, width: size, height: size }];
    const spot = findSpot({ area, size, obstacles, gap: 6 });
    expect(spot?.free).toBe(true);
    expect(overlapsAny(spot!, obstacles)).toBe(false);
    // Still on the first row: the next free place to the right.
    expect(spot?.y).toBe(6);
  });

  it('stays inside the area', () => {
    const spot = findSpot({ area, size, obstacles: [], near: { x: 1000, y: 1000 } });
    expect(spot!.x + size).toBeLessThanOrEqual(area.x + area.width);
    expect(spot!.y + size).toBeLessThanOrEqual(area.y + area.height);
  });

  it('prefers the spot nearest to the wish', () => {
    const spot = findSpot({ area, size, obstacles: [], near: { x: 200, y: 100 } });
    expect(spot?.free).toBe(true);
    expect(Math.abs(spot!.x - 200)).toBeLessThanOrEqual(16);
    expect(Math.abs(spot!.y - 100)).toBeLessThanOrEqual(30);
  });

  it('falls back to the least overlapping spot when the area is full', () => {
    const obstacles = [{ x: 0, y: 0, width: 300, height: 150 }];
    const spot = findSpot({ area, size, obstacles, gap: 6 });
    expect(spot?.free).toBe(false);
    // The lowest row overlaps least.
    expect(spot!.y).toBeCloseTo(200 - size - 6);
  });

  it('honours the acceptance test and returns null when nothing is acceptable', () => {
    const spot = findSpot({ area, size, obstacles: [], accepts: (p) => p.x > 100 });
    expect(spot!.x).toBeGreaterThan(100);
    expect(findSpot({ area, size, obstacles: [], accepts: () => false })).toBeNull();
  });

  it('handles an area smaller than a note by centring the only candidate', () => {
    const spot = findSpot({ area: { x: 10, y: 10, width: 40, height: 40 }, size, obstacles: [] });
    expect(spot).not.toBeNull();
  });
});
