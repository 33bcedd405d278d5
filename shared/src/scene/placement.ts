import type { Point } from './viewport';

/**
 * Finding a spot for a new or moved note: pure geometry, no template or DOM. Candidates lie on a
 * fine grid inside the area; the first one (nearest to the wish, or in reading order) that
 * overlaps nothing wins, otherwise the one that overlaps least.
 */

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
  const inset = Math.min(gap, Math.max(0, (area.width - size) / 2), Math.max(0, (area.height - size) / 2));
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

function distance(a: Point, b: Point): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
