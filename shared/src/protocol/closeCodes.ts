/**
 * Websocket close codes the server uses, shared by server and client. Codes 4400–4499 mean
 * "reconnecting as-is will not help" (the y-websocket provider does not retry them); the client
 * decides what to do (show the reason, rebuild its document, ask for a new token).
 */
export const CLOSE = {
  /** A message could not be decoded, or had an unknown type. */
  malformed: 4400,
  /** No valid token, or the token does not admit this document. */
  unauthorized: 4401,
  /** A write the sender is not allowed to make; it was not applied, stored or relayed. */
  forbidden: 4403,
  /** The document is not open to this person in the current phase (another group's board, someone's draft). */
  hidden: 4406,
  /** The document does not exist (unknown workshop or board). */
  notFound: 4404,
  /** The workshop was deleted while connected. */
  gone: 4410,
  /** A write broke a limit (note length, notes per board, presence size). */
  limit: 4413,
  /** Too many messages in too short a time. */
  tooManyMessages: 4429,
  /** The server is shutting down; reconnect later (not in the 44xx range, so clients retry). */
  restarting: 4503,
  /**
   * The server could not store the last write (disk full, storage down). It was not applied or
   * relayed; the client keeps it and sends it again after reconnecting (retryable, not 44xx).
   */
  unavailable: 4507,
  /** The connection fell too far behind (too much waiting to be sent); reconnect to catch up. */
  tooSlow: 1013,
  /** The websocket library's own code for a message over the size limit. */
  messageTooBig: 1009,
} as const;

/** One of the close codes above. */
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Close codes that report a refused write: the client must discard its unsynced local state. */
export const WRITE_REFUSED_CODES: readonly number[] = [CLOSE.forbidden, CLOSE.limit, CLOSE.malformed];

/** The close code for a refusal from the domain rules. */
export function closeCodeFor(refusal: { readonly code: 'forbidden' | 'invalid' | 'limit' }): CloseCode {
  switch (refusal.code) {
    case 'forbidden':
      return CLOSE.forbidden;
    case 'limit':
      return CLOSE.limit;
    case 'invalid':
      return CLOSE.malformed;
  }
}
