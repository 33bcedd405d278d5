import { describe, expect, it } from 'vitest';
import { exportBoards, exportCatalog, jobId } from './catalog';
import { exportPath, filenameFromDisposition, mediaTypeOf, sheetsFormat } from './download';
import { backupTooLarge, MAX_BACKUP_BYTES } from './exchangeApi';
import { isPng, readPngSize } from './png';
import { MAX_CANVAS_AREA, pngSize, PNG_PIXEL_RATIO } from './pngSize';

describe('download names and types', () => {
  it('asks the endpoint for a format in the interface language', () => {
    expect(exportPath('abc_1', 'report.pdf', 'en')).toBe('/api/workshops/abc_1/export/report.pdf?lang=en');
    expect(exportPath('abc', sheetsFormat('g-1'), 'nl')).toBe('/api/workshops/abc/export/sheets-g-1.pdf?lang=nl');
  });

  it("takes the server's file name, without any path, and falls back when there is none", () => {
    expect(filenameFromDisposition('attachment; filename="la-vu-acties.csv"', 'x')).toBe('la-vu-acties.csv');
    expect(filenameFromDisposition('attachment; filename="fallback.csv"; filename*=UTF-8\'\'caf%C3%A9.csv', 'x')).toBe(
      'café.csv',
    );
    expect(filenameFromDisposition('attachment; filename=plain.md', 'x')).toBe('plain.md');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename=".."', 'report.pdf')).toBe('report.pdf');
    expect(filenameFromDisposition(null, 'backup.json')).toBe('backup.json');
  });

  it('knows the media type of every file it saves', () => {
    expect(mediaTypeOf('a.csv')).toBe('text/csv;charset=utf-8');
    expect(mediaTypeOf('a.ICS')).toBe('text/calendar;charset=utf-8');
    expect(mediaTypeOf('a.md')).toBe('text/markdown;charset=utf-8');
    expect(mediaTypeOf('a.json')).toBe('application/json;charset=utf-8');
    expect(mediaTypeOf('a.pdf')).toBe('application/pdf');
    expect(mediaTypeOf('a.png')).toBe('image/png');
    expect(mediaTypeOf('a.exe')).toBe('application/octet-stream');
  });

  it('refuses a backup over 8 MB before sending it', () => {
    expect(backupTooLarge(MAX_BACKUP_BYTES)).toBe(false);
    expect(backupTooLarge(MAX_BACKUP_BYTES + 1)).toBe(true);
  });
});

describe('export catalog', () => {
  const boards = exportBoards([
    { id: 'g2', name: 'Tafel Zuid', order: 1 },
    { id: 'g1', name: 'Tafel Noord', order: 0 },
  ]);

  it('lists the plenary board first, then the subgroups in order', () => {
    expect(boards).toEqual([
      { boardId: 'plenary', name: null },
      { boardId: 'g1', name: 'Tafel Noord' },
      { boardId: 'g2', name: 'Tafel Zuid' },
    ]);
  });

  it('offers every format once, the A0 sheets of each board and a picture of each of its sheets', () => {
    const catalog = exportCatalog(boards);
    const all = [
      ...catalog.actions,
      ...catalog.report,
      ...catalog.boards.flatMap((b) => [b.sheets, ...b.pictures]),
      catalog.backup,
    ];
    const ids = all.map(jobId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(catalog.actions.map(jobId)).toEqual([
      'actions.csv',
      'actions-comma.csv',
      'actions.md',
      'actions.ics',
      'actions.json',
    ]);
    expect(catalog.report.map(jobId)).toEqual(['report.pdf', 'report.md']);
    expect(jobId(catalog.backup)).toBe('backup.json');
    expect(catalog.boards.map((b) => jobId(b.sheets))).toEqual([
      'sheets-plenary.pdf',
      'sheets-g1.pdf',
      'sheets-g2.pdf',
    ]);
    // The plenary board has the welcome sheet too.
    expect(catalog.boards.map((b) => b.pictures.map(jobId))).toEqual([
      ['png-plenary-welkom', 'png-plenary-vel1', 'png-plenary-vel2'],
      ['png-g1-vel1', 'png-g1-vel2'],
      ['png-g2-vel1', 'png-g2-vel2'],
    ]);
  });
});

describe('picture size', () => {
  it('draws an A0 sheet at four pixels per unit: over 4000 pixels wide', () => {
    expect(pngSize({ width: 1189, height: 841 })).toEqual({ width: 4756, height: 3364, pixelRatio: PNG_PIXEL_RATIO });
    expect(4756 * 3364).toBeLessThanOrEqual(MAX_CANVAS_AREA);
  });

  it('lowers the ratio only as far as the canvas limits require', () => {
    const big = pngSize({ width: 2000, height: 2000 });
    expect(big.pixelRatio).toBe(2.04);
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    const long = pngSize({ width: 10_000, height: 10 }, 4, { maxArea: 1e12, maxSide: 16_384 });
    expect(long.width).toBeLessThanOrEqual(16_384);
    expect(long.pixelRatio).toBe(1.63);
    expect(pngSize({ width: 100, height: 50 }, 2)).toEqual({ width: 200, height: 100, pixelRatio: 2 });
  });

  it('refuses nonsense sizes', () => {
    expect(() => pngSize({ width: 0, height: 10 })).toThrow(RangeError);
    expect(() => pngSize({ width: 10, height: 10 }, -1)).toThrow(RangeError);
  });

  it('reads the size of a PNG from its header', () => {
    const bytes = new Uint8Array(33);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(bytes.buffer).setUint32(16, 4756);
    new DataView(bytes.buffer).setUint32(20, 3364);
    expect(isPng(bytes)).toBe(true);
    expect(readPngSize(bytes)).toEqual({ width: 4756, height: 3364 });
    expect(readPngSize(new TextEncoder().encode('%PDF-1.7 not a png at all'))).toBeNull();
  });
});
