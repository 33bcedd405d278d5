import './validationMessages';
import { parentPort } from 'node:worker_threads';
import { parseBackup, type ParseBackupOptions } from '@dmc/shared/export/json';

/**
 * Worker thread entry: decodes and validates one backup off the main thread, so a large or
 * hostile file (megabytes of JSON, deep nesting) never stalls the workshops the server runs.
 * Bundled as its own entry (server/build.mjs); started by backupParser.ts.
 */

/** What the main thread sends: the raw upload (transferred, not copied) and the parse options. */
export interface ImportRequest {
  readonly bytes: ArrayBuffer;
  readonly options: ParseBackupOptions;
}

parentPort?.once('message', (request: ImportRequest) => {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(request.bytes);
    parentPort?.postMessage(parseBackup(text, request.options));
  } catch (error) {
    // Invalid UTF-8, or input deep enough to exhaust the stack while validating.
    const detail = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({
      ok: false,
      errors: [
        request.options.locale === 'en'
          ? `The file cannot be read: ${detail}`
          : `Het bestand is niet te lezen: ${detail}`,
      ],
    });
  }
});
