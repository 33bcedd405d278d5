import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../domain/actionItems';
import { actionsToCsv, csvCell, neutralizeFormula } from './csv';
import { sampleWorkshopExport } from './sampleWorkshop';

/** A small RFC 4180 reader, written here so the writer is checked against the standard, not itself. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === separator) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const base = sampleWorkshopExport().actions[0] as ActionItem;
const hostile: ActionItem[] = [
  { ...base, id: 'h1', what: 'Uitzoeken; met "aanhalingstekens"\nen een nieuwe regel, café', who: 'Renée; ICTO' },
  { ...base, id: 'h2', what: '=SUM(A1)', who: '+31 6 12345678' },
  { ...base, id: 'h3', what: '-10', who: '@cmd' },
  { ...base, id: 'h4', what: '\tx', who: '\rx' },
  {
    ...base,
    id: 'h5',
    what: '=HYPERLINK("http://evil.invalid";"klik")',
    who: 'a,b',
    when: '',
    sourceFieldId: null,
    sourceGroupId: null,
  },
];

describe('CSV of the action list', () => {
  it('excel-nl: BOM, semicolons, CRLF, Dutch header', () => {
    const csv = actionsToCsv(hostile, { variant: 'excel-nl', locale: 'nl' });
    expect(csv.startsWith('\uFEFFWat;Wie;Wanneer;Status;Veld;Subgroep;Bron\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('comma: no BOM, commas, CRLF, English header', () => {
    const csv = actionsToCsv(hostile, { variant: 'comma', locale: 'en' });
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.startsWith('What,Who,When,Status,Field,Subgroup,Source\r\n')).toBe(true);
  });

  it.each([
    ['excel-nl', ';'],
    ['comma', ','],
  ] as const)('%s reads back, per RFC 4180, to the same values (formula starts neutralised)', (variant, separator) => {
    const csv = actionsToCsv(hostile, {
      variant,
      locale: 'nl',
      fieldTitle: (id) => (id === 'data' ? 'DATA' : id),
      groupName: (id) => (id === 'g-a' ? 'Tafel A' : id),
    });
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''), separator);
    expect(rows).toHaveLength(hostile.length + 1);
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(rows[1]).toEqual([
      'Uitzoeken; met "aanhalingstekens"\nen een nieuwe regel, café',
      'Renée; ICTO',
      '2025-04-01',
      'Open',
      'DATA',
      'Tafel A',
      'Open vraag',
    ]);
    expect(rows[2]?.slice(0, 2)).toEqual(["'=SUM(A1)", "'+31 6 12345678"]);
    expect(rows[3]?.slice(0, 2)).toEqual(["'-10", "'@cmd"]);
    expect(rows[4]?.slice(0, 2)).toEqual(["'\tx", "'\rx"]);
    expect(rows[5]).toEqual(['\'=HYPERLINK("http://evil.invalid";"klik")', 'a,b', '', 'Open', '', '', 'Open vraag']);
    // No cell, once unquoted, starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes only what needs quoting', () => {
    expect(csvCell('gewoon', ';')).toBe('gewoon');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('zeg "ja"', ';')).toBe('"zeg ""ja"""');
    expect(csvCell('regel 1\r\nregel 2', ';')).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('\rx', ';')).toBe('"\'\rx"');
  });

  it('neutralises the OWASP formula starts, a leading space or quote, and formulas behind bidi overrides', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', ' ', '"'])
      expect(neutralizeFormula(`${start}1`)).toBe(`'${start}1`);
    for (const safe of ['1+1', 'a=b', "'=1", '', 'é']) expect(neutralizeFormula(safe)).toBe(safe);
    // Overrides and isolates are removed, so what the cell shows is what it is.
    expect(neutralizeFormula('\u202E=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069')).toBe('abcdefgh');
    expect(csvCell(' =HYPERLINK("x")', ';')).toBe(`"' =HYPERLINK(""x"")"`);
  });

  it('writes only the header for an empty list', () => {
    expect(actionsToCsv([], { variant: 'comma', locale: 'nl' })).toBe('Wat,Wie,Wanneer,Status,Veld,Subgroep,Bron\r\n');
  });
});
