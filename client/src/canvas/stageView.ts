import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type Konva from 'konva';
import { Konva as KonvaGlobal } from 'konva/lib/Global.js';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import type { AppState, AppStore } from '../store';
import { useAppStore } from '../store';
import { sheetById } from '../scene/template';
import { visibleSheetRect, type Viewport } from '../scene/viewport';
import { noteFontFloor } from '../scene/viewportField';
import { viewportOf } from '../store/viewportControl';

/**
 * Panning and zooming without React and, mostly, without drawing: the stage's transform follows
 * the store's viewport at once (pointer maths and hit tests see the live view), but during a
 * continuous gesture the layers' canvases keep the pictures they have and are moved and scaled by
 * CSS to where the live view puts them (see layerShift) — the compositor's work, not the page's.
 * A layer is drawn again when its picture would leave too much of the view blank or blurred, when
 * the gesture rests (with the hit graphs), at once when a pointer goes down, or whenever anything
 * else draws it (a remote change): every draw is at the live view and drops the layer's shift.
 * What React draws depends on the zoom only in steps (culling with room to spare, the text floor,
 * the resolution of the notes' cached pictures), and during a continuous gesture a step waits
 * until it rests.
 */

/** Where a layer's canvas, drawn at one view, goes on screen to show another (CSS px). */
export interface LayerShift {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/**
 * A shifted picture may leave at most this part of the view uncovered before it is redrawn: a
 * drag across half the screen, or a zoom out to about 0.7×, shows the background at the edges
 * for as long as the gesture goes on without a pause (see SCENE_REST_MS).
 */
const MOST_UNCOVERED = 1 / 2;
/**
 * A shifted picture is redrawn once it is scaled beyond this factor or below its inverse: a wheel
 * zoom of ten notches in one go (about 2.5×) shows the old picture enlarged, sharp again when it
 * pauses.
 */
const MOST_SCALE = 3;

/**
 * The CSS transform (origin top left) that puts a canvas drawn at view `drawn` where view `live`
 * shows it, or null when that picture is not good enough: scaled beyond MOST_SCALE either way, or
 * covering less than 1 − MOST_UNCOVERED of the visible part of the canvas (`visible`, from the
 * container's top left).
 */
export function layerShift(drawn: Viewport, live: Viewport, canvas: StageSize, visible: StageSize): LayerShift | null {
  const scale = live.scale / drawn.scale;
  if (!(scale <= MOST_SCALE && scale >= 1 / MOST_SCALE)) return null;
  const x = live.x - scale * drawn.x;
  const y = live.y - scale * drawn.y;
  const w = Math.min(canvas.width, visible.width);
  const h = Math.min(canvas.height, visible.height);
  if (w <= 0 || h <= 0) return { scale, x, y };
  const overlap = (from: number, size: number, most: number) =>
    Math.max(0, Math.min(most, from + size) - Math.max(0, from));
  const covered = overlap(x, scale * canvas.width, w) * overlap(y, scale * canvas.height, h);
  return covered >= (1 - MOST_UNCOVERED) * w * h ? { scale, x, y } : null;
}

/** How long after a gesture's last change the deferred steps and the hit graphs follow. */
const REST_MS = 200;
/** How long a gesture may pause before the shifted layers are drawn again at the view it shows. */
const SCENE_REST_MS = 100;

function currentViewport(state: AppState): Viewport {
  return viewportOf(state, sheetById(state.sheetId));
}

let gestureUntil = 0;
/**
 * Called by the continuous gestures (wheel, pinch, drag to pan) before each change of the view:
 * until they rest, what React draws waits. A jump (a key, a menu, a field) follows at once.
 */
export function continueGesture(): void {
  gestureUntil = performance.now() + REST_MS;
}
function inGesture(): boolean {
  return performance.now() < gestureUntil;
}

/** A picture waiting to be taken: its resolution and the margin around the shapes. */
interface PendingPicture {
  readonly pixelRatio: number;
  readonly offset: number;
}
/** Pictures waiting to be taken, in the order their notes first rendered. */
const pendingPictures = new Map<Konva.Group, PendingPicture>();
let picturesScheduled = false;

/**
 * Takes a note's cached picture soon instead of now: a board that mounts a thousand notes at
 * once draws them live in its first frame and makes their pictures in short slices while the page
 * is idle (about 8 ms each), redrawing the layers it changed. A later call for the same node only
 * updates the resolution; `cancelPicture` drops it (the note is drawn live again, or unmounted).
 */
export function takePictureSoon(node: Konva.Group, pixelRatio: number, offset = 1): void {
  pendingPictures.set(node, { pixelRatio, offset });
  schedulePictures();
}

/** Pictures taken ahead of need (a hidden sheet, a sharper one), each only when the page is quiet. */
const aheadPictures = new Map<Konva.Group, PendingPicture>();

/**
 * Takes a picture nobody needs yet (a sheet not on screen, a sharper one before a zoom): one at a
 * time, only while the page is quiet — such a picture can take tens of milliseconds, which must
 * not land in the middle of a pan or a zoom.
 */
export function takePictureAhead(node: Konva.Group, pixelRatio: number, offset = 1): void {
  aheadPictures.set(node, { pixelRatio, offset });
  whenQuiet(takeOneAhead);
}

function takeOneAhead(): void {
  for (const [node, picture] of aheadPictures) {
    aheadPictures.delete(node);
    const layer = node.getLayer();
    if (!layer || !node.getStage()) continue;
    node.cache(picture);
    if (node.isVisible()) layer.batchDraw();
    break;
  }
  if (aheadPictures.size > 0) whenQuiet(takeOneAhead);
}

/** How much idle time (ms) the page must have for work done ahead of need. */
const QUIET_MS = 30;

/**
 * Runs `fn` once the page is quiet: idle with at least QUIET_MS to spare (no frame waiting, as
 * during a pan) and no gesture going on. Returns a cancel function.
 */
export function whenQuiet(fn: () => void): () => void {
  let id = 0;
  const attempt = (deadline?: IdleDeadline) => {
    if (inGesture() || (deadline !== undefined && deadline.timeRemaining() < QUIET_MS)) {
      id = schedule();
      return;
    }
    id = 0;
    fn();
  };
  const schedule = () =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(attempt)
      : window.setTimeout(() => attempt(), 200);
  id = schedule();
  return () => {
    if (id === 0) return;
    if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(id);
    else window.clearTimeout(id);
  };
}

/** Drops a picture still waiting to be taken. Whether one was waiting. */
export function cancelPicture(node: Konva.Group): boolean {
  const ahead = aheadPictures.delete(node);
  return pendingPictures.delete(node) || ahead;
}

/** Whether a picture for this node is still waiting to be taken. */
export function pictureWaiting(node: Konva.Group): boolean {
  return pendingPictures.has(node) || aheadPictures.has(node);
}

function schedulePictures(): void {
  if (picturesScheduled || pendingPictures.size === 0) return;
  picturesScheduled = true;
  const run = () => {
    picturesScheduled = false;
    // A pan or a zoom shows the layers' pictures as they are (see useStageViewport): redrawing a
    // layer for a note's picture would only cost frames. The pictures follow when it rests.
    if (inGesture()) {
      picturesScheduled = true;
      window.setTimeout(() => {
        picturesScheduled = false;
        schedulePictures();
      }, gestureUntil - performance.now());
      return;
    }
    const start = performance.now();
    const layers = new Set<Konva.Layer>();
    for (const [node, picture] of pendingPictures) {
      pendingPictures.delete(node);
      const layer = node.getLayer();
      if (!layer || !node.getStage()) continue;
      node.cache(picture);
      // A hidden node's picture is taken ahead of need; nothing on screen changes.
      if (node.isVisible()) layers.add(layer);
      if (performance.now() - start > 8) break;
    }
    for (const layer of layers) layer.batchDraw();
    schedulePictures();
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 100 });
  else window.setTimeout(run, 16);
}

