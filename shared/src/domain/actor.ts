/**
 * The roles in a workshop. A `viewer` is not a person: a presentation screen (a beamer) opened
 * with the facilitator link. It reads what the room may see, writes nothing, has no presence and
 * is never a member, so it is not counted among the people, their roles or in the report.
 */
export type Role = 'facilitator' | 'participant' | 'viewer';

/** Who is making a change: established by the server from a signed token, never by the client. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

/** Why a write was refused; `code` maps to a websocket close code. */
export interface Refusal {
  readonly code: 'forbidden' | 'invalid' | 'limit';
  readonly reason: string;
}
