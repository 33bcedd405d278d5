/**
 * Hit graphs drawn when they are needed, not with every picture (issue 11, bug 2; issue 14).
 *
 * Konva draws a layer twice per change: the scene people see and the hit graph (each listening
 * shape again, in its own colour) that only a pointer reads. After a phase change, a reveal or
 * the first render of a board, that second pass cost 10–20 % of the page's work, on six screens
 * at once. Here a layer's draw paints only its scene and marks its hit graph stale; the hit graph
 * is drawn when the page is next idle (at the latest HIT_GRAPH_WAIT_MS later), or at once when
 * something asks the layer what is under a point (Konva does that for every pointer event, our
 * code for a pan's start), so a click or a hover never sees an old hit graph.
 */

/** The part of Konva's Layer this module changes (a plain shape so that tests can use a fake). */
export interface HitGraphLayer {
  draw(): unknown;
  drawScene(): unknown;
  drawHit(canvas?: unknown, top?: unknown): unknown;
  getIntersection(pos: { x: number; y: number }): unknown;
  getStage(): unknown;
}

/** Runs `fn` when the page is idle, within `timeout` ms. */
export type IdleScheduler = (fn: () => void, timeout: number) => void;

/** At the latest this long after a change, a stale hit graph is drawn (ms). */
export const HIT_GRAPH_WAIT_MS = 250;

const browserIdle: IdleScheduler = (fn, timeout) => {
  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(fn, { timeout });
  else setTimeout(fn, Math.min(timeout, 50));
};

/** What `installLazyHitGraphs` returns: draws every stale hit graph now; how many are stale. */
export interface LazyHitGraphs {
  flush(): void;
  staleCount(): number;
}

/**
 * Changes a layer prototype (Konva's `Layer.prototype` in the app) so that `draw` (what
 * `batchDraw` runs in the next frame) leaves the hit graph for later. Installing twice on the same
 * prototype keeps the first installation.
 */
export function installLazyHitGraphs(proto: HitGraphLayer, idle: IdleScheduler = browserIdle): LazyHitGraphs {
  const marked = proto as HitGraphLayer & { __lazyHitGraphs?: LazyHitGraphs };
  if (marked.__lazyHitGraphs) return marked.__lazyHitGraphs;
  const stale = new Set<HitGraphLayer>();
  let scheduled = false;
  const drawHit = proto.drawHit;
  const getIntersection = proto.getIntersection;

  const flush = () => {
    for (const layer of [...stale]) {
      stale.delete(layer);
      // A layer taken off its stage meanwhile has no hit graph to keep.
      if (layer.getStage()) layer.drawHit();
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    idle(() => {
      scheduled = false;
      flush();
    }, HIT_GRAPH_WAIT_MS);
  };

  proto.draw = function (this: HitGraphLayer) {
    this.drawScene();
    stale.add(this);
    schedule();
    return this;
  };
  proto.drawHit = function (this: HitGraphLayer, canvas?: unknown, top?: unknown) {
    // The layer's own hit graph (no canvas given) is fresh after this; drawing into another
    // canvas (a cached picture's) leaves it as it was.
    if (canvas === undefined) stale.delete(this);
    return drawHit.call(this, canvas, top);
  };
  proto.getIntersection = function (this: HitGraphLayer, pos: { x: number; y: number }) {
    if (stale.has(this)) this.drawHit();
    return getIntersection.call(this, pos);
  };
  const api: LazyHitGraphs = { flush, staleCount: () => stale.size };
  marked.__lazyHitGraphs = api;
  return api;
}
