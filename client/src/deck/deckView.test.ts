import { describe, expect, it } from 'vitest';
import { studiedataDeck } from '@dmc/shared/template/studiedataDeck';
import { CATEGORY_COLORS, DECK_FILTERS, deckView } from './deckView';

describe('deckView', () => {
  it('shows every card in three sections, in deck order, with counts per category', () => {
    const view = deckView('', 'nl', 'all');
    expect(view.total).toBe(studiedataDeck.length);
    expect(view.shown).toBe(studiedataDeck.length);
    expect(view.sections.map((s) => s.label)).toEqual(['Processen', 'Stakeholders', 'Studiedata']);
    expect(view.counts.processen + view.counts.stakeholders + view.counts.studiedata).toBe(view.counts.all);
    expect(view.sections[0]?.cards.map((c) => c.id)).toEqual(
      studiedataDeck.filter((c) => c.category === 'processen').map((c) => c.id),
    );
  });

  it('finds cards without caring about accents or case, and counts the matches per category', () => {
    const view = deckView('COORDINEER centraal', 'nl', 'all');
    expect(view.shown).toBe(2);
    expect(view.sections.flatMap((s) => s.cards.map((c) => c.text))).toEqual([
      'Coördineer studiedataprojecten zo veel mogelijk centraal',
      'Coördineer studiedataprojecten centraal',
    ]);
    expect(view.counts).toEqual({ all: 2, processen: 2, stakeholders: 0, studiedata: 0 });
    // Sections without matches are left out when every category is shown.
    expect(view.sections).toHaveLength(1);
  });

  it('keeps a chosen category on screen even when nothing in it matches', () => {
    const view = deckView('coordineer', 'nl', 'studiedata');
    expect(view.sections).toHaveLength(1);
    expect(view.sections[0]?.cards).toEqual([]);
    expect(view.shown).toBe(0);
    expect(view.counts.all).toBe(2);
  });

  it('searches and labels in English too, and carries the editorial note', () => {
    const view = deckView('keep matching', 'en', 'all');
    const card = view.sections[0]?.cards[0];
    expect(card?.id).toBe('sd-49');
    expect(card?.note).toMatch(/cuts this statement off/);
    expect(deckView('', 'en', 'studiedata').sections[0]?.label).toBe('Study data');
  });

  it('gives each category its own note colour', () => {
    expect(new Set(Object.values(CATEGORY_COLORS)).size).toBe(3);
    expect(DECK_FILTERS).toEqual(['all', 'processen', 'stakeholders', 'studiedata']);
    expect(
      deckView('', 'nl', 'stakeholders').sections[0]?.cards.every((c) => c.color === CATEGORY_COLORS.stakeholders),
    ).toBe(true);
  });
});
