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
