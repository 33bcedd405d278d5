/**
 * Hard limits, enforced by the server and respected by the client. One place, so the error a
 * user sees and the check that triggers it agree.
 */
export const LIMITS = {
  /** Characters in one note. */
  noteTextLength: 500,
  /** Notes on one board (both sheets together). */
  notesPerBoard: 600,
  /** Bytes in one websocket message; larger messages close the connection (code 1009). */
  messageBytes: 1024 * 1024,
  /** Bytes of one presence (awareness) state. */
  presenceBytes: 2048,
  /** Characters in a display name. */
  displayNameLength: 40,
  /** Characters in a workshop title. */
  workshopTitleLength: 120,
  /** Messages one connection may send per second, sustained; bursts up to twice that. */
  messagesPerSecond: 120,
  /** Bytes of a JSON request body. */
  jsonBodyBytes: 64 * 1024,
} as const;
