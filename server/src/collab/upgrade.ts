import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import { LIMITS } from '@dmc/shared/domain/limits';
import { COLLAB_PATH } from '@dmc/shared/protocol/messages';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { TokenSigner } from '../auth/tokens';
import type { Workflow } from '../workflow';
import type { WorkshopService } from '../workshops';
import type { Collab } from './collab';

/**
 * Turns an HTTP upgrade on `/collab/<workshopId>/<docKey>?token=…` into a collab connection.
 * Authentication failures still complete the upgrade and then close with a documented code, so
 * the browser learns why (a refused upgrade only shows as a generic network error).
 */
export function createUpgradeHandler(collab: Collab, workshops: WorkshopService, workflow: Workflow, tokens: TokenSigner) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.messageBytes, perMessageDeflate: false });

  const handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    if (`/${parts[0] ?? ''}` !== COLLAB_PATH || parts.length !== 3) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    const [, workshopId = '', docKey = ''] = parts.map(decodeURIComponent);
    wss.handleUpgrade(request, socket, head, (ws) => {
      collab.track(ws);
      const claims = tokens.verify(url.searchParams.get('token'));
      if (!claims || claims.w !== workshopId) return ws.close(CLOSE.unauthorized, 'missing or invalid token');
      if (!workshops.cached(workshopId)) return ws.close(CLOSE.notFound, 'unknown workshop');
      const actor = workflow.actorFor(workshopId, claims.p, claims.r);
      if (!actor) return ws.close(CLOSE.unauthorized, 'you are no longer in this workshop');
      // Keep what the client sends while the session document loads; connect() replays it.
      const early: Array<[RawData, boolean]> = [];
      const keep = (data: RawData, isBinary: boolean) => early.push([data, isBinary]);
      ws.on('message', keep);
      void workflow
        .policyFor(workshopId, docKey)
        .then((policy) => {
          ws.off('message', keep);
          if (!policy) return ws.close(CLOSE.notFound, 'unknown document');
          void collab.connect(ws, workshopId, docKey, actor, policy, early);
        })
        .catch((error) => {
          console.error('[collab] upgrade failed', error);
          ws.close(CLOSE.restarting, 'try again');
        });
    });
  };

  return { handle, close: () => wss.close() };
}
