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
  /**
   * Bytes waiting to be sent to one connection; past this the reader is too slow to follow and is
   * closed (it reconnects and catches up with one sync), so memory stays bounded.
   */
  sendBufferBytes: 8 * 1024 * 1024,
  /** Bytes of a JSON request body. */
  jsonBodyBytes: 64 * 1024,
  /** Participants (facilitators included) in one workshop. */
  participantsPerWorkshop: 300,
  /**
   * Records per collection of one document, live and imported alike. `notes` is the notes per
   * board; the others bound what one participant could otherwise pile up (deferrals, actions…).
   */
  recordsPerCollection: {
    notes: 600,
    marks: 6000,
    votes: 3000,
    formulations: 100,
    deferrals: 600,
    highlights: 600,
    choices: 100,
    questions: 600,
    clusters: 600,
    plenaryFormulations: 100,
    actions: 500,
    groups: 30,
    members: 300,
    readings: 20,
    agenda: 40,
    agendaEntries: 12,
    flow: 1,
    settings: 1,
  } as Readonly<Record<string, number>>,
} as const;

/** The most records one collection of a document may hold (unknown collections: none). */
export function collectionLimit(collection: string): number {
  return LIMITS.recordsPerCollection[collection] ?? 0;
}
