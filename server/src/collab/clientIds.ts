import * as Y from 'yjs';

/**
 * Which participant may add changes under which Yjs client id. Yjs numbers each client's changes
 * without gaps, and a change whose number the document already has is skipped as a duplicate. So
 * whoever writes under someone else's client id first — even a bare placeholder struct that
 * changes no record — makes that person's real changes vanish when they arrive (offline notes
 * after a reconnect). Each client id is therefore bound to the participant who first wrote under
 * it, in a server-written map inside the document itself (so the binding survives unloading and
 * restarts), and changes under another participant's id are refused.
 *
 * A client id that already has changes in the document but no binding (written by an older
 * version, or by the server) is nobody's to continue: a client still holding it gets a refusal,
 * and its offline changes are replayed under a fresh id (client/src/collab/offlineReplay.ts).
 */

/** The document's root map from client id (decimal) to participant id, written only by the server. */
export const CLIENT_OWNERS = 'clientOwners';

/** What a participant's update does to the client-id bindings. */
export type ClientIdCheck =
  { readonly ok: true; readonly claims: readonly number[] } | { readonly ok: false; readonly reason: string };

/**
 * Checks the client ids an update adds changes under, against the document as it is before the
 * update. `effect` is what the update actually adds (already-known changes left out).
 */
export function checkClientIds(doc: Y.Doc, effect: Uint8Array, participantId: string, reserved: number): ClientIdCheck {
  const owners = doc.getMap<string>(CLIENT_OWNERS);
  const claims: number[] = [];
  for (const client of Y.parseUpdateMeta(effect).from.keys()) {
    const owner = owners.get(String(client));
    if (owner === participantId) continue;
    if (owner !== undefined) return { ok: false, reason: "changes under another person's client id" };
    if (client === reserved || doc.store.clients.has(client))
      return { ok: false, reason: 'changes under a client id that cannot be continued; reconnect with a fresh copy' };
    claims.push(client);
  }
  return { ok: true, claims };
}

/** Records new bindings, inside the caller's transaction. */
export function bindClientIds(doc: Y.Doc, claims: readonly number[], participantId: string): void {
  const owners = doc.getMap<string>(CLIENT_OWNERS);
  for (const client of claims) owners.set(String(client), participantId);
}
