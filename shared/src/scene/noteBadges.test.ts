import { describe, expect, it } from 'vitest';
import { NOTE_SIZE } from '../domain/note';
import { BADGE, RIBBON, layoutBadges, layoutChosenRibbon } from './noteBadges';

const measure = (text: string, size: number) => text.length * size * 0.6;

describe('note badges', () => {
  it('shows only counts above zero, centred under the note, with my own choice marked', () => {
    const badges = layoutBadges({ agree: 2, disagree: 0, open: 1, votes: 3, myMark: 'open', myVotes: 0 }, measure);
    expect(badges.map((b) => b.text)).toEqual(['✓ 2', '? 1', '● 3']);
    expect(badges.map((b) => b.mine)).toEqual([false, true, false]);
    const left = badges[0]?.x ?? 0;
    const last = badges[badges.length - 1];
    const right = (last?.x ?? 0) + (last?.width ?? 0);
    expect(left + right).toBeCloseTo(NOTE_SIZE);
    for (let i = 1; i < badges.length; i++)
      expect(badges[i]?.x).toBeCloseTo((badges[i - 1]?.x ?? 0) + (badges[i - 1]?.width ?? 0) + BADGE.gap);
  });

  it('shows nothing for a note nobody reacted to', () => {
    expect(layoutBadges({ agree: 0, disagree: 0, open: 0, votes: 0, myMark: null, myVotes: 0 }, measure)).toEqual([]);
  });

  it('puts the chosen ribbon on the top edge of the note, as wide as its label but never wider than the note', () => {
    const ribbon = layoutChosenRibbon('GEKOZEN', measure);
    expect(ribbon.text).toBe('✓ GEKOZEN');
    expect(ribbon.x).toBe(0);
    expect(ribbon.y + ribbon.height).toBeLessThanOrEqual(0);
    expect(ribbon.width).toBe(Math.ceil(measure('✓ GEKOZEN', RIBBON.fontSize) + 2 * RIBBON.padding));
    expect(layoutChosenRibbon('EEN HEEL LANGE KEUZE DIE NIET PAST OP DE NOTITIE', measure).width).toBe(NOTE_SIZE);
  });
});
