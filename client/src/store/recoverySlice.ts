import type { SliceCreator } from './types';

/** A text this person typed that the server did not keep (collab/offlineReplay's `unsavedItems` makes them). */
export interface UnsavedItem {
  /** Unique in the list. */
  readonly id: string;
  readonly kind: 'note' | 'deferral' | 'formulation' | 'action';
  readonly text: string;
  /** Where it was meant to go (notes: to place it again in the same spot when that is allowed). */
  readonly boardId: string;
  readonly sheetId: string | null;
  readonly fieldId: string | null;
  readonly x: number | null;
  readonly y: number | null;
  readonly color: string | null;
}

/** What the server did not keep of this person's work, and whether the phase on screen is current. */
export interface RecoverySlice {
  /** Texts this person typed that the server refused (shown in "Niet opgeslagen" to copy or place again). */
  readonly unsaved: readonly UnsavedItem[];
  /** Whether the session document is in sync with the server now (so the phase on screen is current). */
  readonly sessionLive: boolean;
  addUnsaved(items: readonly UnsavedItem[]): void;
  removeUnsaved(id: string): void;
  setSessionLive(live: boolean): void;
}

/** Creates the recovery slice. */
export const createRecoverySlice: SliceCreator<RecoverySlice> = (set) => ({
  unsaved: [],
  sessionLive: false,
  addUnsaved: (items) =>
    set((s) => {
      const known = new Set(s.unsaved.map((item) => item.id));
      const fresh = items.filter((item) => !known.has(item.id));
      return fresh.length === 0 ? s : { unsaved: [...s.unsaved, ...fresh] };
    }),
  removeUnsaved: (id) => set((s) => ({ unsaved: s.unsaved.filter((item) => item.id !== id) })),
  setSessionLive: (sessionLive) => set((s) => (s.sessionLive === sessionLive ? s : { sessionLive })),
});
