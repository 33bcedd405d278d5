import { configFromEnv } from './config';
import { startServer, type RunningServer } from './server';

/** Composition root: read the environment, start, and stop cleanly on a signal. */

let server: RunningServer;
try {
  const config = configFromEnv();
  server = await startServer(config);
  console.log(`Discussiemodel Canvas is running at ${server.url}`);
  if (server.deployment === 'embedded') console.log(`Data directory: ${config.dataDir}`);
  else console.log(`Deployment: ${server.deployment} (schema created or migrated; /healthz, /readyz)`);
} catch (error) {
  console.error(`Discussiemodel Canvas could not start: ${(error as Error).message}`);
  process.exit(1);
}

// Last line of defence once serving: every request, upgrade, timer and socket handler guards
// itself, but a bug that still throws must not take every running workshop down with it. A
// change is written to its document's log before it is applied, so what is on disk stays
// consistent; log loudly and keep serving.
let faults = 0;
process.on('uncaughtException', (error) => {
  faults++;
  console.error(`[process] uncaught exception #${faults}; the server keeps running:`, error);
});
process.on('unhandledRejection', (reason) => {
  faults++;
  console.error(`[process] unhandled rejection #${faults}; the server keeps running:`, reason);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Drain: /readyz turns 503, sockets close with 4503 so clients reconnect at once (through the
    // load balancer, to another process), every document is written, then the process exits.
    console.log(`Received ${signal}; draining, saving and stopping…`);
    void server.close().then(() => process.exit(0));
  });
}
