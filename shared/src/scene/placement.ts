/**
 * Finding spots for notes: pure geometry, no template or DOM (sheet rules: notePlacement.ts).
 * Candidates lie on a fine grid inside the area; the first one (nearest to the wish, or in reading
 * order: left to right, top to bottom) that overlaps nothing wins. When nothing is free, notes
 * go on a cascade (see {@link cascadeSpot}) instead of piling up on one spot.
 */

/** A point (a note's top-left corner), in sheet units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What a spot must satisfy. */
export interface SpotRequest {
  /** Where the whole note must lie. */
  readonly area: Box;
  /** Note size (square). */
  readonly size: number;
  /** Things to avoid: other notes, nested fields. */
  readonly obstacles: readonly Box[];
  /** Space kept between a note and its neighbours. */
  readonly gap?: number;
  /** Grid step of the candidates. */
  readonly step?: number;
  /** The preferred top-left corner; without it candidates are tried in reading order. */
  readonly near?: Point;
  /** Extra condition on a candidate's top-left corner (e.g. its centre must be in the field). */
  readonly accepts?: (topLeft: Point) => boolean;
}

/** A chosen spot (top-left corner) and whether it overlaps nothing. */
export interface Spot {
  readonly x: number;
  readonly y: number;
  readonly free: boolean;
}

/** Shared area of two boxes (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Evenly spread positions from `start` to `end` (inclusive) at most `step` apart. */
function positions(start: number, end: number, step: number): number[] {
  // An area narrower than a note: one candidate, centred (it will stick out evenly).
  if (end <= start) return [(start + end) / 2];
  const count = Math.max(1, Math.ceil((end - start) / step));
  const out: number[] = [];
  for (let i = 0; i <= count; i++) out.push(start + ((end - start) * i) / count);
  return out;
}

/** The best spot for a note in the area, or null when no candidate is acceptable at all. */
export function findSpot(request: SpotRequest): Spot | null {
  const { area, size, obstacles } = request;
  const gap = request.gap ?? 6;
  const step = request.step ?? size / 4;
  const inset = insetOf(area, size, gap);
  const xs = positions(area.x + inset, area.x + area.width - size - inset, step);
  const ys = positions(area.y + inset, area.y + area.height - size - inset, step);

  const candidates: Point[] = [];
  for (const y of ys) for (const x of xs) candidates.push({ x, y });
  const accepted = request.accepts ? candidates.filter(request.accepts) : candidates;
  if (accepted.length === 0) return null;
  const near = request.near;
  if (near) accepted.sort((a, b) => distance(a, near) - distance(b, near));

  const inflated = obstacles.map((o) => ({
    x: o.x - gap / 2,
    y: o.y - gap / 2,
    width: o.width + gap,
    height: o.height + gap,
  }));
  let best: Point | null = null;
  let bestOverlap = Infinity;
  for (const candidate of accepted) {
    const box = { x: candidate.x - gap / 2, y: candidate.y - gap / 2, width: size + gap, height: size + gap };
    let overlap = 0;
    for (const obstacle of inflated) {
      overlap += overlapArea(box, obstacle);
      if (overlap >= bestOverlap) break;
    }
    if (overlap === 0) return { ...candidate, free: true };
    if (overlap < bestOverlap) {
      best = candidate;
      bestOverlap = overlap;
    }
  }
  return best ? { ...best, free: false } : null;
}

/** How far apart (both ways) successive notes lie on a cascade: a quarter note, so each one's top and left edge show. */
export const CASCADE_STEP = 16;

/** The inset of candidate corners from the area's edges (a gap, less when the area is narrow). */
function insetOf(area: Box, size: number, gap: number): number {
  return Math.min(gap, Math.max(0, (area.width - size) / 2), Math.max(0, (area.height - size) / 2));
}

/**
 * Where a note goes in an area with no free spot left: on a cascade from the area's top-left
 * corner (as far in as the free spots start), each step {@link CASCADE_STEP} right and down — or
 * only right (down) in an area too low (narrow) for more — starting again at that edge when the
 * whole note would leave the area. The first step that the fewest obstacles sit exactly on (same
 * top-left corner) wins, so successive overflow notes step along the cascade and, once it is used
 * up, go round again. Never leaves the area (an area smaller than a note gets its centre).
 */
export function cascadeSpot(area: Box, size: number, obstacles: readonly Box[], gap = 6): Point {
  const inset = insetOf(area, size, gap);
  const spanX = area.width - size - 2 * inset;
  const spanY = area.height - size - 2 * inset;
  const stepsX = Math.floor(Math.max(0, spanX) / CASCADE_STEP) + 1;
  const stepsY = Math.floor(Math.max(0, spanY) / CASCADE_STEP) + 1;
  const at = (i: number): Point => ({
    x: spanX < 0 ? area.x + (area.width - size) / 2 : area.x + inset + (i % stepsX) * CASCADE_STEP,
    y: spanY < 0 ? area.y + (area.height - size) / 2 : area.y + inset + (i % stepsY) * CASCADE_STEP,
  });
  let best = at(0);
  let fewest = Infinity;
  for (let i = 0; i < Math.max(stepsX, stepsY); i++) {
    const p = at(i);
    const on = obstacles.filter((o) => Math.abs(o.x - p.x) < 0.5 && Math.abs(o.y - p.y) < 0.5).length;
    if (on < fewest) {
      best = p;
      fewest = on;
      if (on === 0) break;
    }
  }
  return best;
}

/** What placing several notes needs: a spot request, plus how many and where they may cascade. */
export interface PlaceRequest extends SpotRequest {
  /** How many notes to place. */
  readonly count: number;
  /** Where overflow notes cascade; the area itself when not given. */
  readonly cascadeArea?: Box;
}

/**
 * Spots for `count` notes, in reading order (or nearest to the wish): each takes the first free
 * spot left to right, top to bottom, clear of the obstacles and of the notes placed before it. A note that finds no free
 * spot goes on the cascade ({@link cascadeSpot}, `free: false`), still inside the area.
 */
export function placeNotes(request: PlaceRequest): Spot[] {
  const { size, count } = request;
  const gap = request.gap ?? 6;
  const obstacles = [...request.obstacles];
  const out: Spot[] = [];
  for (let i = 0; i < count; i++) {
    const found = findSpot({ ...request, obstacles });
    const spot = found?.free
      ? found
      : { ...cascadeSpot(request.cascadeArea ?? request.area, size, obstacles, gap), free: false };
    out.push(spot);
    obstacles.push({ x: spot.x, y: spot.y, width: size, height: size });
  }
  return out;
}

function distance(a: Point, b: Point): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
