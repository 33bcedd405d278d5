import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nlLater } from '../client/src/i18n/laterMessages';
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

/** The source files (path, text) of the JavaScript index.html loads, from the build's source maps. */
function firstLoadSources(dir: string): { path: string; text: string }[] {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.flatMap((file) => {
    const map = JSON.parse(fs.readFileSync(path.join(dir, 'assets', `${file}.map`), 'utf8')) as {
      sources: string[];
      sourcesContent?: (string | null)[];
    };
    return map.sources.map((source, i) => ({
      path: path.resolve(dir, 'assets', source),
      text: map.sourcesContent?.[i] ?? '',
    }));
  });
}

/**
 * The Dutch strings are in two parts (client/src/i18n/messages.ts): the first screen's, and the rest,
 * fetched with the parts loaded on demand. A string of the later part used by the first load's code
 * would show as its key: this is the check that the split still matches the code.
 */
describe('the first load', () => {
  const sources = firstLoadSources(PRODUCTION_CLIENT_DIR).filter((s) => s.path.includes('/client/src/'));

  it('is what the board needs: the source maps name its files, and the later strings are not among them', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some((s) => s.path.endsWith('client/src/board/BoardScreen.tsx'))).toBe(true);
    expect(sources.filter((s) => /laterMessages|english/.test(s.path))).toEqual([]);
  });

  it('uses none of the strings that are fetched later', () => {
    const keys = Object.keys(nlLater);
    const used = sources.flatMap((s) =>
      keys
        .filter((key) => s.text.includes(`'${key}'`) || s.text.includes(`"${key}"`) || s.text.includes(`\`${key}\``))
        .map((key) => `${path.basename(s.path)}: ${key}`),
    );
    expect(used).toEqual([]);
  });
});
