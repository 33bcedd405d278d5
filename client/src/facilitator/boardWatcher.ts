import { observeNotes, readNotes } from '@dmc/shared/doc/board';
import type { Note } from '@dmc/shared/domain/note';
import { DocReader, type ReadStatus } from '../collab/docReader';
import type { AppStore } from '../store';
import { newestNoteTime } from './thumbnail';

/**
 * A read-only window on one board or draft document, for the facilitator's overview: its notes
 * and when it last changed. A DocReader (collab/docReader.ts), never the store's board.
 */

/** How the watched document is doing. */
export type WatchStatus = ReadStatus;

/** What the overview shows of a document. */
export interface DocSnapshot {
  readonly status: WatchStatus;
  readonly notes: readonly Note[];
  /** When we last saw a change (ms, this device's clock); before that, the newest note's time. */
  readonly lastChangeAt: number | null;
}

/** Options for a watcher. */
export interface DocWatcherOptions {
  readonly wsBase: string;
  readonly workshopId: string;
  /** `board-<id>` or `draft-<memberId>`. */
  readonly docKey: string;
  readonly token: string | (() => string);
  readonly onChange: (snapshot: DocSnapshot) => void;
  /** Clock for "last change" times; injectable for tests. */
  readonly now?: () => number;
  /** The store whose session changes reopen a document the server kept closed. */
  readonly store?: AppStore;
  readonly WebSocketPolyfill?: typeof WebSocket;
}

/** A board being typed on changes every keystroke; a thumbnail needs far fewer redraws. */
const PUBLISH_MS = 400;

/** The initial snapshot of a document nobody has seen yet. */
export const EMPTY_SNAPSHOT: DocSnapshot = { status: 'connecting', notes: [], lastChangeAt: null };

/** Watches one document's notes read-only until destroyed (a DocReader of notes and activity). */
export class DocWatcher extends DocReader<Omit<DocSnapshot, 'status'>> {
  constructor(options: DocWatcherOptions) {
    const now = options.now ?? Date.now;
    super({
      ...options,
      empty: { notes: [], lastChangeAt: null },
      read: (doc, previous, event) => {
        const notes = readNotes(doc);
        // At the sync the existing content is dated by its newest note; later changes are activity.
        if (event === 'change') return { notes, lastChangeAt: now() };
        return { notes, lastChangeAt: previous.lastChangeAt ?? newestNoteTime(notes) };
      },
      observe: (doc, changed) => observeNotes(doc, changed),
      publishMs: PUBLISH_MS,
    });
  }
}
