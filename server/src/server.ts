import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { TokenSigner, loadTokenSecret } from './auth/tokens';
import { Collab, DEFAULT_COLLAB_OPTIONS } from './collab/collab';
import { createUpgradeHandler } from './collab/upgrade';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { ServerConfig } from './config';
import { FileDocumentStore, FileWorkshopStore, sweepTemporaryFiles } from './persistence/fileStore';
import { lockDataDir } from './persistence/dataDirLock';
import type { DocumentStore, WorkshopStore } from './persistence/types';
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
  /** Stops accepting, closes connections, writes every document, and resolves when done. */
  close(): Promise<void>;
}

/** Storage adapters to compose the server with instead of the embedded file store (tests, scale-out). */
export interface ServerStores {
  /** Wraps or replaces the document store built on the data directory. */
  readonly documents?: (embedded: DocumentStore) => DocumentStore;
  /** Wraps or replaces the workshop store built on the data directory. */
  readonly workshops?: (embedded: WorkshopStore) => WorkshopStore;
}

/** Composes storage, workshops, collab and HTTP, and starts listening. */
export async function startServer(config: ServerConfig, stores: ServerStores = {}): Promise<RunningServer> {
  // One process per data directory; refused before anything in it is read or written.
  const lock = lockDataDir(config.dataDir);
  try {
    return await compose(config, stores, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function compose(config: ServerConfig, stores: ServerStores, releaseLock: () => void): Promise<RunningServer> {
  sweepTemporaryFiles(config.dataDir);
  const tokens = new TokenSigner(
    loadTokenSecret(config.dataDir, config.tokenSecret),
    Math.round((config.tokenTtlHours ?? 24) * 3600),
  );
  const embeddedDocuments = new FileDocumentStore(config.dataDir, config.durability);
  const documents = stores.documents?.(embeddedDocuments) ?? embeddedDocuments;
  const embeddedWorkshops = new FileWorkshopStore(config.dataDir);
  const workshops = new WorkshopService(
    stores.workshops?.(embeddedWorkshops) ?? embeddedWorkshops,
    documents,
    tokens,
    config.workshopTtlDays,
  );
  await workshops.warm();
  const collab = new Collab(documents, {
    ...DEFAULT_COLLAB_OPTIONS,
    idleUnloadMs: config.idleUnloadMs,
    compactAfterRecords: config.compactAfterRecords,
    ...(config.sendBufferBytes !== undefined ? { sendBufferBytes: config.sendBufferBytes } : {}),
  });
  const workflow = new Workflow(collab, workshops);
  workshops.events = {
    changed: (workshop) => workflow.workshopChanged(workshop),
    participantRemoved: (workshop, id) => workflow.participantRemoved(workshop, id),
    deleted: (id) => collab.closeWorkshop(id, CLOSE.gone, 'the workshop was deleted'),
  };

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
  });
  const server = http.createServer(app);
  const upgrade = createUpgradeHandler(collab, workshops, workflow, tokens, {
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins ?? [],
    maxConnectionsPerAddress: config.maxConnectionsPerAddress ?? 400,
    maxConnectionsPerParticipant: config.maxConnectionsPerParticipant ?? 30,
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
    close() {
      closing ??= (async () => {
        try {
          clearInterval(sweeper);
          await collab.shutdown();
          upgrade.close();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
        } finally {
          releaseLock();
        }
      })();
      return closing;
    },
  };
}
