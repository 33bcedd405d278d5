import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { observeSession, readAgenda, readAgendaEntries, readReadings, readSettings } from '@dmc/shared/doc/session';
import { collection } from '@dmc/shared/doc/records';
import type { WorkshopSummary } from '@dmc/shared/protocol/api';
import { useBoard } from '../../workshop/boardContext';
import { useAppStore } from '../../store';
import { samePreparation, type SavedPreparation } from './preparationDraft';

/**
 * The saved preparation, from two sources: this tab's workshop summary (updated the moment a
 * save here returns) and the session document (updated when another facilitator device saves).
 * Whichever changed last wins, so a save here shows at once and a save elsewhere shows too.
 */
export function useSavedPreparation(): SavedPreparation | null {
  const { session } = useBoard();
  const summary = useAppStore((s) => s.session?.workshop ?? null);
  // Any change of the session document publishes new settings/flow; reading `doc` again then
  // picks up a document replaced after a reconnect.
  useAppStore((s) => s.settings);
  const doc = session.doc;
  const fromDoc = useDocPreparation(doc, summary);
  const fromSummary = summary ? preparationOfSummary(summary) : null;

  const last = useRef<{ summary: SavedPreparation | null; doc: SavedPreparation | null; pick: 'summary' | 'doc' }>({
    summary: null,
    doc: null,
    pick: 'summary',
  });
  const seen = last.current;
  const summaryChanged = fromSummary !== null && (seen.summary === null || !samePreparation(fromSummary, seen.summary));
  const docChanged = fromDoc !== null && (seen.doc === null || !samePreparation(fromDoc, seen.doc));
  // Remembering what was seen is idempotent for the same inputs, so doing it while rendering is safe.
  last.current = {
    summary: fromSummary ?? seen.summary,
    doc: fromDoc ?? seen.doc,
    pick: docChanged ? 'doc' : summaryChanged ? 'summary' : seen.pick,
  };
  return last.current.pick === 'doc' ? (fromDoc ?? fromSummary) : (fromSummary ?? fromDoc);
}

/** The preparation in a workshop summary. */
function preparationOfSummary(w: WorkshopSummary): SavedPreparation {
  return {
    date: w.date,
    startTime: w.startTime,
    agendaMinutes: w.agendaMinutes,
    agendaEntries: w.agendaEntries ?? [],
    readingList: w.readingList,
    practicalNotes: w.practicalNotes,
  };
}

/** The preparation in the session document, following its changes (null until it has synced). */
function useDocPreparation(doc: Y.Doc | null, summary: WorkshopSummary | null): SavedPreparation | null {
  const [value, setValue] = useState<SavedPreparation | null>(null);
  const fallbackReadings = useRef(summary?.readingList ?? []);
  fallbackReadings.current = summary?.readingList ?? [];
  useEffect(() => {
    if (!doc) return;
    return observeSession(doc, () => {
      const settings = readSettings(doc);
      if (!settings) return;
      const agendaMinutes: Partial<Record<string, number>> = {};
      for (const item of readAgenda(doc)) agendaMinutes[item.phaseId] = item.minutes;
      // A document written before reading lists existed has no records at all: use the summary's.
      const readings =
        collection(doc, 'readings').size === 0
          ? fallbackReadings.current
          : readReadings(doc).map((r) => ({ title: r.title, url: r.url }));
      const next: SavedPreparation = {
        date: settings.date,
        startTime: settings.startTime,
        agendaMinutes,
        agendaEntries: readAgendaEntries(doc),
        readingList: readings,
        practicalNotes: settings.practicalNotes,
      };
      setValue((prev) => (prev && samePreparation(prev, next) ? prev : next));
    });
  }, [doc]);
  return value;
}
