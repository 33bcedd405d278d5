import type { ConnectionPhase } from './boardSlice';
import type { SliceCreator } from './types';

/**
 * Every live connection the screen depends on — the board, my draft, the session, the synthesis —
 * with its status and its changes the server has not confirmed. The status indicator shows the
 * worst of them and the sum of the unsaved changes, so it never says "Verbonden" while one of
 * them is down. Written only by collab/ (one entry per DocConnection that writes).
 */

/** Which connection: one entry each. */
export type LinkKey = 'board' | 'draft' | 'session' | 'synthesis';

/** One connection as the indicator needs it. */
export interface LinkState {
  readonly status: ConnectionPhase;
  /** Changes made here that the server has not confirmed yet. */
  readonly unsynced: number;
}

/** The connections slice. */
export interface LinkSlice {
  readonly links: Readonly<Partial<Record<LinkKey, LinkState>>>;
  /** Reports (part of) a connection's state. */
  setLink(key: LinkKey, change: Partial<LinkState>): void;
  /** Forgets a connection (it was closed on purpose). */
  dropLink(key: LinkKey): void;
}

const ORDER: readonly ConnectionPhase[] = ['connected', 'connecting', 'reconnecting', 'offline'];

/** The worst status of all connections and the sum of their unconfirmed changes. */
export function linkSummary(links: LinkSlice['links']): LinkState {
  let status: ConnectionPhase = 'connecting';
  let unsynced = 0;
  let any = false;
  for (const link of Object.values(links)) {
    if (!link) continue;
    if (!any || ORDER.indexOf(link.status) > ORDER.indexOf(status)) status = link.status;
    any = true;
    unsynced += link.unsynced;
  }
  return { status, unsynced };
}

/** Creates the connections slice. */
export const createLinkSlice: SliceCreator<LinkSlice> = (set) => ({
  links: {},
  setLink: (key, change) =>
    set((s) => {
      const current = s.links[key] ?? { status: 'connecting', unsynced: 0 };
      const next = { ...current, ...change };
      if (s.links[key] && next.status === current.status && next.unsynced === current.unsynced) return s;
      return { links: { ...s.links, [key]: next } };
    }),
  dropLink: (key) =>
    set((s) => {
      if (!(key in s.links)) return s;
      const links = { ...s.links };
      delete links[key];
      return { links };
    }),
});
