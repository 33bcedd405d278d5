import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Message types of the y-websocket protocol (first varint of every binary message). */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sync sub-message types of y-protocols. */
export const SYNC = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** Path prefix of the websocket endpoint: `/collab/<workshopId>/<documentKey>`. */
export const COLLAB_PATH = '/collab';

/**
 * How a websocket proves who it is: its first message is an auth message carrying the token
 * (`varUint(MESSAGE.auth)`, `varString(token)`), so tokens never appear in URLs and proxy logs.
 * The server reads nothing else from a connection until this message arrived and verified.
 */
export function encodeAuthMessage(token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** The token of an auth message, or undefined when the message is anything else or malformed. */
export function decodeAuthMessage(message: Uint8Array, maxTokenBytes = 2048): string | undefined {
  if (message.length < 2 || message.length > maxTokenBytes + 8 || message[0] !== MESSAGE.auth) return undefined;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    const token = decoding.readVarString(decoder);
    return decoding.hasContent(decoder) ? undefined : token;
  } catch {
    return undefined;
  }
}
