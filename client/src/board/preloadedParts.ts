import { useEffect } from 'react';
import { useAppStore } from '../store';
import { loadLaterMessages } from '../i18n';
import { loadGuidanceDialog } from '../guidance/SheetCheck';

/**
 * The parts of the workshop screen loaded on demand: participants never need the facilitator's
 * panel, and the plenary views are needed only in the closing phases; the field panel opens on
 * request, the list view replaces the canvas on narrow screens or on request, the handbook's
 * explanation of a field or sheet opens from its info button, a note's menu on a right-click, the
 * sheet check when a group says it is ready.
 */
export const loadFacilitatorPanel = () => import('../facilitator/FacilitatorPanel');
export const loadPlenaryMain = () => import('../plenary/PlenaryMain');
export const loadFieldPanel = () => import('./FieldPanel');
export const loadListView = () => import('./ListView');
export const loadInfoDialog = () => import('./InfoDialog');
export const loadContextMenu = () => import('./ContextMenu');

let settled = false;
let settle: () => void = () => undefined;
const preloaded = new Promise<void>((resolve) => (settle = resolve)).then(() => {
  settled = true;
});

/**
 * Resolves once the parts have been fetched (or failed to be): work the page does ahead of need
 * (a larger stage) waits for it, so that it never delays what a network drop would make
 * impossible to fetch.
 */
export function whenPartsPreloaded(): Promise<void> {
  return preloaded;
}

/** Whether the parts have been fetched (or failed to be): browser tests wait for it before cutting the network. */
export function partsPreloaded(): boolean {
  return settled;
}

/**
 * Once the board has synced and is on screen, the parts loaded on demand are fetched while the
 * browser is idle: not on the first screen's path (nor competing with its first render), but in
 * the browser before a network drop could make the list view or the field panel impossible to
 * open while working offline.
 */
export function usePreloadedParts(isFacilitator: boolean): void {
  const loaded = useAppStore((s) => s.notesLoaded);
  useEffect(() => {
    if (!loaded) return;
    const preload = () => {
      const parts: Promise<unknown>[] = [
        loadListView(),
        loadFieldPanel(),
        loadInfoDialog(),
        loadContextMenu(),
        loadGuidanceDialog(),
        loadPlenaryMain(),
        // What those parts say: without it they would not open offline either.
        loadLaterMessages(),
      ];
      if (isFacilitator) parts.push(loadFacilitatorPanel());
      void Promise.allSettled(parts).then(() => settle());
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(preload, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preload, 1000);
    return () => window.clearTimeout(id);
  }, [isFacilitator, loaded]);
}
