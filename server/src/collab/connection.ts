import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CLOSE, closeCodeFor } from '@dmc/shared/protocol/closeCodes';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';
import { presenceSchema } from '@dmc/shared/protocol/presence';
import { LIMITS } from '@dmc/shared/domain/limits';
import type { ConnectionActor, Room, RoomPeer } from './room';

/**
 * One websocket speaking the y-websocket protocol to one room. Every message is decoded and
 * checked here, where it is received: malformed input, floods, refused writes and spoofed
 * presence close this connection with a documented code and never reach other clients.
 */

/** Counts refused and accepted traffic for logs and tests. */
export interface ConnectionEvents {
  onRefused?(peer: RoomPeer, code: number, reason: string): void;
}

/** A token bucket: `rate` messages per second sustained, bursts of `2 × rate`. */
class RateLimiter {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly rate: number) {
    this.tokens = rate * 2;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.rate * 2, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Wraps a socket as a room peer and routes its messages; returns the peer. */
export function attachConnection(
  socket: WebSocket,
  room: Room,
  actor: ConnectionActor,
  events: ConnectionEvents = {},
  sendBufferBytes: number = LIMITS.sendBufferBytes,
): RoomPeer {
  const limiter = new RateLimiter(LIMITS.messagesPerSecond);
  let open = true;
  let handled: Promise<void> = Promise.resolve();

  // One callback for every send (a relay sends to every connection of a room per change).
  const afterSend = (error?: Error) => {
    if (error) peer.close(CLOSE.restarting, 'send failed');
  };
  const peer: RoomPeer = {
    actor,
    send(message) {
      if (!open || socket.readyState !== socket.OPEN) return;
      // A reader that does not keep up would make the server hold everything for it.
      if (socket.bufferedAmount + message.byteLength > sendBufferBytes) {
        peer.close(CLOSE.tooSlow, 'too far behind; reconnect to catch up');
        socket.terminate();
        return;
      }
      socket.send(message, afterSend);
    },
    close(code, reason) {
      if (!open) return;
      open = false;
      room.leave(peer);
      socket.close(code, closeReason(reason));
    },
  };

  const refuse = (code: number, reason: string) => {
    events.onRefused?.(peer, code, reason);
    peer.close(code, reason);
  };

  socket.on('message', (data, isBinary) => {
    if (!open) return;
    if (!limiter.take()) return refuse(CLOSE.tooManyMessages, 'too many messages; slow down');
    if (!isBinary) return refuse(CLOSE.malformed, 'expected a binary message');
    const message = toUint8Array(data);
    // One message after the other: storing an update may take a round trip (a database), and a
    // reply (sync step 2) must still follow everything the client sent before it.
    handled = handled
      .then(() => (open ? handleMessage(message) : undefined))
      .catch((error: unknown) => refuse(CLOSE.malformed, `malformed message: ${(error as Error).message}`));
  });
  socket.on('close', () => {
    if (!open) return;
    open = false;
    room.leave(peer);
  });
  socket.on('error', () => peer.close(CLOSE.malformed, 'socket error'));

  async function handleMessage(message: Uint8Array): Promise<void> {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SYNC.step1) return room.answerStep1(peer, payload);
        if (syncType !== SYNC.step2 && syncType !== SYNC.update) throw new Error(`unknown sync message ${syncType}`);
        const rejection = await room.receiveUpdate(peer, payload);
        if (rejection) {
          refuse(rejection.malformed ? CLOSE.malformed : closeCodeFor(rejection), rejection.reason);
        }
        return;
      }
      case MESSAGE.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        // A presentation screen is not a person: it never appears among those present.
        if (peer.actor.role === 'viewer') return;
        const filtered = filterPresence(room, peer, update);
        if ('code' in filtered) return refuse(filtered.code, filtered.reason);
        if (filtered.update) room.receiveAwareness(peer, filtered.update);
        return;
      }
      case MESSAGE.queryAwareness:
        room.sendAwareness(peer);
        return;
      case MESSAGE.auth:
        // Authentication happens once, on upgrade; clients never send auth messages.
        throw new Error('unexpected auth message');
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  room.join(peer);
  return peer;
}

/**
 * Keeps the presence entries a peer may send: one presence state per connection (the first
 * client id it announces), with its own name, re-encoded from the schema so unknown fields are
 * dropped. y-websocket clients echo everyone's presence back to the server; those echoes — and
 * any further client ids from the same connection — are dropped silently, so nobody can change
 * another person's presence or flood the room with made-up people, and an honest client is never
 * disconnected.
 */
/**
 * Presence states one message may carry. A y-websocket client echoes every presence change it
 * receives, and a newcomer receives the whole room's presence at once: a full workshop
 * (LIMITS.participantsPerWorkshop people, some on several devices) must fit. Every entry is bounded
 * by LIMITS.presenceBytes and the message by LIMITS.messageBytes.
 */
const MAX_PRESENCE_STATES = 1024;

function filterPresence(
  room: Room,
  peer: RoomPeer,
  update: Uint8Array,
): { update: Uint8Array | null } | { code: number; reason: string } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_PRESENCE_STATES) return { code: CLOSE.malformed, reason: 'too many presence states in one message' };
  const entries: Array<[number, number, string]> = [];
  let claimed = room.presenceIdOf(peer);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const own = clientId === claimed;
    // Someone else's presence (an echo), or a second identity from this connection.
    if (!own && (claimed !== undefined || room.ownedByOther(peer, clientId) || room.awareness.meta.has(clientId)))
      continue;
    if (json.length > LIMITS.presenceBytes) {
      if (own) return { code: CLOSE.limit, reason: `presence is limited to ${LIMITS.presenceBytes} bytes` };
      continue;
    }
    const state: unknown = JSON.parse(json);
    let kept = 'null';
    if (state !== null) {
      const parsed = presenceSchema.safeParse(state);
      const mine = parsed.success && parsed.data.user.id === peer.actor.id && parsed.data.user.name === peer.actor.name;
      if (!mine) {
        if (own) return { code: CLOSE.forbidden, reason: 'presence must match the schema and carry your own name' };
        continue;
      }
      kept = JSON.stringify(parsed.data);
    } else if (!own) {
      continue;
    }
    claimed = clientId;
    entries.push([clientId, clock, kept]);
  }
  if (decoding.hasContent(decoder)) return { code: CLOSE.malformed, reason: 'trailing bytes in presence update' };
  if (entries.length === 0) return { update: null };
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(out, clientId);
    encoding.writeVarUint(out, clock);
    encoding.writeVarString(out, json);
  }
  return { update: encoding.toUint8Array(out) };
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Close reasons are limited to 123 bytes by the websocket protocol. */
function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= 123) return text;
  let cut = text.slice(0, 120);
  while (Buffer.byteLength(cut) > 119) cut = cut.slice(0, -1);
  return `${cut}…`;
}
