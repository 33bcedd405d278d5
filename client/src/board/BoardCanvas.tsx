import { memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import { Layer, Stage } from '../canvas/konva';
import { localize } from '@dmc/shared/template/lookup';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { addNoteAtPoint, editNote, findNote, moveNoteTo, rightsOf } from '../actions/commands';
import { isTypingTarget } from '../actions/keys';
import { useBoard } from '../workshop/boardContext';
import { menuItems } from './noteMenuItems';
import type { ActionContext } from '../actions/types';
import { NO_DISCUSSION, selectDiscussionIndex } from '../workshop/discussionIndex';
import { NoteToolbar } from './NoteToolbar';
import { useAppStore, type InfoTarget } from '../store';
import { useLocale, useT } from '../i18n';
import { registerCanvasElement } from './testHook';
import { CardDropHint, useCardDrop } from '../deck/CardDrop';
import { gestures } from '../canvas/gestures';
import { NoteEditor } from '../canvas/NoteEditor';
import { clampToSheet } from '@dmc/shared/scene/notePlacement';
import { FIELD_BUTTON_NAME, FieldButtons, FormulationShapes } from '../canvas/FieldExtrasLayer';
import { NOTE_NAME, type NoteHandlers } from '../canvas/NoteShape';
import { NotesLayer } from '../canvas/NotesLayer';
import { loadContextMenu, whenPartsPreloaded } from './preloadedParts';
import { LoadBoundary } from '../components/LoadBoundary';
import { retryableLazy } from '../components/retryableLazy';
import { OverlayShapes } from '../canvas/OverlayLayer';
import { FIELD_HIT_NAME, INFO_BUTTON_NAME, SHEET_NAME, SheetShapes, useKeptSheets } from '../canvas/SheetLayer';
import { ALL_SHEETS, sheetById } from '../scene/template';
import {
  continueGesture,
  stageSizeFor,
  useCachePixelRatio,
  useStageViewport,
  whenQuiet,
  type StageSize,
} from '../canvas/stageView';
import {
  clampScale,
  screenToSheet,
  sheetToScreen,
  wheelZoomFactor,
  type Point,
  type Viewport,
} from '../scene/viewport';
import { fitScaleOf, setViewport, viewportOf, zoomCurrent, zoomToField } from '../store/viewportControl';
import { useDefaultView } from '../canvas/useDefaultView';
import { fieldLayoutFor } from '../scene/layouts';

/** Whether a note's menu would offer anything now. */
function hasMenu(ctx: ActionContext, noteId: string): boolean {
  const note = findNote(ctx, noteId);
  return (
    note !== undefined &&
    menuItems(ctx, note, selectDiscussionIndex(ctx.store.getState()).byNote.get(noteId) ?? NO_DISCUSSION).length > 0
  );
}

/** How far (px) a press may move and still count as a click. */
const CLICK_SLOP = 4;

/** The note's context menu, fetched ahead of need with the other parts (preloadedParts.ts). */
const ContextMenu = retryableLazy(() => loadContextMenu().then((m) => m.ContextMenu));

/**
 * The canvas of the current sheet: a Konva stage with three layers (the sheet and its agreed
 * wordings; the notes; the field buttons and others' presence) and the DOM overlays that edit it (text editor, note toolbar, context menu). Handles
 * pan (drag the background, Space+drag, middle mouse), zoom (wheel, pinch) and the note gestures.
 * Memoised: it renders from the store and the board context, not from the screen around it.
 */
export const BoardCanvas = memo(function BoardCanvas() {
  const ctx = useBoard();
  const { board, store } = ctx;
  const t = useT();
  const locale = useLocale();
  const sheetId = useAppStore((s) => s.sheetId);
  const width = useAppStore((s) => s.canvasSize.width);
  const height = useAppStore((s) => s.canvasSize.height);
  const contextMenuOpen = useAppStore((s) => s.contextMenu !== null);
  const sheet = sheetById(sheetId);
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  // The stage may be larger than the canvas it shows (the container clips it): see stageSizeFor.
  const stageSize = useRef<StageSize | null>(null);
  // The first picture comes from a stage of the container's size; once the page is quiet, the
  // stage takes the window's size, so that a later phase with a shorter banner does not reallocate.
  const [aheadOfNeed, setAheadOfNeed] = useState(false);
  const sized = width > 0 && height > 0;
  useEffect(() => {
    if (!sized) return;
    // After the parts a network drop would make unreachable (never delaying them), when quiet.
    let cancel: (() => void) | null = null;
    let done = false;
    void whenPartsPreloaded().then(() => {
      if (!done) cancel = whenQuiet(() => setAheadOfNeed(true));
    });
    return () => {
      done = true;
      cancel?.();
    };
  }, [sized]);
  const room = { width: window.innerWidth, height: window.innerHeight };
  stageSize.current = sized
    ? stageSizeFor(
        stageSize.current,
        aheadOfNeed ? { width: Math.max(width, room.width), height: Math.max(height, room.height) } : { width, height },
        room,
      )
    : null;
  // The stage follows the viewport outside React: panning and zooming do not render this tree.
  useStageViewport(store, stageRef, containerRef, width > 0 && height > 0);
  const cachePixelRatio = useCachePixelRatio(store);
  const keptSheets = useKeptSheets(ALL_SHEETS, sheet);

  // A participant in a writing or discussion phase starts on the phase's first field, readable.
  useDefaultView(store);

  const focusCanvas = useCallback(() => containerRef.current?.focus({ preventScroll: true }), []);
  // Inspiration cards dragged from the deck become notes where they are dropped.
  const cardDrop = useCardDrop(containerRef);

  // Canvas size follows the container.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const update = () =>
      store.getState().setCanvasSize({ width: Math.floor(el.clientWidth), height: Math.floor(el.clientHeight) });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    const unregister = registerCanvasElement(el);
    return () => {
      observer.disconnect();
      unregister();
    };
  }, [store]);

  // Viewport writes from pointer gestures are coalesced to one per animation frame.
  const pendingViewport = useRef<Viewport | null>(null);
  const frame = useRef(0);
  const scheduleViewport = useCallback(
    (vp: Viewport) => {
      pendingViewport.current = vp;
      if (frame.current !== 0) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const next = pendingViewport.current;
        pendingViewport.current = null;
        if (next) setViewport(store, next);
      });
    },
    [store],
  );
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Wheel and pinch-on-trackpad (wheel with ctrlKey) zoom around the pointer.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (isTypingTarget(e.target) && !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      continueGesture();
      const box = el.getBoundingClientRect();
      zoomCurrent(store, wheelZoomFactor(e.deltaY, e.deltaMode, e.ctrlKey), {
        x: e.clientX - box.left,
        y: e.clientY - box.top,
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [store]);

  // Space held: drag pans even over notes.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== ' ' || isTypingTarget(e.target)) return;
      if (e.target instanceof HTMLElement && e.target.closest('button, a, [role="tab"], [role="menuitem"]')) return;
      e.preventDefault();
      if (!gestures.spaceHeld) {
        gestures.spaceHeld = true;
        containerRef.current?.classList.add('canvas--grab');
      }
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== ' ') return;
      gestures.spaceHeld = false;
      containerRef.current?.classList.remove('canvas--grab');
    };
    const onBlur = () => {
      gestures.spaceHeld = false;
      containerRef.current?.classList.remove('canvas--grab');
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, []);

  // Pan with one pointer on empty space (or any pointer with Space / middle button); pinch with
  // two touches. Moves are followed on the window (no pointer capture: Konva must still see the
  // release, or it would miss clicks and double-clicks on the fields).
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const pointers = new Map<number, Point>();
    let pan: { id: number; start: Point; vp: Viewport } | null = null;
    let pinch: { distance: number; mid: Point; vp: Viewport } | null = null;

    const local = (e: PointerEvent): Point => {
      const box = el.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const currentVp = () => {
      const state = store.getState();
      return viewportOf(state, sheetById(state.sheetId));
    };
    const hitKind = (p: Point): 'note' | 'button' | 'empty' => {
      const shape = stageRef.current?.getIntersection(p);
      let node: Konva.Node | null = shape ?? null;
      while (node) {
        const name = node.name();
        if (name === NOTE_NAME) return 'note';
        if (name === INFO_BUTTON_NAME || name === FIELD_BUTTON_NAME) return 'button';
        if (name === FIELD_HIT_NAME || name === SHEET_NAME) return 'empty';
        node = node.getParent();
      }
      return 'empty';
    };
    const stopNoteDrags = () => {
      stageRef.current?.find(`.${NOTE_NAME}`).forEach((node) => {
        if (node.isDragging()) node.stopDrag();
      });
    };

    const onWindowMove = (e: PointerEvent) => {
      if (!pointers.has(e.pointerId)) return;
      const p = local(e);
      pointers.set(e.pointerId, p);
      if (pinch && pointers.size >= 2) {
        const [a, b] = [...pointers.values()];
        if (!a || !b) return;
        const distance = Math.hypot(a.x - b.x, a.y - b.y) || 1;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const state = store.getState();
        const scale = clampScale(
          (pinch.vp.scale * distance) / pinch.distance,
          fitScaleOf(state, sheetById(state.sheetId)),
        );
        const anchor = screenToSheet(pinch.vp, pinch.mid);
        continueGesture();
        scheduleViewport({ scale, x: mid.x - anchor.x * scale, y: mid.y - anchor.y * scale });
        return;
      }
      if (pan && e.pointerId === pan.id) {
        const dx = p.x - pan.start.x;
        const dy = p.y - pan.start.y;
        if (!gestures.panMoved && Math.hypot(dx, dy) < CLICK_SLOP) return;
        gestures.panMoved = true;
        continueGesture();
        scheduleViewport({ ...pan.vp, x: pan.vp.x + dx, y: pan.vp.y + dy });
      }
    };
    const onWindowUp = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pan && e.pointerId === pan.id) {
        pan = null;
        el.classList.remove('canvas--panning');
      }
      if (pinch && pointers.size < 2) pinch = null;
      // The flag stays until the last finger lifts, so the remaining finger does not drag a note.
      if (pointers.size === 0) {
        gestures.pinching = false;
        window.removeEventListener('pointermove', onWindowMove);
        window.removeEventListener('pointerup', onWindowUp);
        window.removeEventListener('pointercancel', onWindowUp);
      }
    };

    const onDown = (e: PointerEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('.note-editor, .note-toolbar, .context-menu')) return;
      const p = local(e);
      if (pointers.size === 0) {
        window.addEventListener('pointermove', onWindowMove);
        window.addEventListener('pointerup', onWindowUp);
        window.addEventListener('pointercancel', onWindowUp);
      }
      pointers.set(e.pointerId, p);
      if (e.pointerType === 'touch' && pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        if (!a || !b) return;
        pan = null;
        gestures.pinching = true;
        stopNoteDrags();
        pinch = {
          distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
          mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
          vp: currentVp(),
        };
        return;
      }
      if (pointers.size !== 1 || e.button === 2) return;
      const forcePan = e.button === 1 || (gestures.spaceHeld && e.button === 0);
      if (forcePan || (e.button === 0 && hitKind(p) === 'empty')) {
        if (forcePan) e.preventDefault();
        pan = { id: e.pointerId, start: p, vp: currentVp() };
        gestures.panMoved = false;
        el.classList.add('canvas--panning');
      }
    };
    const onMove = (e: PointerEvent) => {
      const state = store.getState();
      const sheetPoint = screenToSheet(viewportOf(state, sheetById(state.sheetId)), local(e));
      board.setCursor({
        sheetId: state.sheetId,
        x: Math.round(sheetPoint.x * 10) / 10,
        y: Math.round(sheetPoint.y * 10) / 10,
      });
    };
    const onLeave = () => board.setCursor(null);

    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
      window.removeEventListener('pointermove', onWindowMove);
      window.removeEventListener('pointerup', onWindowUp);
      window.removeEventListener('pointercancel', onWindowUp);
      board.setCursor(null);
    };
  }, [board, store, scheduleViewport]);

  // Keyboard request (Shift+F10) to open the selected note's menu next to it.
  useEffect(() => {
    const onMenu = (e: Event) => {
      const noteId = (e as CustomEvent<string>).detail;
      const state = store.getState();
      const note = state.notes.find((n) => n.id === noteId);
      const el = containerRef.current;
      if (!note || !el || !hasMenu(ctx, noteId)) return;
      const vp = viewportOf(state, sheetById(state.sheetId));
      const p = sheetToScreen(vp, { x: note.x + NOTE_SIZE, y: note.y + NOTE_SIZE / 2 });
      const box = el.getBoundingClientRect();
      state.openContextMenu({ noteId, x: box.left + p.x, y: box.top + p.y });
    };
    window.addEventListener('dmc:note-menu', onMenu);
    return () => window.removeEventListener('dmc:note-menu', onMenu);
  }, [store, ctx]);

  const handlers = useMemo<NoteHandlers>(
    () => ({
      onSelect(noteId) {
        const state = store.getState();
        if (state.editingId !== null && state.editingId !== noteId) state.stopEditing();
        state.select(noteId);
        focusCanvas();
      },
      onEdit(noteId) {
        if (Date.now() - gestures.lastContextMenu < 700) return;
        editNote(ctx, noteId);
      },
      onMenu(noteId, clientX, clientY) {
        gestures.lastContextMenu = Date.now();
        const state = store.getState();
        state.select(noteId);
        if (hasMenu(ctx, noteId)) state.openContextMenu({ noteId, x: clientX, y: clientY });
      },
      onDragStart(noteId, node) {
        if (gestures.spaceHeld || gestures.pinching) return false;
        const note = findNote(ctx, noteId);
        if (!note || !rightsOf(ctx, note).move) return false;
        const state = store.getState();
        state.select(noteId);
        state.setDragging(noteId);
        node.moveToTop();
        return true;
      },
      onDragMove(noteId, x, y) {
        // Private notes stay private: where they are dragged is nobody else's business.
        if (store.getState().privateOwners.has(noteId)) return;
        board.setDrag({ noteId, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
      },
      onDragEnd(noteId, node) {
        const state = store.getState();
        const note = state.notes.find((n) => n.id === noteId);
        const sheet = sheetById(note?.sheetId ?? state.sheetId);
        const p = clampToSheet(sheet, { x: node.x(), y: node.y() });
        node.position(p);
        state.setDragging(null);
        moveNoteTo(ctx, noteId, p.x, p.y);
        // After the move, so others never see the note jump back between ghost and drop.
        board.setDrag(null);
      },
    }),
    [board, store, ctx, focusCanvas],
  );

  const onInfo = useCallback((target: InfoTarget) => store.getState().openInfo(target), [store]);
  // A double-click on a field's printed title and questions zooms to the field; below them it adds a note.
  const onFieldDoubleClick = useCallback(
    (fieldId: string) => {
      const stage = stageRef.current;
      const p = stage?.getRelativePointerPosition();
      if (!p) return;
      const state = store.getState();
      const sheet = sheetById(state.sheetId);
      const field = sheet.fields.find((f) => f.id === fieldId);
      if (field && p.y <= fieldLayoutFor(sheet, field, locale).headerBottom) {
        zoomToField(store, field.id);
        return;
      }
      addNoteAtPoint(ctx, state.sheetId, p);
    },
    [ctx, store, locale],
  );

  const onStageClick = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent | PointerEvent>) => {
    if (gestures.panMoved) return;
    const name = e.target.name();
    if (e.target === e.target.getStage() || name === FIELD_HIT_NAME || name === SHEET_NAME) {
      const state = store.getState();
      state.select(null);
      state.openContextMenu(null);
      focusCanvas();
    }
  };

  const sheetName = `${localize(sheet.label, locale)} — ${localize(sheet.title, locale)}`;
  return (
    <div
      ref={containerRef}
      className="canvas"
      tabIndex={0}
      // Tab and the arrow keys walk the notes from here (actions/registry.ts, walkAction).
      data-note-walk
      role="application"
      aria-roledescription={t('canvas.roleDescription')}
      aria-label={t('canvas.label', { sheet: sheetName })}
      aria-describedby="canvas-help"
      onContextMenu={(e) => {
        // The browser menu stays available on the sheet; only notes have their own menu.
        if (store.getState().contextMenu) e.preventDefault();
      }}
    >
      <p id="canvas-help" className="visually-hidden">
        {t('canvas.help')}
      </p>
      {width > 0 && height > 0 && (
        <Stage
          ref={stageRef}
          width={stageSize.current?.width ?? width}
          height={stageSize.current?.height ?? height}
          onClick={onStageClick}
          onTap={onStageClick}
        >
          {/* Three layers, three canvases: each canvas a layer redraws costs a copy to the screen. */}
          <Layer>
            {keptSheets.map((kept) => (
              <SheetShapes
                key={kept.id}
                template={ctx.template}
                sheet={kept}
                locale={locale}
                onInfo={onInfo}
                onFieldDoubleClick={onFieldDoubleClick}
                cachePixelRatio={cachePixelRatio}
                visible={kept.id === sheet.id}
              />
            ))}
            <FormulationShapes sheet={sheet} />
          </Layer>
          <NotesLayer sheetId={sheet.id} handlers={handlers} />
          <Layer>
            <FieldButtons sheet={sheet} />
            <OverlayShapes sheetId={sheet.id} />
          </Layer>
        </Stage>
      )}
      <NoteEditor onDone={focusCanvas} />
      <NoteToolbar />
      {contextMenuOpen && (
        <LoadBoundary fallback={null}>
          <Suspense fallback={null}>
            <ContextMenu onClose={focusCanvas} />
          </Suspense>
        </LoadBoundary>
      )}
      <CardDropHint state={cardDrop} />
    </div>
  );
});
