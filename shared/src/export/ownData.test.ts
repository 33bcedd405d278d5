import { describe, expect, it } from 'vitest';
import { sampleWorkshopExport } from './sampleWorkshop';
import { OWN_DATA_FORMAT, ownData, ownDataCounts, ownDataCsv, ownDataFile, ownDataMarkdown } from './ownData';

const exp = sampleWorkshopExport();
const person = { id: 'p1', name: 'Ada', role: 'participant' as const, tableRole: 'docent', joinedAt: 1_000 };
const data = ownData(exp, person, { exportedAt: 2_000, expiresAt: 3_000 });

describe('a participant’s own data', () => {
  it('holds only their own records', () => {
    expect(data.format).toBe(OWN_DATA_FORMAT);
    expect(data.notes.length).toBeGreaterThan(0);
    const everyNote = exp.boards.flatMap((b) => b.notes);
    for (const n of data.notes) expect(everyNote.find((x) => x.id === n.id)?.authorId).toBe('p1');
    expect(data.notes).toHaveLength(everyNote.filter((n) => n.authorId === 'p1').length);
    const marks = exp.boards.flatMap((b) => b.marks).filter((m) => m.participantId === 'p1');
    expect(data.marks).toHaveLength(marks.length);
    expect(data.votes).toHaveLength(exp.boards.flatMap((b) => b.votes).filter((v) => v.participantId === 'p1').length);
    // Nobody else's id appears in it.
    const others = new Set(exp.participants.map((p) => p.id).filter((id) => id !== 'p1'));
    const json = JSON.stringify(data);
    for (const id of others) expect(json).not.toContain(`"${id}"`);
  });

  it('counts what it holds', () => {
    expect(ownDataCounts(data).notes).toBe(data.notes.length);
    expect(ownDataCounts(data).actions).toBe(data.actions.length);
  });

  it('is readable as Markdown and CSV, with every note of theirs', () => {
    const md = ownDataMarkdown(data, 'nl');
    expect(md).toContain('# Mijn gegevens in');
    expect(md).toContain('- Naam: Ada');
    for (const n of data.notes) expect(md).toContain(n.text.slice(0, 10));
    const csv = ownDataCsv(data, 'en');
    expect(csv.split('\r\n')[0]).toBe('Kind,Board,Field,Text,Value,Time (UTC)');
    expect(csv.split('\r\n').filter((l) => l.startsWith('Notes,'))).toHaveLength(data.notes.length);
  });

  it('names its files by language and format', () => {
    expect(ownDataFile(data, 'json', 'nl').filename).toBe('mijn-gegevens.json');
    expect(JSON.parse(ownDataFile(data, 'json', 'nl').body)).toEqual(data);
    expect(ownDataFile(data, 'md', 'en')).toMatchObject({ filename: 'my-data.md' });
  });
});
