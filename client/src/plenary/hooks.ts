import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { boardDocKey } from '@dmc/shared/protocol/api';
import { defaultWsBase } from '../collab/boardClient';
import { useAppStore } from '../store';
import { BoardReader } from '../collab/boardReader';
import { plenarySources, type PlenarySource } from './columns';
import { SynthesisClient } from '../collab/synthesisClient';
import { choosePlenaryView, type PlenaryViewChoice } from '../store/plenaryView';

/**
 * The plenary views' connections and choices: the synthesis document (while the views are
 * offered), read-only windows on every subgroup board (while a view that shows them is open),
 * which view is on screen, and whether this person may edit the plenary's results now.
 */

/** The synthesis client of the board screen, for every plenary component (and the inspiration deck). */
export const SynthesisContext = createContext<SynthesisClient | null>(null);

/** The synthesis client (null while the plenary views are not offered, or not yet connected). */
export function useSynthesis(): SynthesisClient | null {
  return useContext(SynthesisContext);
}

/** Which view is on screen and which the switch offers. */
export function usePlenaryView(): PlenaryViewChoice {
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? null);
  const role = useAppStore((s) => s.session?.participant.role ?? 'participant');
  const picked = useAppStore((s) => s.plenaryView);
  return useMemo(() => choosePlenaryView({ phaseId, role, picked }), [phaseId, role, picked]);
}

/** The boards the plenary views read (every subgroup, or the plenary board without subgroups). */
export function usePlenarySources(): PlenarySource[] {
  const groups = useAppStore((s) => s.groups);
  return useMemo(() => plenarySources(groups), [groups]);
}

/**
 * Reads every board of `sources` into the store while `active`: one read-only connection per
 * board, opened when a board appears, closed when it goes or the view closes.
 */
export function usePlenaryBoards(active: boolean): void {
  const sources = usePlenarySources();
  const token = useAppStore((s) => s.session?.token ?? null);
  const workshopId = useAppStore((s) => s.session?.workshop.id ?? null);
  const readers = useRef(new Map<string, BoardReader>());
  const keysId = active ? sources.map((s) => s.boardId).join('\n') : '';

  useEffect(() => {
    const current = readers.current;
    const store = useAppStore;
    if (!token || !workshopId) return;
    const wanted = new Set(keysId === '' ? [] : keysId.split('\n'));
    for (const [id, reader] of current) {
      if (wanted.has(id)) continue;
      reader.destroy();
      current.delete(id);
    }
    for (const id of wanted) {
      if (current.has(id)) continue;
      const reader = new BoardReader({
        wsBase: defaultWsBase(),
        workshopId,
        docKey: boardDocKey(id),
        token,
        onChange: (snapshot) => {
          if (readers.current.get(id) !== reader) return;
          store.getState().setPlenaryBoards({ ...store.getState().plenaryBoards, [id]: snapshot });
        },
      });
      current.set(id, reader);
    }
    store.getState().setPlenaryBoards(Object.fromEntries([...current].map(([id, reader]) => [id, reader.snapshot()])));
  }, [keysId, token, workshopId]);

  useEffect(() => {
    const current = readers.current;
    return () => {
      for (const reader of current.values()) reader.destroy();
      current.clear();
      useAppStore.getState().setPlenaryBoards({});
    };
  }, [token, workshopId]);
}
