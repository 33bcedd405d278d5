import type * as Y from 'yjs';
import { BOARD_SPEC, readSnapshot } from '@dmc/shared/doc/registry';
import type { Note } from '@dmc/shared/domain/note';
import type { AppStore, ConnectionPhase } from '../store';
import { reuseUnchanged } from './noteBridge';
import { removedNotes } from '../store/noteMerge';

/**
 * Where a board or draft connection reports to: the store, differently per role. The board on
 * screen fills the board slice and the `board` link; my own draft fills my private notes, the
 * `draft` link and the draft's undo state; someone else's draft (a facilitator peeking) only
 * their private notes.
 */
export interface BoardSink {
  notes(notes: readonly Note[], local: boolean): void;
  discussion(doc: Y.Doc): void;
  status(status: ConnectionPhase): void;
  unsynced(count: number): void;
  history(canUndo: boolean, canRedo: boolean): void;
  /** Forgets what this connection reported (when it is destroyed). */
  clear(): void;
}

/** The board on screen. */
export function boardSink(store: AppStore): BoardSink {
  return {
    notes: (notes) => store.getState().setNotes(reuseUnchanged(store.getState().boardNotes, notes)),
    discussion: (doc) => {
      // Every collection of the board but its notes, read as the registry declares them.
      const { notes: _notes, ...discussion } = readSnapshot(doc, BOARD_SPEC);
      store.getState().setDiscussion(discussion);
    },
    status: (status) => store.getState().setLink('board', { status }),
    unsynced: (unsynced) => store.getState().setLink('board', { unsynced }),
    history: (canUndo, canRedo) => store.getState().setHistory(canUndo, canRedo),
    clear: () => store.getState().dropLink('board'),
  };
}

/**
 * A private draft: mine (`own`) or one a facilitator looks into. Notes the server took out of
 * the draft (the reveal) stay on screen until the board shows them (see noteMerge): the board's
 * notes arriving end their lingering, as does the next phase change.
 */
export function draftSink(store: AppStore, ownerId: string, own: boolean): BoardSink {
  return {
    notes: (notes, local) => {
      const state = store.getState();
      const previous = state.drafts[ownerId] ?? [];
      if (!local) {
        const gone = removedNotes(previous, notes);
        if (gone.length > 0) state.addLingering(gone.map((note) => ({ note, ownerId })));
      }
      store.getState().setDraftNotes(ownerId, reuseUnchanged(previous, notes));
    },
    discussion: () => undefined,
    status: (status) => {
      if (own) store.getState().setLink('draft', { status });
    },
    unsynced: (unsynced) => {
      if (own) store.getState().setLink('draft', { unsynced });
    },
    history: (canUndo, canRedo) => {
      if (own) store.getState().setDraftStatus({ canUndo, canRedo });
    },
    clear: () => {
      store.getState().setDraftNotes(ownerId, null);
      if (own) {
        store.getState().dropLink('draft');
        store.getState().setDraftStatus({ canUndo: false, canRedo: false });
      }
    },
  };
}
