import { describe, expect, it } from 'vitest';
import { CASCADE_STEP, cascadeSpot, findSpot, overlapArea, placeNotes, type Box } from './placement';

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

describe('placeNotes', () => {
  it('fills an area in reading order without overlap', () => {
    const spots = placeNotes({ area, size, obstacles: [], count: 6 });
    expect(spots.every((s) => s.free)).toBe(true);
    // Three fit on the first row of a 300 wide area (on the candidate grid), left to right; the rest start the second.
    const row = spots.slice(0, 3);
    expect(row.every((s) => s.y === 6)).toBe(true);
    expect(row.map((s) => s.x)).toEqual([...row.map((s) => s.x)].sort((a, b) => a - b));
    expect(spots[3]!.y).toBeGreaterThan(6);
    expect(spots[3]!.x).toBe(6);
    spots.forEach((s, i) =>
      expect(
        overlapsAny(
          s,
          spots.slice(0, i).map((o) => ({ ...o, width: size, height: size })),
        ),
      ).toBe(false),
    );
  });

  it('puts what does not fit on a cascade inside the area', () => {
    const spots = placeNotes({ area, size, obstacles: [], count: 12 });
    const overflow = spots.filter((s) => !s.free);
    expect(overflow.length).toBeGreaterThan(0);
    for (const s of overflow) {
      expect(s.x).toBeGreaterThanOrEqual(area.x);
      expect(s.y).toBeGreaterThanOrEqual(area.y);
      expect(s.x + size).toBeLessThanOrEqual(area.x + area.width);
      expect(s.y + size).toBeLessThanOrEqual(area.y + area.height);
    }
    // Each overflow note one step further along the cascade than the one before.
    for (let i = 1; i < overflow.length; i++) {
      expect(overflow[i]!.x - overflow[i - 1]!.x).toBeCloseTo(CASCADE_STEP);
      expect(overflow[i]!.y - overflow[i - 1]!.y).toBeCloseTo(CASCADE_STEP);
    }
  });
});

describe('cascadeSpot', () => {
  it('starts again at the corner when the cascade is used up, and centres in an area smaller than a note', () => {
    const small: Box = { x: 0, y: 0, width: 100, height: 100 };
    const first = cascadeSpot(small, size, []);
    expect(first).toEqual({ x: 6, y: 6 });
    const steps = [first, { x: 22, y: 22 }].map((p) => ({ ...p, width: size, height: size }));
    expect(cascadeSpot(small, size, steps)).toEqual({ x: 6, y: 6 });
    expect(cascadeSpot({ x: 0, y: 0, width: 40, height: 200 }, size, []).x).toBe(-12);
  });
});