/**
 * Keeps the stage's transform on the store's viewport. A jump redraws at once; a continuous gesture
 * shifts the layers' canvases by CSS each frame (redrawing a layer only when its shifted picture
 * is not good enough), then redraws the scenes and the hit graphs when the view rests or right
 * before a pointer goes down on the canvas.
 */
export function useStageViewport(
  store: AppStore,
  stageRef: RefObject<Konva.Stage | null>,
  containerRef: RefObject<HTMLElement | null>,
  mounted: boolean,
): void {
  useLayoutEffect(() => {
    const stage = stageRef.current;
    const container = containerRef.current;
    if (!mounted || !stage || !container) return;
    let applied: Viewport | null = null;
    let frame = 0;
    let rest = 0;
    let sceneRest = 0;
    // Whether the view moved since the hit graphs were drawn. Kept here, not marked in
    // lazyHitGraphs: that would make Konva's hover lookup on every pointer move of a pan redraw them.
    let hitStale = false;
    // The view each layer's canvas shows (the stage's transform at its last draw), and the layers
    // whose canvas is shifted by CSS.
    const drawnAt = new Map<Konva.Layer, Viewport>();
    const shifted = new Set<Konva.Layer>();
    const canvasOf = (layer: Konva.Layer) => layer.getNativeCanvasElement();
    const watch = (layer: Konva.Layer) => {
      if (drawnAt.has(layer)) return;
      drawnAt.set(layer, stageView(stage));
      canvasOf(layer).style.transformOrigin = '0 0';
      // Whoever draws the layer (this hook, react-konva after a change, a remote cursor) draws it
      // at the live view: its canvas needs no shift after that.
      layer.on('draw.stageView', () => {
        drawnAt.set(layer, stageView(stage));
        if (shifted.delete(layer)) canvasOf(layer).style.transform = '';
      });
    };
    const follow = () => {
      frame = 0;
      const live = stageView(stage);
      const size = stage.size();
      const { canvasSize } = store.getState();
      for (const layer of stage.getLayers()) {
        watch(layer);
        const drawn = drawnAt.get(layer) ?? live;
        const shift = layerShift(drawn, live, size, canvasSize);
        if (!shift) {
          layer.drawScene();
          continue;
        }
        const identity = shift.scale === 1 && shift.x === 0 && shift.y === 0;
        if (identity) shifted.delete(layer);
        else shifted.add(layer);
        canvasOf(layer).style.transform = identity
          ? ''
          : `matrix(${shift.scale}, 0, 0, ${shift.scale}, ${shift.x}, ${shift.y})`;
      }
    };
    // A pause: the layers people see, at the view they see.
    const drawShifted = () => {
      window.clearTimeout(sceneRest);
      cancelAnimationFrame(frame);
      frame = 0;
      for (const layer of [...shifted]) layer.drawScene();
    };
    // The view at rest, or a pointer about to ask what is under it: every layer as it is now.
    const settle = () => {
      window.clearTimeout(rest);
      drawShifted();
      if (!hitStale) return;
      hitStale = false;
      for (const layer of stage.getLayers()) if (layer.listening()) layer.drawHit();
    };
    const apply = (vp: Viewport, immediate: boolean) => {
      if (applied && applied.x === vp.x && applied.y === vp.y && applied.scale === vp.scale) return;
      applied = vp;
      // Konva would redraw every layer for this in its next frame; this hook decides that.
      const autoDraw = KonvaGlobal.autoDrawEnabled;
      KonvaGlobal.autoDrawEnabled = false;
      stage.position({ x: vp.x, y: vp.y });
      stage.scale({ x: vp.scale, y: vp.scale });
      KonvaGlobal.autoDrawEnabled = autoDraw;
      if (immediate) {
        stage.batchDraw();
        return;
      }
      hitStale = true;
      if (frame === 0) frame = requestAnimationFrame(follow);
      window.clearTimeout(sceneRest);
      sceneRest = window.setTimeout(drawShifted, SCENE_REST_MS);
      window.clearTimeout(rest);
      rest = window.setTimeout(settle, REST_MS);
    };
    for (const layer of stage.getLayers()) watch(layer);
    apply(currentViewport(store.getState()), true);
    const unsubscribe = store.subscribe((state) => apply(currentViewport(state), !inGesture()));
    // Capture: before Konva's own listener on its content looks up the hit graph.
    container.addEventListener('pointerdown', settle, { capture: true });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      window.clearTimeout(rest);
      window.clearTimeout(sceneRest);
      container.removeEventListener('pointerdown', settle, { capture: true });
      for (const layer of drawnAt.keys()) layer.off('draw.stageView');
      for (const layer of shifted) canvasOf(layer).style.transform = '';
    };
  }, [store, stageRef, containerRef, mounted]);
}

