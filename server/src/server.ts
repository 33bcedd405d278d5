import './validationMessages';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { TokenSigner, requestClaims } from './auth/tokens';
import { Collab, DEFAULT_COLLAB_OPTIONS } from './collab/collab';
import { createUpgradeHandler } from './collab/upgrade';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { ServerConfig } from './config';
import type { DocumentStore, WorkshopStore } from './persistence/types';
import { openDeployment, type Deployment } from './scaleout/deployment';
import { announce, followOtherProcesses } from './scaleout/announcements';
import { WorkshopService } from './workshops';
import { Workflow } from './workflow';
import { Exchange } from './exchange';

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly workshops: WorkshopService;
  readonly collab: Collab;
  readonly workflow: Workflow;
  /** Which deployment the configuration chose. */
  readonly deployment: Deployment['kind'];
  /**
   * Drains: /readyz answers 503, no new connections are accepted, every websocket is closed with
   * 4503 (clients reconnect at once, through the load balancer to another process), every
   * document is written compacted, the stores are closed. Resolves when done.
   */
  close(): Promise<void>;
}

/** Storage adapters to compose the server with instead of the configured ones (tests). */
export interface ServerStores {
  /** Wraps or replaces the document store the configuration chose (embedded file store or PostgreSQL). */
  readonly documents?: (configured: DocumentStore) => DocumentStore;
  /** Wraps or replaces the workshop store the configuration chose. */
  readonly workshops?: (configured: WorkshopStore) => WorkshopStore;
}

/** Composes storage, workshops, collab and HTTP, and starts listening. */
export async function startServer(config: ServerConfig, stores: ServerStores = {}): Promise<RunningServer> {
  const deployment = await openDeployment(config);
  try {
    return await compose(config, stores, deployment);
  } catch (error) {
    await deployment.close();
    throw error;
  }
}

async function compose(config: ServerConfig, stores: ServerStores, deployment: Deployment): Promise<RunningServer> {
  const tokens = new TokenSigner(deployment.tokenSecret, Math.round((config.tokenTtlHours ?? 24) * 3600));
  const documents = stores.documents?.(deployment.documents) ?? deployment.documents;
  const workshops = new WorkshopService(
    stores.workshops?.(deployment.workshops) ?? deployment.workshops,
    documents,
    tokens,
    config.workshopTtlDays,
  );
  await workshops.warm();
  const relay = deployment.relay;
  const collab = new Collab(
    documents,
    {
      ...DEFAULT_COLLAB_OPTIONS,
      idleUnloadMs: config.idleUnloadMs,
      compactAfterRecords: config.compactAfterRecords,
      ...(config.sendBufferBytes !== undefined ? { sendBufferBytes: config.sendBufferBytes } : {}),
    },
    {},
    relay,
  );
  const workflow = new Workflow(collab, workshops);
  // Each change is applied here, then announced to the other processes (with Redis), which read
  // the record again and re-check access (a person removed here is disconnected there too).
  workshops.events = {
    changed: async (workshop) => {
      await workflow.workshopChanged(workshop);
      await announce(relay, { type: 'changed', workshopId: workshop.id });
    },
    participantRemoved: async (workshop, id) => {
      await workflow.participantRemoved(workshop, id);
      await announce(relay, { type: 'removed', workshopId: workshop.id, participantId: id });
    },
    deleted: async (id) => {
      await collab.closeWorkshop(id, CLOSE.gone, 'the workshop was deleted');
      await announce(relay, { type: 'deleted', workshopId: id });
    },
  };
  if (relay) followOtherProcesses(relay, workshops, collab);
  let draining = false;

  const exchange = new Exchange(collab, workflow, workshops);
  const app = createApp({
    workshops,
    tokens,
    collab,
    exchange,
    clientDir: config.clientDir,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.importsPer10Minutes !== undefined ? { importsPer10Minutes: config.importsPer10Minutes } : {}),
    ...(config.privacy ? { privacy: config.privacy } : {}),
    processName: config.processName,
    ...(relay ? { rateStore: { client: relay.client, prefix: relay.prefix } } : {}),
    readiness: async () => [...(draining ? ['draining'] : []), ...(await deployment.problems())],
  });
  const server = http.createServer(
    relay
      ? (req, res) => {
          // A token for a workshop or person this process has not seen yet (joined through another
          // process a moment ago): the record is read once before the request is answered.
          const claims = safeClaims(tokens, req.headers.authorization);
          const known = claims && workshops.cached(claims.w)?.participants.some((p) => p.id === claims.p);
          if (!claims || known) return void app(req, res);
          workshops.refresh(claims.w).then(
            () => app(req, res),
            () => app(req, res),
          );
        }
      : app,
  );
  const upgrade = createUpgradeHandler(collab, workshops, workflow, tokens, {
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins ?? [],
    maxConnectionsPerAddress: config.maxConnectionsPerAddress ?? 400,
    maxConnectionsPerParticipant: config.maxConnectionsPerParticipant ?? 30,
    processName: config.processName,
  });
  server.on('upgrade', upgrade.handle);

  await workshops.sweepExpired();
  const sweeper = setInterval(
    () => void workshops.sweepExpired().catch((e) => console.error('[expiry]', e)),
    60 * 60 * 1000,
  );
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    workshops,
    collab,
    workflow,
    deployment: deployment.kind,
    close() {
      closing ??= (async () => {
        try {
          draining = true;
          clearInterval(sweeper);
          // Stop accepting first, so reconnecting clients land on another process.
          const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
          await collab.shutdown();
          upgrade.close();
          server.closeAllConnections();
          await stopped;
        } finally {
          await deployment.close();
        }
      })();
      return closing;
    },
  };
}

/** A request's token claims, or undefined (missing, invalid or expired: the route answers that). */
function safeClaims(tokens: TokenSigner, authorization: string | undefined) {
  try {
    return requestClaims(tokens, authorization);
  } catch {
    return undefined;
  }
}
