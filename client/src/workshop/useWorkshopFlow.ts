import { useEffect, useRef } from 'react';
import { presentedField } from '@dmc/shared/domain/policies';
import type { PhaseDefinition } from '@dmc/shared/domain/phases';
import { getField, localize } from '@dmc/shared/template/lookup';
import type { CanvasTemplate } from '@dmc/shared/template/types';
import type { ActionContext } from './boardContext';
import { templateOf } from '../scene/template';
import { translate } from '../i18n';
import { useAppStore } from '../store';
import { applySharedView, currentSharedView, sameView, showField } from './sharedView';

/**
 * How a screen's view follows other people: the presenter's field, follow mode, and this person's
 * own view in presence (so others can follow it) — hooks used once by the board screen, because
 * they need the canvas. The phase's own reactions (sheet, instruction, undo, drafts, the
 * facilitator's "bring everyone here") are in the WorkshopRuntime (runtime.ts).
 */

/**
 * The sheet to show: on a new phase (or board) the phase's own sheet when the board has it;
 * otherwise the current sheet while the board has it, else the first sheet the phase writes on,
 * else the board's first sheet.
 */
export function sheetToShow(
  template: CanvasTemplate,
  def: PhaseDefinition,
  currentSheetId: string,
  fresh: boolean,
): string {
  const has = (id: string | null) => id !== null && template.sheets.some((s) => s.id === id);
  if (fresh && has(def.sheetId)) return def.sheetId as string;
  if (has(currentSheetId)) return currentSheetId;
  if (has(def.sheetId)) return def.sheetId as string;
  return def.writableSheets.find((id) => has(id)) ?? template.sheets[0]?.id ?? currentSheetId;
}

/** In the presentations everyone looking at the presented board sees the presenter's field. */
export function usePresenterView(): void {
  const key = useAppStore((s) => {
    const field = presentedField(s.flow, s.boardId);
    if (!field) return null;
    // Without a canvas size the fit would be wrong; the size is part of the key, so the field is
    // fitted as soon as the canvas is there, and again when the window changes.
    if (s.canvasSize.width === 0 || s.canvasSize.height === 0) return null;
    return `${s.boardId}|${field.sheetId}|${field.fieldId}|${s.canvasSize.width}x${s.canvasSize.height}`;
  });
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!key) return;
    const [boardId = '', sheetId = '', fieldId = ''] = key.split('|');
    const state = useAppStore.getState();
    if (!showField(useAppStore, sheetId, fieldId)) return;
    const field = getField(templateOf(boardId), fieldId);
    const which = `${boardId}|${sheetId}|${fieldId}`;
    if (field && announced.current !== which)
      state.announce(
        translate(state.locale, 'presenter.showing', { field: localize(field.field.title, state.locale) }),
      );
    announced.current = which;
  }, [key]);
}

/** Whether this person follows a facilitator's view now (and whose); a presentation screen always does. */
export function useFollowing(): string | null {
  return useAppStore((s) => {
    const id = s.flow?.followFacilitatorId ?? null;
    const role = s.session?.participant.role;
    if (!id || role === 'facilitator' || (role === 'participant' && s.stoppedFollowing === id)) return null;
    return id;
  });
}

/** Follow mode: while on the same board, a participant's view follows the facilitator's. */
export function useFollow(ctx: ActionContext | null): void {
  const followId = useFollowing();
  const mode = useAppStore((s) => s.flow?.followFacilitatorId ?? null);
  const stopped = useAppStore((s) => s.stoppedFollowing);
  // Follow mode switched off: a later "follow me" counts again, even by the same facilitator.
  useEffect(() => {
    if (mode === null && stopped !== null) useAppStore.getState().setStoppedFollowing(null);
  }, [mode, stopped]);
  useEffect(() => {
    if (!followId || !ctx) return;
    const apply = () => {
      const boardId = useAppStore.getState().boardId;
      const leader = ctx.board.presence.get().find((p) => p.user.id === followId && p.view?.boardId === boardId);
      const view = leader?.view;
      if (!view) return;
      const target = { sheetId: view.sheetId, x: view.x, y: view.y, scale: view.scale };
      if (!sameView(currentSharedView(useAppStore), target)) applySharedView(useAppStore, target);
    };
    let frame = 0;
    const unsubscribe = ctx.board.presence.subscribe(() => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        apply();
      });
    });
    apply();
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [followId, ctx]);
}

/** Puts this person's view (board, sheet, centre, zoom) into presence, so others can follow it. */
export function useShareView(ctx: ActionContext | null): void {
  useEffect(() => {
    if (!ctx) return;
    const publish = () => {
      const state = useAppStore.getState();
      const view = currentSharedView(useAppStore);
      ctx.board.setView(view ? { boardId: state.boardId, ...view } : null);
    };
    publish();
    return useAppStore.subscribe((state, previous) => {
      if (
        state.sheetId !== previous.sheetId ||
        state.viewports !== previous.viewports ||
        state.canvasSize !== previous.canvasSize ||
        state.boardId !== previous.boardId
      )
        publish();
    });
  }, [ctx]);
}
