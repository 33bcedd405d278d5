import { configFromEnv } from './config';
import { startServer } from './server';

/** Composition root: read the environment, start, and stop cleanly on a signal. */
const config = configFromEnv();
const server = await startServer(config);
console.log(`Discussiemodel Canvas is running at ${server.url}`);
console.log(`Data directory: ${config.dataDir}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`Received ${signal}; saving and stopping…`);
    void server.close().then(() => process.exit(0));
  });
}
