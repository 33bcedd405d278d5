import { useEffect, useRef, useState } from 'react';
import { defaultWsBase } from '../collab/boardClient';
import { useAppStore } from '../store';
import { DocWatcher, EMPTY_SNAPSHOT, type DocSnapshot } from './boardWatcher';

/**
 * Watches a set of documents read-only while the calling component is mounted: one connection
 * per document key, opened when a key appears, closed when it goes or the component unmounts.
 */
export function useDocWatches(docKeys: readonly string[]): ReadonlyMap<string, DocSnapshot> {
  const token = useAppStore((s) => s.session?.token ?? null);
  const workshopId = useAppStore((s) => s.session?.workshop.id ?? null);
  const watchers = useRef(new Map<string, DocWatcher>());
  const [snapshots, setSnapshots] = useState<ReadonlyMap<string, DocSnapshot>>(() => new Map());
  // The key list is compared by content, so a new array with the same keys changes nothing.
  const keysId = [...new Set(docKeys)].sort().join('\n');

  useEffect(() => {
    if (!token || !workshopId) return;
    const wanted = new Set(keysId === '' ? [] : keysId.split('\n'));
    const current = watchers.current;
    for (const [key, watcher] of current) {
      if (wanted.has(key)) continue;
      watcher.destroy();
      current.delete(key);
    }
    for (const key of wanted) {
      if (current.has(key)) continue;
      const watcher = new DocWatcher({
        wsBase: defaultWsBase(),
        workshopId,
        docKey: key,
        token,
        onChange: (snapshot) => setSnapshots((prev) => new Map(prev).set(key, snapshot)),
      });
      current.set(key, watcher);
    }
    setSnapshots(new Map([...current].map(([key, watcher]) => [key, watcher.snapshot()])));
  }, [keysId, token, workshopId]);

  // Close everything on unmount (and when the session changes, which remounts the board anyway).
  useEffect(() => {
    const current = watchers.current;
    return () => {
      for (const watcher of current.values()) watcher.destroy();
      current.clear();
    };
  }, [token, workshopId]);

  return snapshots;
}

/** Watches one document (null: none); see `useDocWatches`. */
export function useDocWatch(docKey: string | null): DocSnapshot {
  const snapshots = useDocWatches(docKey ? [docKey] : []);
  return (docKey ? snapshots.get(docKey) : undefined) ?? EMPTY_SNAPSHOT;
}
