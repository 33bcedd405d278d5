import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';

/**
 * What the server has stored of this client's changes. The y-websocket protocol has no
 * acknowledgement, so two of its own messages serve: the server's state vector, which it sends
 * when a connection joins (sync step 1), and the answer to a sync step 1 of ours sent after our
 * changes (a "probe"). The server handles a connection's messages in order and closes it before
 * answering when it refuses or cannot store a change, so an answer means: stored.
 */

/** Hooks for what the socket tells. */
export interface ServerStateHandlers {
  /** The server's state vector, as it joined this connection. */
  serverState(stateVector: Map<number, number>): void;
  /** Every probe sent so far was answered: the changes sent before it are stored. */
  confirmed(): void;
}

/** Watches a provider's sockets; `probe` asks for a confirmation, `stop` detaches. */
export function watchServerState(
  provider: WebsocketProvider,
  handlers: ServerStateHandlers,
): { probe(): void; stop(): void } {
  let socket: WebSocket | null = null;
  let initialAnswered = false;
  let outstanding = 0;

  const onMessage = (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(event.data));
      if (decoding.readVarUint(decoder) !== MESSAGE.sync) return;
      const type = decoding.readVarUint(decoder);
      if (type === SYNC.step1) {
        handlers.serverState(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
      } else if (type === SYNC.step2) {
        // The first answer is to the provider's own step 1 when it connected.
        if (!initialAnswered) initialAnswered = true;
        else if (outstanding > 0 && --outstanding === 0) handlers.confirmed();
      }
    } catch {
      // The provider reports broken messages; nothing to confirm from one.
    }
  };
  const detach = () => {
    socket?.removeEventListener('message', onMessage);
    socket = null;
  };
  const onStatus = ({ status }: { status: string }) => {
    detach();
    if (status !== 'connected' || !provider.ws) return;
    socket = provider.ws;
    initialAnswered = false;
    outstanding = 0;
    socket.addEventListener('message', onMessage);
  };
  provider.on('status', onStatus);

  return {
    probe() {
      if (!socket || socket.readyState !== socket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      encoding.writeVarUint(encoder, SYNC.step1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(provider.doc));
      outstanding++;
      socket.send(encoding.toUint8Array(encoder));
    },
    stop() {
      provider.off('status', onStatus);
      detach();
    },
  };
}
