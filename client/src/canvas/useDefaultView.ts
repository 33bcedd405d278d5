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
 * soon as the canvas has a size; whatever the person does afterwards is theirs.
 */

/** Board and phase start the default view was last applied for; kept across remounts (list view). */
let appliedFor: string | null = null;

/** Applies the phase's default view when it is due; returns whether it did. */
export function applyDefaultView(store: AppStore, s: AppState = store.getState()): boolean {
  if (!s.flow || s.session?.participant.role !== 'participant') return false;
  if (s.canvasSize.width <= 0 || s.canvasSize.height <= 0) return false;
  const key = `${s.boardId}|${s.flow.phaseId}|${s.flow.phaseStartedAt}`;
  if (appliedFor === key) return false;
  const def = phase(s.flow.phaseId);
  // Wait until the phase's own sheet is on screen (the runtime switches to it).
  if (def.sheetId !== null && s.sheetId !== def.sheetId) return false;
  appliedFor = key;
  const sheet = getSheet(templateOf(s.boardId), s.sheetId);
  const field = sheet ? phaseFocusField(def, sheet) : null;
  return field !== null && zoomToField(store, field.id);
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
