import { describe, expect, it } from 'vitest';
import { DECK_CATEGORIES, searchDeck, studiedataDeck } from './studiedataDeck';

const ids = (cards: readonly { id: string }[]): string[] => cards.map((c) => c.id);

describe('study data inspiration deck', () => {
  it('has every statement of the source: 67 cards (the extraction has 67 statements and one legend line)', () => {
    expect(studiedataDeck).toHaveLength(67);
    expect(ids(studiedataDeck)).toEqual(Array.from({ length: 67 }, (_, i) => `sd-${String(i + 1).padStart(2, '0')}`));
  });

  it('has the documented number of cards per category, in the legend order', () => {
    expect(DECK_CATEGORIES.map((c) => c.id)).toEqual(['processen', 'stakeholders', 'studiedata']);
    const count = (category: string): number => studiedataDeck.filter((c) => c.category === category).length;
    expect(count('processen')).toBe(23);
    expect(count('stakeholders')).toBe(24);
    expect(count('studiedata')).toBe(20);
  });

  it('keeps the first and last statement of the source as written', () => {
    expect(studiedataDeck[0]?.text.nl).toBe(
      'Beschrijf welke fases doorlopen worden bij de adoptie van het gebruik van studiedata',
    );
    expect(studiedataDeck[66]?.text.nl).toBe(
      'Laat het gebruik van studiedata terugkomen binnen het beleid van de instelling',
    );
  });

  it('has no layout artefacts: line breaks, split words, hyphen-newlines, double or stray spaces', () => {
    for (const card of studiedataDeck) {
      for (const text of [card.text.nl, card.text.en]) {
        expect(text, card.id).not.toMatch(/[\r\n\t]/);
        expect(text, card.id).not.toMatch(/ {2}|^\s|\s$|\s[,;.]/);
        expect(text, card.id).not.toMatch(/[a-zà-ÿ]-\s/);
        expect(text, card.id).toMatch(/^[A-ZÀ-Ý(]/);
      }
    }
    const dutch = studiedataDeck.map((c) => c.text.nl).join(' | ');
    for (const broken of [
      'samen werking',
      'bijvoor beeld',
      'inzichte lijk',
      'studie datagebruik',
      'stake holder',
      'studiedata gebruik',
      'uptodate',
      'zoals als',
    ]) {
      expect(dutch).not.toContain(broken);
    }
    expect(dutch).toContain('samenwerking met domeinexperts');
    expect(dutch).toContain('bijvoorbeeld de landelijke Code of Practice Studiedata');
  });

  it('has an English text for every card and marks the one the source cuts off', () => {
    for (const card of studiedataDeck) expect(card.text.en.length, card.id).toBeGreaterThan(10);
    const noted = studiedataDeck.filter((c) => c.note !== undefined);
    expect(ids(noted)).toEqual(['sd-49']);
    expect(noted[0]?.text.nl.endsWith('…')).toBe(true);
  });
});

describe('searching the deck', () => {
  it('finds a word with or without diacritics, in any case', () => {
    expect(ids(searchDeck('Coördineer', 'nl'))).toEqual(['sd-10', 'sd-40']);
    expect(ids(searchDeck('coordineer', 'nl'))).toEqual(['sd-10', 'sd-40']);
    expect(ids(searchDeck('geintervenieerd', 'nl'))).toEqual(['sd-32']);
    expect(ids(searchDeck('POTENTIELE', 'nl'))).toEqual(['sd-56', 'sd-62']);
  });

  it('needs every word, anywhere in a word, and searches the chosen language', () => {
    expect(ids(searchDeck('code practice', 'nl'))).toEqual(['sd-25', 'sd-36']);
    expect(ids(searchDeck('visie stakeholdergroepen', 'nl'))).toEqual(['sd-28']);
    expect(ids(searchDeck('training material', 'en'))).toEqual(['sd-11', 'sd-41', 'sd-44']);
    expect(searchDeck('trainingsmateriaal', 'en')).toEqual([]);
    expect(searchDeck('xyzzy', 'nl')).toEqual([]);
  });

  it('returns the whole deck for an empty query', () => {
    expect(searchDeck('', 'nl')).toHaveLength(67);
    expect(searchDeck('  ,  ', 'en')).toHaveLength(67);
  });
});
