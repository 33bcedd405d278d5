import { describe, expect, it } from 'vitest';
import { ACTION_COLUMNS, CATALOGUE, countText, text, type TextKey } from './catalogue';

// shared compiles without Node's types (its code must not touch the file system); only this test
// reads files, so it loads fs and path at run time and names the little it uses.
interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
}
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ `node:${name}`);
const { readdirSync, readFileSync } = (await load('fs')) as NodeFs;
const { fileURLToPath } = (await load('url')) as { fileURLToPath(url: string): string };
const SRC = fileURLToPath((import.meta as unknown as { url: string }).url).replace(/i18n[\\/][^\\/]+$/, '');
/** Shared modules outside export/ that write text out: the schedule's dates and durations, the action items. */
const OTHER_WRITERS = ['domain/schedule.ts', 'domain/actionItems.ts'];

/** The source files under a folder (tests and test helpers left out). */
function writerSources(dir: string): { path: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) return writerSources(`${path}/`);
    if (!entry.name.endsWith('.ts') || /\.(test|testing)\.ts$/.test(entry.name)) return [];
    return [{ path, source: readFileSync(path, 'utf8') }];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the text catalogue', () => {
  it('has every text in Dutch and in English, with the same placeholders', () => {
    const keys = Object.keys(CATALOGUE) as TextKey[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const entry = CATALOGUE[key];
      expect(entry.nl.trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
      expect(placeholders(entry.nl), key).toEqual(placeholders(entry.en));
    }
  });

  it('fills in placeholders and counts', () => {
    expect(text('nl', 'report.page', { n: 2, total: 8 })).toBe('pagina 2 van 8');
    expect(text('en', 'report.page', { n: 2, total: 8 })).toBe('page 2 of 8');
    expect(countText('nl', 'mark.dots', 1)).toBe('1 stip');
    expect(countText('nl', 'mark.dots', 3)).toBe('3 stippen');
    expect(countText('en', 'report.participants', 0)).toBe('0 participants');
    expect(ACTION_COLUMNS.map((key) => text('en', key))).toEqual([
      'What',
      'Who',
      'When',
      'Status',
      'Field',
      'Subgroup',
      'Source',
    ]);
    // @ts-expect-error -- "report.page" needs n and total
    expect(text('en', 'report.page')).toBe('page {n} of {total}');
  });

  it('is where the export writers get their words: none chooses a language inline', () => {
    const sources = [
      ...writerSources(`${SRC}export/`),
      ...OTHER_WRITERS.map((path) => ({ path, source: readFileSync(`${SRC}${path}`, 'utf8') })),
    ];
    expect(sources.map((s) => s.path).some((p) => p.endsWith('pdf/pdfReport.ts'))).toBe(true);
    const inlineChoice = /locale\s*===\s*['"](nl|en)['"]\s*\?/;
    const inlineTable = /\b(nl|en)\s*:\s*[{['"`(]/;
    for (const { path, source } of sources) {
      expect(inlineChoice.test(source), `${path} chooses a language inline`).toBe(false);
      expect(inlineTable.test(source), `${path} has its own { nl, en } texts`).toBe(false);
    }
    // The check itself finds what it looks for.
    expect(inlineChoice.test("const w = locale === 'nl' ? 'acties' : 'actions';")).toBe(true);
    expect(inlineTable.test("const W = { nl: 'eens', en: 'agree' };")).toBe(true);
  });
});