/** The view a stage draws at now. */
function stageView(stage: Konva.Stage): Viewport {
  return { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
}

/**
 * A value derived from the viewport that React draws with: follows at once after a jump (a key,
 * a menu, a field), but waits until a continuous gesture rests.
 */
function useSteppedView<T>(store: AppStore, derive: (state: AppState) => T): T {
  const [value, setValue] = useState(() => derive(store.getState()));
  useEffect(() => {
    let timer = 0;
    let last = derive(store.getState());
    setValue(last);
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.viewports === prev.viewports && state.canvasSize === prev.canvasSize && state.sheetId === prev.sheetId)
        return;
      const continuing = inGesture();
      const next = derive(state);
      if (Object.is(next, last)) return;
      window.clearTimeout(timer);
      const commit = () => {
        last = derive(store.getState());
        setValue(last);
      };
      if (continuing) timer = window.setTimeout(commit, REST_MS);
      else commit();
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store, derive]);
  return value;
}

/** The smallest readable note text at the current zoom (see noteFontFloor), in steps. */
const fontFloorOf = (state: AppState) => noteFontFloor(currentViewport(state).scale);

/**
 * The resolution of a cached picture: a power of two at or above the screen pixels per sheet
 * unit, or 0 (draw live) when zoomed in so far that pictures would cost more memory than they save.
 */
