import { presenceSchema, type Presence } from '@dmc/shared/protocol/presence';
import type { Peer } from '../store';

/**
 * Presence as the canvas needs it. Cursors and live drags change many times a second, so they go
 * through this small feed (subscribe, read in the overlay) instead of the store; only the list of
 * people, which changes rarely, goes to the store.
 */

/** Another connection's presence, validated. */
export interface RemotePresence {
  readonly clientId: number;
  readonly user: Presence['user'];
  readonly cursor: NonNullable<Presence['cursor']> | null;
  readonly drag: NonNullable<Presence['drag']> | null;
  readonly editing: string | null;
  /** What this person is looking at (follow mode). */
  readonly view: NonNullable<Presence['view']> | null;
}

/** Parses a presence state from the network; undefined when malformed. */
export function parsePresence(clientId: number, state: unknown): RemotePresence | undefined {
  const parsed = presenceSchema.safeParse(state);
  if (!parsed.success) return undefined;
  const { user, cursor, drag, editing, view } = parsed.data;
  return { clientId, user, cursor: cursor ?? null, drag: drag ?? null, editing: editing ?? null, view: view ?? null };
}

/** Everyone here, one entry per person (several tabs count once), yourself first, then by name. */
export function peersFrom(states: Iterable<RemotePresence>, selfClientId: number): Peer[] {
  const byUser = new Map<string, { peer: Peer }>();
  for (const state of states) {
    const existing = byUser.get(state.user.id);
    const self = state.clientId === selfClientId || (existing?.peer.self ?? false);
    const editing = state.editing ?? existing?.peer.editing ?? null;
    byUser.set(state.user.id, {
      peer: { id: state.user.id, name: state.user.name, color: state.user.color, self, editing },
    });
  }
  return [...byUser.values()]
    .map((entry) => entry.peer)
    .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Whether two peer lists show the same thing. */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        q !== undefined &&
        p.id === q.id &&
        p.name === q.name &&
        p.color === q.color &&
        p.self === q.self &&
        p.editing === q.editing
      );
    })
  );
}

/** Others' live presence, for the overlay layer. */
export class PresenceFeed {
  private states: readonly RemotePresence[] = [];
  private readonly listeners = new Set<() => void>();

  /** The current presence of everyone but this connection. */
  get(): readonly RemotePresence[] {
    return this.states;
  }

  /** Replaces the list and tells subscribers. */
  set(states: readonly RemotePresence[]): void {
    this.states = states;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
