import { describe, expect, it } from 'vitest';
import {
  BADGE_METRICS,
  NOTE_EDGES as SHARED_EDGES,
  NOTE_FILLS as SHARED_FILLS,
  NOTE_TEXT_METRICS,
  SHEET_COLORS,
} from '@dmc/shared/scene/palette';
import { BADGE } from './noteBadges';
import { CANVAS_COLORS, NOTE_EDGES, NOTE_FILLS, NOTE_TEXT } from './theme';

describe('the canvas draws with the shared sheet palette', () => {
  it('uses the same note colours as the PNG and the PDF', () => {
    expect(NOTE_FILLS).toBe(SHARED_FILLS);
    expect(NOTE_EDGES).toBe(SHARED_EDGES);
  });

  it('uses the same sheet colours and metrics', () => {
    expect(CANVAS_COLORS.ink).toBe(SHEET_COLORS.ink);
    expect(CANVAS_COLORS.formulationEdge).toBe(SHEET_COLORS.formulationEdge);
    expect(BADGE).toEqual(BADGE_METRICS);
    expect(NOTE_TEXT).toEqual({ ...NOTE_TEXT_METRICS, minFontSize: 5, breakWordsBelow: 8 });
    expect(NOTE_TEXT).toEqual({ padding: 5, maxFontSize: 14, minFontSize: 5, lineHeight: 1.18, breakWordsBelow: 8 });
  });
});
