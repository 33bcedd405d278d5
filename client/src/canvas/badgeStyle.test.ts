import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, NOTE_FILLS, SHEET_COLORS, type BadgeKind } from '@dmc/shared/scene/palette';
import { plenaryTemplate } from '@dmc/shared/template/plenary';
import { badgeEdge } from './badgeStyle';

const KINDS: readonly BadgeKind[] = ['agree', 'disagree', 'open', 'votes'];
/** What a counter lies on: every note colour, every field tint, the sheet. */
const GROUNDS = [
  ...Object.values(NOTE_FILLS),
  ...new Set(plenaryTemplate.sheets.flatMap((s) => s.fields.map((f) => f.tint))),
  SHEET_COLORS.sheet,
];

describe('note counters', () => {
  it('have text of at least 4.5:1 on their fill', () => {
    for (const kind of KINDS)
      expect(contrast(BADGE_COLORS[kind].ink, BADGE_COLORS[kind].fill), kind).toBeGreaterThanOrEqual(4.5);
  });

  it('have a shape of at least 3:1 against every note, field and the sheet, mine or not', () => {
    for (const kind of KINDS)
      for (const mine of [false, true]) {
        // The shape is its edge, or for a dark counter its fill (the edge then only thickens it).
        const shape = kind === 'votes' ? BADGE_COLORS.votes.fill : badgeEdge(kind, mine).stroke;
        for (const ground of GROUNDS)
          expect(contrast(shape, ground), `${kind}${mine ? ' (mine)' : ''} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    // The check can fail: the pale fill alone on a yellow note.
    expect(contrast(BADGE_COLORS.agree.fill, NOTE_FILLS.yellow)).toBeLessThan(3);
  });

  it('tell my own counters apart by a thicker edge', () => {
    for (const kind of KINDS) expect(badgeEdge(kind, true).width).toBeGreaterThan(badgeEdge(kind, false).width);
  });
});

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
