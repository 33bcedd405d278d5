import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIR, PRODUCTION_CLIENT_DIR } from './harness';

/**
 * Production hygiene (issue 12, item 9): the read-only test hook `window.__DMC__` hands every note
 * on screen, private drafts included, to any script on the page. Only the build made for the
 * browser tests (`npm run build:e2e`, Vite mode `e2e`) may carry it; the bundle `npm start` serves
 * (`npm run build`, client/dist) must not. The CSP's connect-src is checked in
 * server/src/routes/workshops.test.ts.
 */

const MARKER = '__DMC__';

/** The JavaScript files of a build that contain the marker. */
function filesWithMarker(dir: string): string[] {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) throw new Error(`${assets} is missing: build first (npm test does)`);
  return fs
    .readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .filter((name) => fs.readFileSync(path.join(assets, name), 'utf8').includes(MARKER));
}

describe('the production bundle', () => {
  it('does not contain the test hook', () => {
    expect(filesWithMarker(PRODUCTION_CLIENT_DIR)).toEqual([]);
  });

  it('while the build for the browser tests does (so the check above can fail)', () => {
    expect(filesWithMarker(CLIENT_DIR).length).toBeGreaterThan(0);
  });
});
