import { describe, expect, it } from 'vitest';
import { parseBackup, toBackupJson } from './json';
import { BACKUP_FORMAT, type WorkshopExport } from './model';
import { sampleWorkshopExport } from './sampleWorkshop';
import { getField, templateForBoard } from '../template/index';

const sample = sampleWorkshopExport();
const MAX = 1024 * 1024;

function errorsOf(json: string, maxBytes = MAX, locale: 'nl' | 'en' = 'nl'): string[] {
  const result = parseBackup(json, { maxBytes, locale });
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.errors;
}

/** The sample as a mutable JSON value, to break in one place. */
function editable(): Record<string, unknown> & {
  boards: Record<string, unknown>[];
  actions: Record<string, unknown>[];
} {
  return JSON.parse(toBackupJson(sample)) as ReturnType<typeof editable>;
}

describe('JSON backup', () => {
  it('round-trips: toBackupJson then parseBackup gives the same workshop', () => {
    const result = parseBackup(toBackupJson(sample), { maxBytes: MAX });
    expect(result).toEqual({ ok: true, backup: sample });
  });

  it('round-trips an action made from an inspiration card, and still reads backups from before cards', () => {
    const base = sample.actions[0];
    if (base === undefined) throw new Error('the sample changed');
    const withCard: WorkshopExport = {
      ...sample,
      actions: [
        ...sample.actions,
        {
          ...base,
          id: 'act-card',
          sourceKind: 'card',
          sourceCardId: 'sd-07',
          sourceGroupId: null,
          sourceFieldId: null,
        },
      ],
    };
    const json = toBackupJson(withCard);
    expect(json).toContain('"sourceCardId": "sd-07"');
    expect(parseBackup(json, { maxBytes: MAX })).toEqual({ ok: true, backup: withCard });
    // A backup written before cards were a source has no sourceCardId at all.
    expect(toBackupJson(sample)).not.toContain('sourceCardId');
    expect(parseBackup(toBackupJson(sample), { maxBytes: MAX }).ok).toBe(true);
  });

  it('writes a stable key order, format and version first, whatever order the input had', () => {
    const json = toBackupJson(sample);
    expect(json.startsWith('{\n  "format": "discussiemodel-canvas-backup",\n  "version": 2,\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    const reversed = Object.fromEntries(Object.entries(sample).reverse()) as WorkshopExport;
    expect(toBackupJson(reversed)).toBe(json);
  });

  it('refuses a file over the size limit before reading it', () => {
    const json = toBackupJson(sample);
    const errors = errorsOf(json, 1000);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Het bestand is te groot \(\d+ kB; maximaal 1 kB\)\.$/);
    // The limit is in UTF-8 bytes: 400 "é" are 800 bytes.
    expect(errorsOf(`"${'é'.repeat(400)}"`, 500)[0]).toMatch(/te groot/);
  });

  it('refuses malformed JSON with the parser’s reason', () => {
    expect(errorsOf('{"format": "discussiemodel-canvas-backup",')[0]).toMatch(/^Het bestand is geen geldige JSON: /);
    expect(errorsOf('')[0]).toMatch(/geen geldige JSON/);
  });

  it('recognises files that are not backups, and backups of a newer version', () => {
    expect(errorsOf('[1,2,3]')).toEqual([
      `Dit is geen back-up van Discussiemodel Canvas (verwacht "format": "${BACKUP_FORMAT}").`,
    ]);
    expect(errorsOf('{"format":"tldraw"}')[0]).toMatch(/geen back-up/);
    const newer = { ...editable(), version: 3 };
    expect(errorsOf(JSON.stringify(newer))).toEqual([
      'Deze back-up is gemaakt met een nieuwere versie (versie 3); deze app leest versie 1 tot en met 2.',
    ]);
    expect(errorsOf(JSON.stringify({ ...editable(), version: '1' }), MAX, 'en')).toEqual([
      'Unknown backup version; this app reads versions 1 to 2.',
    ]);
    // Older versions are still read.
    expect(parseBackup(JSON.stringify({ ...editable(), version: 1 }), { maxBytes: MAX }).ok).toBe(true);
  });

  it('names the path and the problem of every invalid value', () => {
    const broken = editable();
    const notes = (broken.boards[0] as { notes: Record<string, unknown>[] }).notes;
    (notes[0] as Record<string, unknown>).text = 'x'.repeat(501);
    (notes[1] as Record<string, unknown>).id = 'met spatie';
    (broken.actions[1] as Record<string, unknown>).when = '2025-02-30';
    (broken.actions[0] as Record<string, unknown>).status = 'blocked';
    delete (broken.workshop as Record<string, unknown>).title;
    broken.extra = true;
    expect(errorsOf(JSON.stringify(broken))).toEqual([
      'workshop.title: ontbreekt',
      'boards[0].notes[0].text: is te lang (maximaal 500 tekens)',
      'boards[0].notes[1].id: mag alleen letters, cijfers, - en _ bevatten (1 tot 64 tekens)',
      'actions[0].status: moet een van deze waarden zijn: "open", "doing", "done"',
      'actions[1].when: moet een datum zijn (JJJJ-MM-DD) of leeg',
      'back-up: bevat onbekende velden: extra',
    ]);
    expect(errorsOf(JSON.stringify(broken), MAX, 'en')).toContain(
      'boards[0].notes[0].text: is too long (at most 500 characters)',
    );
  });

  it('reports wrong types and duplicate ids', () => {
    const wrongType = editable();
    (wrongType.workshop as Record<string, unknown>).exportedAt = 'gisteren';
    expect(errorsOf(JSON.stringify(wrongType))).toEqual(['workshop.exportedAt: moet een getal zijn, maar is tekst']);

    const duplicates = editable();
    duplicates.actions.push({ ...(duplicates.actions[0] as Record<string, unknown>) });
    (duplicates.boards[1] as Record<string, unknown>).boardId = 'g-a';
    expect(errorsOf(JSON.stringify(duplicates))).toEqual([
      'boards[1].boardId: boardId "g-a" komt dubbel voor',
      'actions[3].id: id "act-1" komt dubbel voor',
    ]);

    const stray = editable();
    (stray.boards[1] as Record<string, unknown>).boardId = 'g-z';
    expect(errorsOf(JSON.stringify(stray))).toEqual([
      'boards[1].boardId: bord "g-z" is geen subgroep en niet "plenary"',
    ]);
  });

  it('lists at most the first errors and counts the rest', () => {
    const many = editable();
    for (const action of many.actions) action.status = 'x';
    const errors = errorsOf(JSON.stringify(many)).length;
    expect(errors).toBe(3);
    const result = parseBackup(JSON.stringify(many), { maxBytes: MAX, maxErrors: 1 });
    expect(result.ok ? [] : result.errors).toEqual([
      'actions[0].status: moet een van deze waarden zijn: "open", "doing", "done"',
      '… en nog 2 fouten.',
    ]);
  });

  it('does not let "__proto__" in a file change anything', () => {
    const json = toBackupJson(sample).replace('"format":', '"__proto__": {"polluted": true},\n  "format":');
    expect(errorsOf(json)).toEqual(['back-up: bevat onbekende velden: __proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('action list as JSON', () => {
  it('lists every action with its ids and the readable names of its field, subgroup, status and source', async () => {
    const { textExport } = await import('./files');
    const file = textExport('actions.json', sample, { locale: 'nl', now: Date.UTC(2026, 5, 1, 12) });
    expect(file.mediaType).toBe('application/json; charset=utf-8');
    expect(file.filename).toMatch(/-acties\.json$/);
    const doc = JSON.parse(file.body) as {
      format: string;
      exportedAt: string;
      workshop: { title: string };
      actions: Array<{
        id: string;
        what: string;
        when: string | null;
        statusLabel: string;
        source: {
          kind: string;
          label: string;
          fieldId: string | null;
          fieldTitle: string | null;
          groupId: string | null;
          groupName: string | null;
        };
      }>;
    };
    expect(doc.format).toBe('discussiemodel-canvas/actions');
    expect(doc.exportedAt).toBe('2026-06-01T12:00:00.000Z');
    expect(doc.workshop.title).toBe(sample.workshop.title);
    expect(doc.actions.map((a) => a.id)).toEqual(sample.actions.map((a) => a.id));
    expect(doc.actions.map((a) => a.what)).toEqual(sample.actions.map((a) => a.what));
    // Empty dates are null, not "".
    expect(doc.actions.map((a) => a.when)).toEqual(sample.actions.map((a) => (a.when === '' ? null : a.when)));
    const withField = doc.actions.filter((a) => a.source.fieldId !== null);
    expect(withField.length).toBeGreaterThan(0);
    for (const a of withField) {
      const found = getField(templateForBoard('plenary'), a.source.fieldId ?? '');
      expect(a.source.fieldTitle).toBe(found?.field.title.nl);
    }
    const inGroup = doc.actions.find((a) => a.source.groupId !== null);
    expect(inGroup?.source.groupName).toBe(sample.groups.find((g) => g.id === inGroup?.source.groupId)?.name);
    expect(doc.actions.every((a) => ['Open', 'Bezig', 'Klaar'].includes(a.statusLabel))).toBe(true);
    // In English the words follow the language; the content does not change.
    const en = JSON.parse(textExport('actions.json', sample, { locale: 'en', now: 0 }).body) as typeof doc;
    const labels = { note: 'Note', deferral: 'Open question', synthesis: 'Synthesis', direct: 'Plenary' } as Record<
      string,
      string
    >;
    for (const a of en.actions) expect(a.source.label).toBe(labels[a.source.kind]);
    expect(en.actions.some((a) => a.source.kind === 'deferral')).toBe(true);
    expect(en.actions.map((a) => a.what)).toEqual(doc.actions.map((a) => a.what));
  });
});
