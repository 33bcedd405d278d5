import { describe, expect, it } from 'vitest';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { phase, PHASES } from '@dmc/shared/domain/phases';
import { BADGE_METRICS, NOTE_TEXT_METRICS } from '@dmc/shared/scene/palette';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { plenaryTemplate } from '@dmc/shared/template/plenary';
import { fitText, type TextMeasurer } from './fitText';
import { fitScale, sheetToScreen } from './viewport';
import {
  fieldNear,
  noteFontFloor,
  NOTE_FONT_MIN,
  NOTE_FONT_READABLE,
  phaseFocusField,
  READABLE_PX,
  READABLE_SCALE,
  stepField,
  viewForField,
} from './viewportField';

/** Canvas sizes: the board's canvas in a 1280×800 window (header and toolbar take 150 px), the whole window, a 1024×768 laptop. */
const CANVASES = [
  { width: 1280, height: 650 },
  { width: 1280, height: 800 },
  { width: 1024, height: 618 },
];

const [vel1, vel2] = discussiemodelTemplate.sheets;
if (!vel1 || !vel2) throw new Error('the model has two sheets');

describe('noteFontFloor', () => {
  it('keeps note text at least 11 px on screen from the readable scale up', () => {
    for (let scale = READABLE_SCALE; scale <= 6; scale += 0.01) {
      expect(noteFontFloor(scale) * scale).toBeGreaterThanOrEqual(READABLE_PX);
    }
  });

  it('lies between the absolute minimum and the readable size, in the fitting’s half steps', () => {
    expect(noteFontFloor(0.5)).toBe(NOTE_FONT_READABLE);
    expect(noteFontFloor(10)).toBe(NOTE_FONT_MIN);
    expect(noteFontFloor(1.8)).toBe(6.5);
    for (const scale of [0.3, 1, 1.5, 2, 3]) expect((noteFontFloor(scale) * 2) % 1).toBe(0);
  });

  it('cuts a long note at the readable size and shows it whole when zoomed in far enough', () => {
    const measure: TextMeasurer = (text, fontSize) => Array.from(text).length * fontSize * 0.5;
    const inner = NOTE_SIZE - 2 * NOTE_TEXT_METRICS.padding;
    const box = { width: inner, height: inner, maxFontSize: NOTE_TEXT_METRICS.maxFontSize, lineHeight: 1.18 };
    const long =
      'Studieadviseurs zien in de eerste tien weken welke eerstejaars vastlopen, zodat ze eerder contact zoeken en uitval voorkomen.';
    const atField = fitText(long, { ...box, minFontSize: noteFontFloor(READABLE_SCALE) }, measure);
    expect(atField.fontSize * READABLE_SCALE).toBeGreaterThanOrEqual(READABLE_PX);
    expect(atField.truncated).toBe(true);
    const closer = fitText(long, { ...box, minFontSize: noteFontFloor(2.4) }, measure);
    expect(closer.fontSize * 2.4).toBeGreaterThanOrEqual(READABLE_PX);
    expect(closer.truncated).toBe(false);
  });
});

describe('viewForField', () => {
  for (const canvas of CANVASES) {
    for (const sheet of plenaryTemplate.sheets) {
      it(`makes every note and counter of ${sheet.id} readable at ${canvas.width}×${canvas.height}`, () => {
        for (const field of sheet.fields) {
          const vp = viewForField(field.rect, sheet, canvas);
          const what = `${field.id} at scale ${vp.scale}`;
          expect(noteFontFloor(vp.scale) * vp.scale, what).toBeGreaterThanOrEqual(READABLE_PX);
          expect(BADGE_METRICS.fontSize * vp.scale, what).toBeGreaterThanOrEqual(READABLE_PX);
          // Zoomed in compared with the whole sheet, and the field's title corner on screen.
          expect(vp.scale, what).toBeGreaterThan(fitScale(sheet, canvas));
          const corner = sheetToScreen(vp, field.rect);
          expect(corner.x, what).toBeGreaterThanOrEqual(0);
          expect(corner.y, what).toBeGreaterThanOrEqual(0);
          expect(corner.x, what).toBeLessThan(canvas.width / 2);
          expect(corner.y, what).toBeLessThan(canvas.height / 2);
        }
      });
    }
  }

  it('centres a field that fits, as large as fits', () => {
    const canvas = { width: 1280, height: 650 };
    const doel = vel1.fields.find((f) => f.id === 'doel');
    if (!doel) throw new Error('no DOEL');
    const vp = viewForField(doel.rect, vel1, canvas);
    expect(vp.scale).toBeCloseTo((650 - 48) / doel.rect.height);
    const centre = sheetToScreen(vp, { x: doel.rect.x + doel.rect.width / 2, y: doel.rect.y + doel.rect.height / 2 });
    expect(centre.x).toBeCloseTo(640);
    expect(centre.y).toBeCloseTo(325);
  });

  it('shows the top of a field taller than the canvas at the readable scale', () => {
    const privacy = vel2.fields.find((f) => f.id === 'privacy');
    if (!privacy) throw new Error('no PRIVACY');
    const vp = viewForField(privacy.rect, vel2, { width: 1280, height: 650 });
    expect(vp.scale).toBe(READABLE_SCALE);
    expect(sheetToScreen(vp, privacy.rect).y).toBeCloseTo(24);
  });
});

describe('phaseFocusField', () => {
  it('opens the writing and discussion phases on the first field of their sheet', () => {
    expect(phaseFocusField(phase('vel1-write'), vel1)?.id).toBe('doel');
    expect(phaseFocusField(phase('vel1-discuss'), vel1)?.id).toBe('doel');
    expect(phaseFocusField(phase('vel2-write'), vel2)?.id).toBe('data');
  });

  it('keeps the whole sheet where a phase has no sheet, another sheet, or no writing', () => {
    expect(phaseFocusField(phase('open'), vel1)).toBe(null);
    expect(phaseFocusField(phase('vel1-write'), vel2)).toBe(null);
    expect(phaseFocusField(phase('presentations'), vel1)).toBe(null);
    for (const p of PHASES.filter((d) => !d.participant.includes('notes')))
      for (const sheet of plenaryTemplate.sheets) expect(phaseFocusField(p, sheet)).toBe(null);
  });
});

describe('field navigation', () => {
  it('finds the innermost field under a point, else the nearest', () => {
    expect(fieldNear(vel2, { x: 800, y: 250 })?.id).toBe('dpia-beschrijving');
    expect(fieldNear(vel2, { x: 740, y: 150 })?.id).toBe('privacy');
    // The gutter between DOEL and DOELGROEP, nearer DOEL.
    expect(fieldNear(vel1, { x: 635, y: 300 })?.id).toBe('doel');
  });

  it('steps through the fields in reading order and wraps', () => {
    expect(stepField(vel1, null, 1)?.id).toBe('doel');
    expect(stepField(vel1, null, -1)?.id).toBe('kansen-risicos');
    expect(stepField(vel1, 'doel', 1)?.id).toBe('concrete-vragen');
    expect(stepField(vel1, 'kansen-risicos', 1)?.id).toBe('doel');
    expect(stepField(vel1, 'doel', -1)?.id).toBe('kansen-risicos');
  });
});
