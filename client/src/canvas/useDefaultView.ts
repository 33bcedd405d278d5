import { useEffect } from 'react';
import { phase } from '@dmc/shared/domain/phases';
import { getSheet } from '@dmc/shared/template/lookup';
import type { AppState, AppStore } from '../store';
import { templateOf } from '../scene/template';
import { phaseFocusField } from '../scene/viewportField';
import { zoomToField } from '../store/viewportControl';

/**
 * The view a participant's canvas opens on. In a phase where they write or discuss notes on one
 * sheet, that is the sheet's first field, zoomed so every note is readable; otherwise the whole
 * sheet ("Passend", key 0, is always one step away). Applied once per board and phase start, as
 * soon as the canvas has a size, and again when the canvas changes size (a banner wraps, the
 * window turns) as long as the person has not moved the view; whatever they do is theirs.
 */

/** Board and phase start the default view was last applied for; kept across remounts (list view). */
let appliedFor: string | null = null;
/** The view it set (the same object while nobody moved it), and on which sheet and field. */
let appliedView: { sheetId: string; fieldId: string; viewport: unknown } | null = null;

/** Applies the phase's default view when it is due; returns whether it did. */
export function applyDefaultView(store: AppStore, s: AppState = store.getState()): boolean {
  if (!s.flow || s.session?.participant.role !== 'participant') return false;
  if (s.canvasSize.width <= 0 || s.canvasSize.height <= 0) return false;
  const key = `${s.boardId}|${s.flow.phaseId}|${s.flow.phaseStartedAt}`;
  if (appliedFor === key) return refit(store, s);
  const def = phase(s.flow.phaseId);
  // Wait until the phase's own sheet is on screen (the runtime switches to it).
  if (def.sheetId !== null && s.sheetId !== def.sheetId) return false;
  appliedFor = key;
  const sheet = getSheet(templateOf(s.boardId), s.sheetId);
  const field = sheet ? phaseFocusField(def, sheet) : null;
  appliedView = null;
  if (field === null || !zoomToField(store, field.id)) return false;
  appliedView = { sheetId: s.sheetId, fieldId: field.id, viewport: store.getState().viewports[s.sheetId] };
  return true;
}

/** The canvas changed size under the default view nobody moved: fit the field again. */
function refit(store: AppStore, s: AppState): boolean {
  const applied = appliedView;
  if (!applied || applied.sheetId !== s.sheetId || s.viewports[s.sheetId] !== applied.viewport) return false;
  if (!zoomToField(store, applied.fieldId)) return false;
  appliedView = { ...applied, viewport: store.getState().viewports[s.sheetId] };
  return true;
}

/** Keeps the default view applied while the canvas is on screen. */
export function useDefaultView(store: AppStore): void {
  useEffect(() => {
    applyDefaultView(store);
    return store.subscribe((s, previous) => {
      if (
        s.flow !== previous.flow ||
        s.boardId !== previous.boardId ||
        s.sheetId !== previous.sheetId ||
        s.canvasSize !== previous.canvasSize ||
        s.session !== previous.session
      )
        applyDefaultView(store, s);
    });
  }, [store]);
}
