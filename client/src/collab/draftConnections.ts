import { draftDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import type { AppStore } from '../store';
import { BoardClient } from './boardClient';

/**
 * The private drafts a screen is connected to: my own while I write silently, or — for a
 * facilitator — those of the members of the subgroup on screen. A draft no longer wanted stays
 * connected a little longer, so the notes the server reveals move from draft to board without
 * disappearing in between (see noteMerge).
 */

/** How long a draft stays connected after it is no longer wanted. */
export const DRAFT_LINGER_MS = 10_000;

interface Entry {
  readonly client: BoardClient;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Options for the set of draft connections. */
export interface DraftConnectionsOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  readonly wsBase: string;
  /** `draft`: my own (writable); `peek`: others', read-only. */
  readonly role: 'draft' | 'peek';
  /** Told whenever a connection is opened or closed. */
  readonly onChange: () => void;
  readonly lingerMs?: number;
}

/** A set of draft connections, kept in line with the drafts wanted now. */
export class DraftConnections {
  private readonly entries = new Map<string, Entry>();
  private destroyed = false;

  constructor(private readonly options: DraftConnectionsOptions) {}

  /** Connects to exactly these drafts; the others close after lingering. */
  want(ownerIds: readonly string[]): void {
    if (this.destroyed) return;
    const wanted = new Set(ownerIds);
    let changed = false;
    for (const ownerId of wanted) {
      const entry = this.entries.get(ownerId);
      if (entry) {
        if (entry.timer !== null) clearTimeout(entry.timer);
        entry.timer = null;
        continue;
      }
      const { session, store, wsBase, role } = this.options;
      const client = new BoardClient({ session, store, wsBase, docKey: draftDocKey(ownerId), role, ownerId });
      client.start();
      this.entries.set(ownerId, { client, timer: null });
      changed = true;
    }
    for (const [ownerId, entry] of this.entries) {
      if (wanted.has(ownerId) || entry.timer !== null) continue;
      entry.timer = setTimeout(() => this.close(ownerId), this.options.lingerMs ?? DRAFT_LINGER_MS);
    }
    if (changed) this.options.onChange();
  }

  /** The connection to one draft, if open (also while lingering). */
  get(ownerId: string): BoardClient | null {
    return this.entries.get(ownerId)?.client ?? null;
  }

  /** Closes every connection at once. */
  destroy(): void {
    this.destroyed = true;
    for (const ownerId of [...this.entries.keys()]) this.close(ownerId, false);
  }

  private close(ownerId: string, notify = true): void {
    const entry = this.entries.get(ownerId);
    if (!entry) return;
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.client.destroy();
    this.entries.delete(ownerId);
    if (notify && !this.destroyed) this.options.onChange();
  }
}
