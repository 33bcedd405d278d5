import { useEffect, useRef } from 'react';
import { presentedField } from '@dmc/shared/domain/policies';
import { phase, type PhaseDefinition } from '@dmc/shared/domain/phases';
import { getField, localize } from '@dmc/shared/template/lookup';
import type { CanvasTemplate } from '@dmc/shared/template/types';
import type { ActionContext } from './boardContext';
import { templateOf } from '../scene/template';
import { translate } from '../i18n';
import { useAppStore } from '../store';
import { applySharedView, currentSharedView, sameView, showField } from './sharedView';

/**
 * How a screen follows the workshop: the phase's sheet, the facilitator's "bring everyone here",
 * follow mode, the presenter's field, and this person's own view in presence (so others can
 * follow it). Each is a hook used once, by the board screen.
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

/** Follows the phase: its sheet, and (for participants) a short notice with the new instruction. */
export function usePhaseFollowing(): void {
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? null);
  const boardId = useAppStore((s) => s.boardId);
  const last = useRef<{ phaseId: string; boardId: string } | null>(null);

  useEffect(() => {
    if (!phaseId) return;
    const store = useAppStore;
    const previous = last.current;
    last.current = { phaseId, boardId };
    const phaseChanged = previous !== null && previous.phaseId !== phaseId;
    const fresh = previous === null || phaseChanged || previous.boardId !== boardId;
    const def = phase(phaseId);
    const state = store.getState();
    const sheetId = sheetToShow(templateOf(boardId), def, state.sheetId, fresh);
    if (sheetId !== state.sheetId) state.setSheet(sheetId);
    if (!phaseChanged) return;
    state.setPhaseChangedAt(Date.now());
    if (state.session?.participant.role === 'participant') {
      state.showNotice({
        tone: 'info',
        key: 'phase.changed',
        localizedVars: { label: def.label, instruction: def.instruction },
        ms: 12_000,
      });
    }
  }, [phaseId, boardId]);
}

/** Forgets undo histories when the phase or the closed state changes: old steps may be refused now. */
export function useHistoryReset(ctx: ActionContext | null): void {
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? null);
  const closed = useAppStore((s) => s.settings?.closed ?? false);
  const current = useRef(ctx);
  current.current = ctx;
  useEffect(() => {
    current.current?.board.clearHistory();
    current.current?.draft?.clearHistory();
  }, [phaseId, closed]);
}

/** "Bring everyone here": a participant's view jumps when the attention nonce goes up. */
export function useAttention(): void {
  const nonce = useAppStore((s) => s.flow?.attentionNonce ?? null);
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (nonce === null) return;
    const before = seen.current;
    seen.current = nonce;
    // The nonce found when the page opens is history, not a call to come and look.
    if (before === null || nonce <= before) return;
    const state = useAppStore.getState();
    const flow = state.flow;
    if (!flow?.attentionSheetId || state.session?.participant.role !== 'participant') return;
    const shown = applySharedView(useAppStore, {
      sheetId: flow.attentionSheetId,
      x: flow.attentionX,
      y: flow.attentionY,
      scale: flow.attentionScale,
    });
    if (shown) {
      const sheet = templateOf(state.boardId).sheets.find((s) => s.id === flow.attentionSheetId);
      if (sheet)
        state.announce(translate(state.locale, 'attention.moved', { sheet: localize(sheet.label, state.locale) }));
    }
  }, [nonce]);
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

/** Whether this person follows a facilitator's view now (and whose). */
export function useFollowing(): string | null {
  return useAppStore((s) => {
    const id = s.flow?.followFacilitatorId ?? null;
    if (!id || s.session?.participant.role !== 'participant' || s.stoppedFollowing === id) return null;
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
