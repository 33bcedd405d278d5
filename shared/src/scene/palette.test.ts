import { describe, expect, it } from 'vitest';
import { NOTE_COLORS } from '../domain/note';
import { hexColor } from '../export/pdf/pdfCanvas';
import { NOTE_PASTELS } from '../export/pdf/pdfSheet';
import { layoutFormulationBox } from '../template/formulationBox';
import { discussiemodelTemplate } from '../template/discussiemodel';
import { plenaryTemplate } from '../template/plenary';
import {
  BADGE_COLORS,
  BADGE_METRICS,
  NOTE_EDGES,
  NOTE_FILLS,
  NOTE_TEXT_METRICS,
  SHEET_COLORS,
  WORDING_METRICS,
} from './palette';

describe('the sheet palette', () => {
  it('keeps the note colours the canvas and the prints have always shown', () => {
    expect(NOTE_FILLS).toEqual({
      yellow: '#fff1a8',
      pink: '#ffd3e4',
      blue: '#cde4ff',
      green: '#cff2d1',
      orange: '#ffd9b3',
      purple: '#e4d9ff',
    });
  });

  it('draws note edges that stand out at 3:1 from every field tint and the white sheet (WCAG 1.4.11)', () => {
    const backgrounds = new Set<string>([SHEET_COLORS.sheet]);
    for (const template of [discussiemodelTemplate, plenaryTemplate])
      for (const sheet of template.sheets) for (const field of sheet.fields) backgrounds.add(field.tint);
    expect(backgrounds.size).toBeGreaterThan(5);
    for (const color of NOTE_COLORS)
      for (const background of backgrounds)
        expect(contrast(NOTE_EDGES[color], background), `${color} on ${background}`).toBeGreaterThanOrEqual(3);
    // The check can fail: the old pale yellow edge on the pale yellow field tint was 1.4:1.
    expect(contrast('#e3cf5c', '#fef6d2')).toBeLessThan(3);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('gives every note colour a fill and an edge', () => {
    for (const color of NOTE_COLORS) {
      expect(NOTE_FILLS[color]).toMatch(/^#[0-9a-f]{6}$/);
      expect(NOTE_EDGES[color]).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('is what the PDF prints notes with', () => {
    for (const color of NOTE_COLORS) expect(NOTE_PASTELS[color]).toEqual(hexColor(NOTE_FILLS[color]));
  });

  it('keeps the badge, chosen and text metrics of the sheet', () => {
    expect(BADGE_METRICS).toEqual({ fontSize: 7.5, height: 11, padding: 3, gap: 2, top: 64 - 5.5 });
    expect(BADGE_COLORS.votes).toEqual({ fill: '#1e3a8a', ink: '#ffffff' });
    expect(SHEET_COLORS.chosen).toBe('#166534');
    expect(SHEET_COLORS.ink).toBe('#1f2328');
    expect(NOTE_TEXT_METRICS).toEqual({ padding: 5, maxFontSize: 14, lineHeight: 1.18 });
  });
});

describe('the wording box metrics', () => {
  it('keep the sizes the canvas, the PNG and the PDF have always used', () => {
    expect(WORDING_METRICS.top).toEqual({
      margin: 8,
      padding: 5,
      titleSize: 7,
      fontSize: 10,
      lineHeight: 1.2,
      share: 0.38,
    });
    expect(WORDING_METRICS.nested).toEqual({
      margin: 4,
      padding: 3,
      titleSize: 5.5,
      fontSize: 7,
      lineHeight: 1.2,
      share: 0.5,
    });
  });

  it('lay out the wording box the canvas draws', () => {
    const measure = (text: string, size: number) => text.length * size * 0.5;
    const box = layoutFormulationBox(
      { x: 0, y: 0, width: 200, height: 100 },
      'Wij kiezen voor korte lijnen',
      measure,
      false,
    );
    expect(box).toMatchObject({
      x: 8,
      width: 184,
      padding: 5,
      titleSize: 7,
      fontSize: 10,
      lineHeight: 1.2,
      lines: ['Wij kiezen voor korte lijnen'],
    });
    expect(box.y + box.height).toBe(92);
  });
});

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
