import { describe, expect, it } from 'vitest';
import { NOTE_SIZE } from '../domain/note';
import { discussiemodelTemplate } from './discussiemodel';
import { layoutSheetField, type Measurers } from './fieldLayout';
import { layoutFormulationBox } from './formulationBox';
import { freeNoteArea, fieldLineage, noteGrid, printedBottom, SAFE_MEASURERS, wordingBlock } from './noteArea';
import { welcomeSheet } from './plenary';
import type { FieldTemplate, SheetTemplate } from './types';

function field(sheet: SheetTemplate, id: string): FieldTemplate {
  const found = sheet.fields.find((f) => f.id === id);
  if (found === undefined) throw new Error(id);
  return found;
}

const [vel1, vel2] = discussiemodelTemplate.sheets as [SheetTemplate, SheetTemplate];

/** Widths of a font narrower than the safe estimate by `factor` (Segoe UI, San Francisco, Roboto …). */
function narrower(factor: number): Measurers {
  return {
    normal: (text, size) => SAFE_MEASURERS.normal(text, size) * factor,
    bold: (text, size) => SAFE_MEASURERS.bold(text, size) * factor,
    italic: (text, size) => SAFE_MEASURERS.italic(text, size) * factor,
  };
}

const FACTORS = [0.7, 0.8, 0.85, 0.9, 0.95, 1];

describe('the free area for notes in a field', () => {
  it('measures text at least as wide as DejaVu Sans, the widest common system-ui font', () => {
    // Widths in em, measured in Chromium with the canvas's font stack on Debian (DejaVu Sans).
    const dejavu: readonly (readonly [keyof Measurers, string, number])[] = [
      ['bold', 'DOELGROEP', 6.857],
      ['bold', 'Beoordeling van de noodzaak en evenredigheid', 26.892],
      ['normal', 'Welke maatregelen neem je om persoonsgegevens te beschermen?', 34.044],
      ['italic', 'Kies er één en omschrijf dit zo nauwkeurig mogelijk.', 26.22],
      ['normal', 'Osiris (EC’s, vooropleiding) en het gradebook in Brightspace', 30.208],
      ['normal', 'mmm WWW www MMM', 11.884],
    ];
    for (const [style, text, em] of dejavu) {
      const safe = SAFE_MEASURERS[style](text, 1);
      expect(safe, text).toBeGreaterThanOrEqual(em);
      // …without wasting much room: within a fifth of it.
      expect(safe, text).toBeLessThanOrEqual(em * 1.2);
    }
  });

  it('starts below the printed text however the browser measures it, in both languages', () => {
    for (const sheet of [...discussiemodelTemplate.sheets, welcomeSheet]) {
      for (const f of sheet.fields) {
        const bottom = printedBottom(sheet, f);
        for (const factor of FACTORS) {
          for (const locale of ['nl', 'en'] as const) {
            expect(bottom, `${f.id} ${locale} at ${factor}`).toBeGreaterThanOrEqual(
              layoutSheetField(sheet, f, locale, narrower(factor)).headerBottom - 1e-9,
            );
          }
        }
      }
    }
  });

  it('ends above the agreed wording however the browser measures it', () => {
    const data = field(vel2, 'data');
    const text = 'Osiris (EC’s, vooropleiding) en het gradebook in Brightspace, als dat gevuld is.';
    const safe = wordingBlock(data, text);
    for (const factor of FACTORS) {
      const box = layoutFormulationBox(data.rect, text, narrower(factor).normal, false);
      expect(safe.y).toBeLessThanOrEqual(box.y);
      expect(safe.y + safe.height).toBeGreaterThanOrEqual(box.y + box.height);
    }
    const area = freeNoteArea(vel2, data, new Map([['data', text]]));
    expect(area.y + area.height).toBeLessThanOrEqual(safe.y);
    expect(area.y).toBeGreaterThanOrEqual(printedBottom(vel2, data));
  });

  it("keeps notes in a nested box above its parent's wording, which runs across the box", () => {
    const toezicht = field(vel2, 'dpia-toezicht');
    expect(fieldLineage(vel2, toezicht).map((f) => f.id)).toEqual(['dpia-toezicht', 'privacy']);
    const open = freeNoteArea(vel2, toezicht, new Map());
    expect(noteGrid(open, 8).rows).toBe(1);
    const wording =
      'Privacy officer in de projectgroep; alleen de eigen adviseur ziet het overzicht en de student ziet het eerst.';
    const covered = freeNoteArea(vel2, toezicht, new Map([['privacy', wording]]));
    expect(covered.y + covered.height).toBeLessThanOrEqual(wordingBlock(field(vel2, 'privacy'), wording).y);
    expect(covered.height).toBeLessThan(NOTE_SIZE);
    expect(noteGrid(covered, 8).rows).toBe(0);
  });

  it('counts the notes that fit in a grid', () => {
    expect(noteGrid({ x: 0, y: 0, width: 63, height: 500 }, 8)).toEqual({ cols: 0, rows: 7 });
    expect(noteGrid({ x: 0, y: 0, width: 64 + 72, height: 64 }, 8)).toEqual({ cols: 2, rows: 1 });
    // DOEL on sheet 1 has room for three rows of eight under its question.
    expect(noteGrid(freeNoteArea(vel1, field(vel1, 'doel'), new Map()), 8)).toEqual({ cols: 8, rows: 3 });
  });
});
