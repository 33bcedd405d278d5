import { useEffect } from 'react';
import type { Note } from '@dmc/shared/domain/note';
import type { Locale } from '@dmc/shared/template/types';
import { getField, localize } from '@dmc/shared/template/lookup';
import { translate } from '../i18n';
import type { AppStore } from '../store';
import { templateOf } from '../scene/template';

/** At most one "new notes" announcement per this many milliseconds. */
export const ARRIVAL_BATCH_MS = 5000;

/** What the tracker looks at on every change: the board on screen, whether it has synced, its notes, and me. */
export interface ArrivalInput {
  readonly boardId: string;
  readonly loaded: boolean;
  readonly notes: readonly Note[];
  readonly meId: string;
}

/** New notes of others, counted per field (null: outside the fields). */
export type ArrivalBatch = ReadonlyMap<string | null, number>;

/** Runs `callback` after `ms`; returns a function that cancels it. */
export type Schedule = (callback: () => void, ms: number) => () => void;

/**
 * Notes that others add, gathered into one polite announcement per few seconds ("3 nieuwe
 * notities van anderen in DOEL") instead of one per note. The notes a board shows when it first
 * syncs (joining, switching boards) are the starting point, not news; my own notes never are.
 */
export class NoteArrivals {
  private seen = new Set<string>();
  private boardId: string | null = null;
  private pending = new Map<string | null, number>();
  private cancel: (() => void) | null = null;

  constructor(
    private readonly onBatch: (batch: ArrivalBatch) => void,
    private readonly schedule: Schedule,
    private readonly intervalMs = ARRIVAL_BATCH_MS,
  ) {}

  /** Looks at the notes on screen now. */
  observe(input: ArrivalInput): void {
    if (!input.loaded || input.boardId !== this.boardId) {
      // A new board (or one still loading): what it shows is the baseline, not news.
      this.reset(input.loaded ? input.boardId : null, input.notes);
      return;
    }
    for (const note of input.notes) {
      if (this.seen.has(note.id)) continue;
      this.seen.add(note.id);
      if (note.authorId === input.meId) continue;
      this.pending.set(note.fieldId, (this.pending.get(note.fieldId) ?? 0) + 1);
    }
    if (this.pending.size > 0 && this.cancel === null) this.cancel = this.schedule(() => this.flush(), this.intervalMs);
  }

  /** Announces what gathered since the last announcement (the scheduled call; tests call it too). */
  flush(): void {
    this.cancel = null;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.onBatch(batch);
  }

  /** Stops announcing (the screen closes). */
  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.pending.clear();
  }

  private reset(boardId: string | null, notes: readonly Note[]): void {
    this.dispose();
    this.boardId = boardId;
    this.seen = new Set(notes.map((n) => n.id));
  }
}

/** The announcement for a batch, one phrase per field in the order the notes came, e.g. "3 nieuwe notities van anderen in DOEL". */
export function arrivalText(batch: ArrivalBatch, titleOf: (fieldId: string | null) => string, locale: Locale): string {
  return [...batch.entries()]
    .map(([fieldId, count]) =>
      translate(locale, count === 1 ? 'notes.arrivedOne' : 'notes.arrivedMany', { count, field: titleOf(fieldId) }),
    )
    .join('. ');
}

/** Announces others' new notes on the board on screen through the store's polite live region, in batches. */
export function useNoteArrivals(store: AppStore): void {
  useEffect(() => {
    const arrivals = new NoteArrivals(
      (batch) => {
        const state = store.getState();
        const template = templateOf(state.boardId);
        const titleOf = (fieldId: string | null) => {
          const found = fieldId ? getField(template, fieldId) : undefined;
          return found ? localize(found.field.title, state.locale) : translate(state.locale, 'list.outside');
        };
        state.announce(arrivalText(batch, titleOf, state.locale));
      },
      (callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
    );
    const look = () => {
      const s = store.getState();
      arrivals.observe({
        boardId: s.boardId,
        loaded: s.notesLoaded,
        notes: s.notes,
        meId: s.session?.participant.id ?? '',
      });
    };
    look();
    const unsubscribe = store.subscribe((s, previous) => {
      if (s.notes !== previous.notes || s.boardId !== previous.boardId || s.notesLoaded !== previous.notesLoaded)
        look();
    });
    return () => {
      unsubscribe();
      arrivals.dispose();
    };
  }, [store]);
}
