import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { TokenSigner, loadTokenSecret } from './auth/tokens';
import { Collab, DEFAULT_COLLAB_OPTIONS } from './collab/collab';
import { createUpgradeHandler } from './collab/upgrade';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { ServerConfig } from './config';
import { FileDocumentStore, FileWorkshopStore } from './persistence/fileStore';
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

/** Composes storage, workshops, collab and HTTP, and starts listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const tokens = new TokenSigner(loadTokenSecret(config.dataDir, config.tokenSecret));
  const documents = new FileDocumentStore(config.dataDir, config.durability);
  const workshops = new WorkshopService(new FileWorkshopStore(config.dataDir), documents, tokens, config.workshopTtlDays);
  await workshops.warm();
  const collab = new Collab(documents, { ...DEFAULT_COLLAB_OPTIONS, idleUnloadMs: config.idleUnloadMs, compactAfterRecords: config.compactAfterRecords });
  const workflow = new Workflow(collab, workshops);
  workshops.events = {
    changed: (workshop) => workflow.workshopChanged(workshop),
    participantRemoved: (workshop, id) => workflow.participantRemoved(workshop, id),
    deleted: (id) => collab.closeWorkshop(id, CLOSE.gone, 'the workshop was deleted'),
  };

  const exchange = new Exchange(collab, workflow, workshops);
  const app = createApp({ workshops, tokens, collab, exchange, clientDir: config.clientDir, trustProxy: config.trustProxy, rateLimitPerMinute: config.rateLimitPerMinute });
  const server = http.createServer(app);
  const upgrade = createUpgradeHandler(collab, workshops, workflow, tokens);
  server.on('upgrade', upgrade.handle);

  await workshops.sweepExpired();
  const sweeper = setInterval(() => void workshops.sweepExpired().catch((e) => console.error('[expiry]', e)), 60 * 60 * 1000);
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
        clearInterval(sweeper);
        await collab.shutdown();
        upgrade.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
