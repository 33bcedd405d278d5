/** The roles a person can have in a workshop. */
export type Role = 'facilitator' | 'participant';

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