export function cachePixelRatio(scale: number, devicePixelRatio: number): number {
  const needed = scale * devicePixelRatio;
  if (needed > 2) return 0;
  return needed <= 1 ? 1 : 2;
}
const pixelRatioOf = (state: AppState) =>
  cachePixelRatio(currentViewport(state).scale, typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

/** The note text floor, stepped with the zoom. */
export function useNoteFontFloor(store: AppStore): number {
  return useSteppedView(store, fontFloorOf);
}

/** The resolution for cached pictures of notes and the sheet (0: do not cache). */
export function useCachePixelRatio(store: AppStore): number {
  return useSteppedView(store, pixelRatioOf);
}

/** A sheet rectangle around the view, with room to spare on every side. */
interface CullRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function cullRectOf(state: AppState): CullRect {
  const view = visibleSheetRect(currentViewport(state), state.canvasSize);
  // Half a view on every side, and a note's size: panning redraws without React until it leaves this.
  const mx = view.width / 2 + NOTE_SIZE;
  const my = view.height / 2 + NOTE_SIZE;
  return { x: view.x - mx, y: view.y - my, width: view.width + 2 * mx, height: view.height + 2 * my };
}

function contains(outer: CullRect, inner: CullRect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The part of the sheet whose notes are drawn: the view with room to spare, moved only when the
 * view (with a note's margin) leaves it, or when zooming out makes it too small.
 */
export function useCullRect(store: AppStore): CullRect {
  const [rect, setRect] = useState(() => cullRectOf(store.getState()));
  useEffect(() => {
    let current = cullRectOf(store.getState());
    setRect(current);
    return store.subscribe((state, prev) => {
      if (state.viewports === prev.viewports && state.canvasSize === prev.canvasSize && state.sheetId === prev.sheetId)
        return;
      const view = visibleSheetRect(currentViewport(state), state.canvasSize);
      const needed = {
        x: view.x - NOTE_SIZE,
        y: view.y - NOTE_SIZE,
        width: view.width + 2 * NOTE_SIZE,
        height: view.height + 2 * NOTE_SIZE,
      };
      // Zoomed in far within a big rectangle: shrink it, so that far-away notes are not drawn; but
      // not during a gesture, whose way back would mount them all again.
      const tooBig = current.width > 4 * needed.width && !inGesture();
      if (contains(current, needed) && !tooBig) return;
      current = cullRectOf(state);
      setRect(current);
    });
  }, [store]);
  return rect;
}

/** The current scale, for shapes drawn at a constant screen size. */
export function useStageScale(): number {
  return useAppStore((s) => currentViewport(s).scale);
}

/** A canvas size in CSS pixels. */
export interface StageSize {
  readonly width: number;
  readonly height: number;
}

/** Stage sizes are rounded up to this step, so that a change of a few pixels fits in what is there. */
const STAGE_STEP = 64;
/**
 * A stage larger than its container by more than this (px) and more than twice as large is made
 * smaller again: a phase whose long instruction takes a good part of the screen does not shrink it.
 */
const STAGE_SHRINK_SLACK = 192;

/**
 * The size of the stage for a container of `need`: the stage is at least as large as the
 * container, which clips it. Resizing a stage allocates every layer's canvases again (a few
 * hundred milliseconds on a slow machine, in the frame that should show a new phase), so it keeps
 * its size while the container shrinks (a banner that wraps, an instruction of another length at a
 * phase change) as long as it fits the window (`room`) or is not far too large, and once it has to
 * grow it grows to the most the container can take in this window. The board asks for the window's
 * size once the page is first quiet (see BoardCanvas), so no phase change reallocates.
 */
export function stageSizeFor(current: StageSize | null, need: StageSize, room: StageSize = need): StageSize {
  const step = (px: number) => Math.ceil(px / STAGE_STEP) * STAGE_STEP;
  const axis = (have: number | undefined, want: number, most: number) => {
    if (have === undefined) return step(want);
    if (have >= want)
      return have <= step(most) || have - want <= STAGE_SHRINK_SLACK || want * 2 >= have ? have : step(want);
    return step(Math.max(want, most));
  };
  const width = axis(current?.width, need.width, room.width);
  const height = axis(current?.height, need.height, room.height);
  return current && current.width === width && current.height === height ? current : { width, height };
}
