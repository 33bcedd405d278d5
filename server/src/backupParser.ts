import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseBackupOptions, ParseBackupResult } from '@dmc/shared/export/json';
import { HttpError } from './httpError';
import type { ImportRequest } from './importWorker';

/** Backups parsed at the same time; more answer 503 with Retry-After (each worker holds a copy). */
export const MAX_CONCURRENT_IMPORTS = 2;

/** Heap of one parsing worker: a maximal backup needs far less; a hostile one is stopped here. */
const WORKER_HEAP_MB = 256;

let running = 0;

/**
 * 'received' (bytes) once an upload is complete and about to be parsed: tests and the soak script
 * synchronise on it to measure other workshops while the import is processed.
 */
export const importEvents = new EventEmitter();

/**
 * Parses and validates a backup in a worker thread: the main thread only moves the bytes. A
 * worker that crashes or runs out of memory is reported as an unreadable file.
 */
export async function parseBackupOffThread(bytes: Buffer, options: ParseBackupOptions): Promise<ParseBackupResult> {
  if (running >= MAX_CONCURRENT_IMPORTS) {
    throw new HttpError(503, 'busy', 'Other backups are being imported right now; try again in a moment.', [
      'Er worden nu andere back-ups ingelezen; probeer het zo opnieuw.',
    ]);
  }
  running++;
  try {
    return await runWorker(bytes, options);
  } finally {
    running--;
  }
}

function runWorker(bytes: Buffer, options: ParseBackupOptions): Promise<ParseBackupResult> {
  const entry = workerEntry();
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  // From source (tests, `npm run dev:server`) the worker is TypeScript: it registers tsx first
  // (a worker's execArgv cannot carry --import on Node 20).
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`,
        { eval: true, resourceLimits },
      )
    : new Worker(entry, { resourceLimits });
  // A copy the worker owns, so the transfer never detaches a buffer Node pools for others.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const request: ImportRequest = { bytes: copy.buffer, options };
  return new Promise<ParseBackupResult>((resolve) => {
    let settled = false;
    const settle = (result: ParseBackupResult) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(result);
    };
    const unreadable = (detail: string) =>
      settle({
        ok: false,
        errors: [
          options.locale === 'en'
            ? `The file cannot be read (${detail}).`
            : `Het bestand is niet te lezen (${detail}).`,
        ],
      });
    worker.once('message', (result: ParseBackupResult) => settle(result));
    worker.once('error', (error) => {
      console.error('[import] backup worker failed', error);
      unreadable(error instanceof Error ? error.message : String(error));
    });
    worker.once('exit', (code) => unreadable(`worker exit ${code}`));
    worker.postMessage(request, [request.bytes]);
  });
}

/** tsx's loader API, resolved from this package (only needed when running from source). */
function tsxApi(): string {
  // require.resolve gives the CommonJS build; the worker imports its ES module twin beside it.
  return pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
}

/** The worker's file: beside this module from source, the bundled entry in dist/. */
function workerEntry(): URL {
  const candidates = [
    new URL('./importWorker.ts', import.meta.url),
    new URL('./importWorker.mjs', import.meta.url),
    new URL('../importWorker.mjs', import.meta.url),
  ];
  for (const url of candidates) if (fs.existsSync(url)) return url;
  throw new Error('The backup import worker (importWorker) is missing from the build.');
}
