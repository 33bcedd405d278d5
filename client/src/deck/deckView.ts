import type { NoteColor } from '@dmc/shared/domain/note';
import {
  DECK_CATEGORIES,
  searchDeck,
  studiedataDeck,
  type InspirationCard,
  type InspirationCategory,
} from '@dmc/shared/template/studiedataDeck';
import type { Locale } from '@dmc/shared/template/types';

/**
 * What the inspiration panel shows for a search and a category filter: the matching cards in
 * sections per category (in the deck's order), and the counts the filter buttons carry. Pure.
 */

/** The filter buttons: every category, or one. */
export type DeckFilter = 'all' | InspirationCategory;

/** Every filter, in the order of the buttons. */
export const DECK_FILTERS: readonly DeckFilter[] = ['all', ...DECK_CATEGORIES.map((c) => c.id)];

/**
 * A card's colour, which is also the colour of the note it becomes: one note colour per
 * category, so a card on the board still shows where it came from.
 */
export const CATEGORY_COLORS: Readonly<Record<InspirationCategory, NoteColor>> = {
  processen: 'blue',
  stakeholders: 'pink',
  studiedata: 'green',
};

/** One card as the panel shows it. */
export interface DeckCardView {
  readonly id: string;
  readonly category: InspirationCategory;
  readonly text: string;
  /** An editorial remark on the card (e.g. that the source is cut off), or null. */
  readonly note: string | null;
  readonly color: NoteColor;
}

/** The cards of one category. */
export interface DeckSection {
  readonly category: InspirationCategory;
  readonly label: string;
  readonly cards: readonly DeckCardView[];
}

/** The whole panel's content. */
export interface DeckView {
  readonly sections: readonly DeckSection[];
  /** Matches of the search per filter button ('all': every match). */
  readonly counts: Readonly<Record<DeckFilter, number>>;
  /** Cards shown (matches within the chosen filter). */
  readonly shown: number;
  /** Cards in the deck. */
  readonly total: number;
}

function cardView(card: InspirationCard, locale: Locale): DeckCardView {
  return {
    id: card.id,
    category: card.category,
    text: card.text[locale],
    note: card.note ? card.note[locale] : null,
    color: CATEGORY_COLORS[card.category],
  };
}

/** The panel's content for a search (diacritic-insensitive, every word must occur) and a filter. */
export function deckView(
  query: string,
  locale: Locale,
  filter: DeckFilter,
  deck: readonly InspirationCard[] = studiedataDeck,
): DeckView {
  const matches = searchDeck(query, locale, deck);
  const counts: Record<DeckFilter, number> = { all: matches.length, processen: 0, stakeholders: 0, studiedata: 0 };
  for (const card of matches) counts[card.category]++;
  const sections = DECK_CATEGORIES.filter((c) => filter === 'all' || c.id === filter)
    .map((c) => ({
      category: c.id,
      label: c.label[locale],
      cards: matches.filter((card) => card.category === c.id).map((card) => cardView(card, locale)),
    }))
    // With every category shown, empty ones are left out; a chosen one stays, to say it is empty.
    .filter((section) => filter !== 'all' || section.cards.length > 0);
  return { sections, counts, shown: sections.reduce((sum, s) => sum + s.cards.length, 0), total: deck.length };
}
