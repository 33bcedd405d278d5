import { describe, expect, it } from 'vitest';
import type { TextBlock } from './fieldLayout';
import { HINT, placeFieldHint, type HintField } from './canvasHint';

const measure = (text: string, size: number) => text.length * size * 0.6;
const title = (lines: string[], x = 41, y = 131): TextBlock => ({
  x,
  y,
  width: 500,
  fontSize: 19,
  lineHeight: 1.15,
  style: 'bold',
  lines,
  height: lines.length * 19 * 1.15,
});
const field = (overrides: Partial<HintField> = {}): HintField => ({
  rect: { x: 30, y: 120, width: 600, height: 360 },
  nested: false,
  title: title(['DOEL']),
  infoLeft: 590,
  formulationTop: null,
  ...overrides,
});

describe('the canvas hint', () => {
  it('sits in the title band, right after the title, centred on its line', () => {
    const hint = placeFieldHint(field(), '⚠ Kies samen één doel (nu: 0)', measure);
    expect(hint.x).toBeCloseTo(41 + measure('DOEL', 19) + HINT.gap);
    expect(hint.y + hint.height / 2).toBeCloseTo(131 + (19 * 1.15) / 2);
    expect(hint.x + hint.width).toBeLessThanOrEqual(590 - 6);
    expect(hint.fontSize).toBe(HINT.fontSize);
  });

  it('follows the last line of a title that wraps', () => {
    const hint = placeFieldHint(field({ title: title(['KANSEN EN', 'RISICO’S']) }), '⚠ x', measure);
    expect(hint.y).toBeGreaterThan(131 + 19 * 1.15 - 1);
  });

  it('moves to the bottom left, above the agreed wording, when the title leaves no room', () => {
    const crowded = field({ title: title(['EEN HEEL LANGE TITEL DIE BIJNA TOT DE KNOP LOOPT']), infoLeft: 500 });
    const hint = placeFieldHint(crowded, '⚠ Maximaal twee vragen (nu: 3)', measure);
    expect(hint.x).toBe(30 + 8);
    expect(hint.y + hint.height).toBeCloseTo(120 + 360 - 8 - 4);
    const withWording = placeFieldHint({ ...crowded, formulationTop: 400 }, '⚠ Maximaal twee vragen (nu: 3)', measure);
    expect(withWording.y + withWording.height).toBeCloseTo(396);
  });
});
