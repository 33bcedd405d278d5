import { describe, expect, it } from 'vitest';
import { layoutFormulationBox } from './formulationBox';

const measure = (text: string, size: number) => text.length * size * 0.5;
const rect = { x: 30, y: 120, width: 600, height: 360 };

describe('the agreed wording on a field', () => {
  it('sits across the bottom of the field, as tall as its text', () => {
    const box = layoutFormulationBox(rect, 'Eén doel dat we allemaal onderschrijven.', measure, false);
    expect(box.x).toBeGreaterThan(rect.x);
    expect(box.x + box.width).toBeLessThan(rect.x + rect.width);
    expect(box.y + box.height).toBeLessThanOrEqual(rect.y + rect.height);
    expect(box.lines).toHaveLength(1);
  });

  it('cuts a long text off with an ellipsis instead of covering the field', () => {
    const long = 'woord '.repeat(400);
    const box = layoutFormulationBox(rect, long, measure, false);
    expect(box.height).toBeLessThanOrEqual(rect.height * 0.38 + 1);
    expect(box.lines[box.lines.length - 1]?.endsWith('…')).toBe(true);
  });
});
