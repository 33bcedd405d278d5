import { draftDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import type { AppStore } from '../store';
import { BoardClient } from './boardClient';
import type { NetworkEvents } from './docConnection';

/**
 * The private drafts a screen is connected to: my own while I write silently, or — for a
 * facilitator — those of the members of the subgroup on screen. When the phase that ends reveals
 * the notes, a draft no longer wanted stays connected until the server has emptied it (the
 * reveal), so the notes move from draft to board without disappearing in between (see
 * noteMerge); otherwise it closes at once.
 */

interface Entry {
  readonly client: BoardClient;
  /** No longer wanted: closes once the draft is empty (or the server stopped it). */
  leaving: boolean;
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
  /** Resolves once the session on screen is current (see BoardClientOptions). */
  readonly sessionCurrent?: () => Promise<void>;
  readonly WebSocketPolyfill?: typeof WebSocket;
  readonly network?: NetworkEvents | null;
}

/** A set of draft connections, kept in line with the drafts wanted now. */
export class DraftConnections {
  private readonly entries = new Map<string, Entry>();
  private destroyed = false;
  private readonly stopWatching: () => void;

  constructor(private readonly options: DraftConnectionsOptions) {
    // A leaving draft closes when the reveal emptied it (or the server no longer opens it).
    this.stopWatching = options.store.subscribe((s, previous) => {
      if (s.drafts === previous.drafts) return;
      for (const [ownerId, entry] of this.entries) if (entry.leaving && this.done(ownerId, entry)) this.close(ownerId);
    });
  }

  /**
   * Connects to exactly these drafts. The others close at once — or, with `awaitReveal` (the
   * phase that ended reveals its notes), once the server has moved their notes to the board.
   */
  want(ownerIds: readonly string[], awaitReveal = false): void {
    if (this.destroyed) return;
    const wanted = new Set(ownerIds);
    let changed = false;
    for (const ownerId of wanted) {
      const entry = this.entries.get(ownerId);
      if (entry) {
        entry.leaving = false;
        continue;
      }
      const { session, store, wsBase, role, sessionCurrent, WebSocketPolyfill, network } = this.options;
      const client = new BoardClient({
        session,
        store,
        wsBase,
        docKey: draftDocKey(ownerId),
        role,
        ownerId,
        sessionCurrent,
        WebSocketPolyfill,
        network,
      });
      client.start();
      this.entries.set(ownerId, { client, leaving: false });
      changed = true;
    }
    for (const [ownerId, entry] of this.entries) {
      if (wanted.has(ownerId)) continue;
      entry.leaving = true;
      if (!awaitReveal || this.done(ownerId, entry)) this.close(ownerId, false);
      changed = true;
    }
    if (changed) this.options.onChange();
  }

  /** The connection to one draft, if open (also while leaving). */
  get(ownerId: string): BoardClient | null {
    return this.entries.get(ownerId)?.client ?? null;
  }

  /** Closes every connection at once. */
  destroy(): void {
    this.destroyed = true;
    this.stopWatching();
    for (const ownerId of [...this.entries.keys()]) this.close(ownerId, false);
  }

  /** Whether a leaving draft has nothing left to reveal. */
  private done(ownerId: string, entry: Entry): boolean {
    const notes = this.options.store.getState().drafts[ownerId];
    return entry.client.isStopped || (notes !== undefined && notes.length === 0);
  }

  private close(ownerId: string, notify = true): void {
    const entry = this.entries.get(ownerId);
    if (!entry) return;
    this.entries.delete(ownerId);
    entry.client.destroy();
    if (notify && !this.destroyed) this.options.onChange();
  }
}
