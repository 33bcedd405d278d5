import { observeNotes } from '@dmc/shared/doc/board';
import { observeDiscussion } from '@dmc/shared/doc/discussion';
import { BOARD_SPEC, readSnapshot } from '@dmc/shared/doc/registry';
import type { AppStore } from '../store';
import type { BoardSnapshot } from '../store/plenarySlice';
import { DocReader } from './docReader';

/**
 * A whole board document — its notes and every discussion collection — read for the plenary
 * views, which show all subgroups side by side. A DocReader with the registry's snapshot reader.
 */

/** Options for a reader. */
export interface BoardReaderOptions {
  readonly wsBase: string;
  readonly workshopId: string;
  readonly docKey: string;
  readonly token: string | (() => string);
  readonly onChange: (snapshot: BoardSnapshot) => void;
  readonly store?: AppStore;
  readonly WebSocketPolyfill?: typeof WebSocket;
}

/** Synthesis screens do not need every keystroke; a few updates a second are plenty. */
const PUBLISH_MS = 300;

type BoardContent = Omit<BoardSnapshot, 'status'>;

const EMPTY_CONTENT: BoardContent = {
  notes: [],
  marks: [],
  votes: [],
  formulations: [],
  deferrals: [],
  highlights: [],
  choices: [],
  questions: [],
};

/** Reads one board document until destroyed. */
export class BoardReader extends DocReader<BoardContent> {
  constructor(options: BoardReaderOptions) {
    super({
      ...options,
      empty: EMPTY_CONTENT,
      read: (doc) => readSnapshot(doc, BOARD_SPEC),
      observe: (doc, changed) => {
        const stops = [observeNotes(doc, changed), observeDiscussion(doc, changed)];
        return () => stops.forEach((stop) => stop());
      },
      publishMs: PUBLISH_MS,
    });
  }
}
