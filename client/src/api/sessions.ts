import type { SessionResponse } from '@dmc/shared/protocol/api';

/**
 * Sessions kept in localStorage, one per workshop, so a reload or a new tab rejoins as the same
 * person. Stored data is re-checked with the server before use, so a malformed entry is dropped.
 */

const PREFIX = 'dmc.session.';

function isSession(value: unknown): value is SessionResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SessionResponse>;
  return (
    typeof v.token === 'string' &&
    typeof v.participant?.id === 'string' &&
    typeof v.participant.name === 'string' &&
    (v.participant.role === 'facilitator' || v.participant.role === 'participant' || v.participant.role === 'viewer') &&
    typeof v.workshop?.id === 'string' &&
    typeof v.workshop.title === 'string'
  );
}

/** The stored session for a workshop, or null. */
export function loadSession(workshopId: string): SessionResponse | null {
  try {
    const raw = localStorage.getItem(PREFIX + workshopId);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return isSession(value) && value.workshop.id === workshopId ? value : null;
  } catch {
    return null;
  }
}

/** Stores a session under its workshop. Only the fields of SessionResponse are kept. */
export function saveSession(session: SessionResponse): void {
  const { participant, workshop } = session;
  const token = latestToken(session.token);
  try {
    localStorage.setItem(PREFIX + workshop.id, JSON.stringify({ token, participant, workshop }));
  } catch {
    // Storage full or disabled: the session lasts for this tab only.
  }
}

/** Screens showing a workshop, told when its session is replaced (the person renamed themselves). */
const replacedListeners = new Set<(session: SessionResponse) => void>();

/** Stores a session that replaces the one a screen shows (same person, new name), and tells the screens. */
export function replaceSession(session: SessionResponse): void {
  saveSession(session);
  for (const listener of replacedListeners) listener(session);
}

/** Calls `listener` whenever a session is replaced; returns how to stop. */
export function onSessionReplaced(listener: (session: SessionResponse) => void): () => void {
  replacedListeners.add(listener);
  return () => replacedListeners.delete(listener);
}

/** Forgets the session for a workshop (also "forget this workshop on this device"). */
export function dropSession(workshopId: string): void {
  try {
    localStorage.removeItem(PREFIX + workshopId);
  } catch {
    // Nothing to do.
  }
}

/** Every stored session, newest workshop first. */
export function listSessions(): SessionResponse[] {
  const sessions: SessionResponse[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const session = loadSession(key.slice(PREFIX.length));
      if (session) sessions.push(session);
    }
  } catch {
    return sessions;
  }
  return sessions.sort((a, b) => (b.workshop.createdAt ?? 0) - (a.workshop.createdAt ?? 0));
}

/** Renewed tokens: an older token of this tab → the one that replaced it. */
const renewals = new Map<string, string>();

/**
 * The newest token known for the person behind `token`: renewal hands out a fresh token, and
 * the screens keep the session they started with, so every connection and request asks here.
 */
export function latestToken(token: string): string {
  let current = token;
  for (let i = 0; i < 64; i++) {
    const next = renewals.get(current);
    if (next === undefined || next === current) break;
    current = next;
  }
  return current;
}

/** Remembers a renewed session: stored for reloads, and its token used from now on. */
export function rememberRenewal(previousToken: string, fresh: SessionResponse): void {
  if (fresh.token !== previousToken) renewals.set(previousToken, fresh.token);
  saveSession(fresh);
}

/** The newest token of a session. */
export function currentToken(session: Pick<SessionResponse, 'token'>): string {
  return latestToken(session.token);
}
