import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { localize } from '@dmc/shared/template/lookup';
import { DECK_CATEGORIES, STUDIEDATA_DECK_INFO } from '@dmc/shared/template/studiedataDeck';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { NOTE_EDGES, NOTE_FILLS } from '../scene/theme';
import { useBoard } from '../workshop/boardContext';
import { useLocale, useT, type Translate } from '../i18n';
import { useAppStore } from '../store';
import { readonlyReason, reasonText, useCapabilities, useMayEditPlenary } from '../workshop/capabilities';
import { refusalNotice } from './CardDrop';
import { CARD_ACTION_EVENT, startCardDrag, type DeckTarget } from '../components/cardDrag';
import { addCardToField, fieldTitleOf, mayAddCard, selectedField } from './cardNote';
import { CATEGORY_COLORS, DECK_FILTERS, deckView, type DeckCardView, type DeckFilter } from './deckView';
import './deck.css';
import { CloseButton } from '../components/CloseButton';

/**
 * The inspiration panel: the study-data statements as cards, by category, searchable. A card is
 * dragged onto the canvas (a note where it lands) or onto the action list; "Als notitie
 * toevoegen" does the same from the keyboard, into the chosen field — the way for keyboard and
 * screen-reader users. Whether notes can be added now follows the same rules as the add-note
 * command; when not, the panel says why.
 */

/** How long the search waits before announcing the number of results (not on every key). */
const ANNOUNCE_DELAY_MS = 700;

function resultsText(t: Translate, shown: number, total: number): string {
  if (shown === 0) return t('deck.results.none');
  if (shown === total) return t('deck.results.all', { count: total });
  return shown === 1 ? t('deck.results.one') : t('deck.results.many', { count: shown });
}

/** The fields of a sheet for the "add to" choice; nested boxes under their parent. */
function fieldOptions(sheet: SheetTemplate, locale: 'nl' | 'en'): { id: string; label: string }[] {
  return sheet.fields.map((f) => {
    const parent = f.parentId ? sheet.fields.find((p) => p.id === f.parentId) : undefined;
    return {
      id: f.id,
      label: parent ? `${localize(parent.title, locale)} — ${localize(f.title, locale)}` : localize(f.title, locale),
    };
  });
}

/** The panel; mounted while open. Beside the action list its cards become actions, not notes. */
export default function DeckPanel({ onClose, target = 'canvas' }: { onClose: () => void; target?: DeckTarget }) {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  const id = useId();
  const caps = useCapabilities();
  const sheetId = useAppStore((s) => s.sheetId);
  const forActions = target === 'actions';
  const mayAddNote = useAppStore(() => mayAddCard(ctx));
  const mayAddAction = useMayEditPlenary();
  const allowed = forActions ? mayAddAction : mayAddNote;
  const selected = useAppStore(() => selectedField(ctx));
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<DeckFilter>('all');
  const [fieldChoice, setFieldChoice] = useState('');
  const [added, setAdded] = useState<{ cardId: string; text: string } | null>(null);
  const [announced, setAnnounced] = useState('');
  const search = useRef<HTMLInputElement>(null);

  const view = useMemo(() => deckView(query, locale, filter), [query, locale, filter]);
  const sheet = ctx.template.sheets.find((s) => s.id === sheetId);
  const options = useMemo(() => (sheet ? fieldOptions(sheet, locale) : []), [sheet, locale]);
  const chosen = options.some((o) => o.id === fieldChoice) ? fieldChoice : null;
  const reason = allowed ? null : readonlyReason(caps, sheetId);
  const readonlyText = allowed
    ? null
    : forActions
      ? t('deck.cannotAddAction')
      : reason
        ? t('deck.readonly', { reason: reasonText(reason, t, ctx.template, locale) })
        : t('deck.cannotAdd');
  const autoTarget = selected ? fieldTitleOf(ctx, selected) : null;

  useEffect(() => search.current?.focus(), []);

  // The number of results, said once typing pauses.
  const results = resultsText(t, view.shown, view.total);
  useEffect(() => {
    if (query === '' && filter === 'all') return;
    const timer = setTimeout(() => setAnnounced(results), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [results, query, filter]);

  const add = (card: DeckCardView) => {
    const state = ctx.store.getState();
    if (forActions) {
      // The action list makes the action (as it does for a dropped card) and announces it.
      if (!allowed) return;
      window.dispatchEvent(new CustomEvent(CARD_ACTION_EVENT, { detail: { id: card.id, text: card.text } }));
      setAdded({ cardId: card.id, text: t('deck.addedAction') });
      return;
    }
    const result = addCardToField(ctx, card.text, chosen);
    if (!result.ok) {
      state.showNotice(refusalNotice(ctx, result.reason));
      return;
    }
    const field = fieldTitleOf(ctx, result.fieldId);
    const text = field ? t('deck.added', { field }) : t('deck.addedOutside');
    setAdded({ cardId: card.id, text });
    state.announce(text);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // The board's single-key shortcuts (N, 1, 2, Delete…) must not fire while using the panel.
    e.stopPropagation();
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    if (e.target === search.current && query !== '') setQuery('');
    else onClose();
  };

  return (
    <aside
      id="deck-panel"
      className="deck-panel"
      aria-labelledby={`${id}-title`}
      data-testid="deck-panel"
      onKeyDown={onKeyDown}
    >
      <div className="deck-panel__head">
        <h2 id={`${id}-title`} className="deck-panel__title">
          {t('deck.title')}
        </h2>
        <CloseButton label={t('deck.close')} onClick={onClose} />
      </div>
      <div className="deck-panel__controls">
        <p className="deck-panel__intro">
          <strong>{localize(STUDIEDATA_DECK_INFO.title, locale)}.</strong>{' '}
          {t(forActions ? 'deck.intro.actions' : 'deck.intro')}
        </p>
        <label className="deck-panel__label" htmlFor={`${id}-search`}>
          {t('deck.search')}
        </label>
        <input
          ref={search}
          id={`${id}-search`}
          className="input deck-panel__search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${id}-count`}
          autoComplete="off"
          spellCheck={false}
          data-testid="deck-search"
        />
        <div className="deck-filters" role="group" aria-label={t('deck.filter')}>
          {DECK_FILTERS.map((f) => {
            const label =
              f === 'all'
                ? t('deck.filter.all')
                : localize(DECK_CATEGORIES.find((c) => c.id === f)?.label ?? { nl: f, en: f }, locale);
            const style =
              f === 'all'
                ? undefined
                : ({
                    '--swatch': NOTE_FILLS[CATEGORY_COLORS[f]],
                    '--swatch-edge': NOTE_EDGES[CATEGORY_COLORS[f]],
                  } as CSSProperties);
            return (
              <button
                key={f}
                type="button"
                className="deck-filter"
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
                style={style}
                data-testid={`deck-filter-${f}`}
              >
                {f !== 'all' && <span className="deck-filter__swatch" aria-hidden="true" />}
                {label} <span className="deck-filter__count">({view.counts[f]})</span>
              </button>
            );
          })}
        </div>
        <p id={`${id}-count`} className="deck-panel__count" data-testid="deck-count" data-count={view.shown}>
          {results}
        </p>
        {allowed && !forActions && (
          <div className="deck-panel__target">
            <label className="deck-panel__label" htmlFor={`${id}-field`}>
              {t('deck.target')}
            </label>
            <select
              id={`${id}-field`}
              className="input deck-panel__select"
              value={chosen ?? ''}
              onChange={(e) => setFieldChoice(e.target.value)}
              aria-describedby={`${id}-target-hint`}
              data-testid="deck-target"
            >
              <option value="">{t('deck.target.auto')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            <p id={`${id}-target-hint`} className="hint">
              {chosen === null &&
                (autoTarget ? t('deck.target.selected', { field: autoTarget }) : t('deck.target.autoHint'))}
            </p>
          </div>
        )}
        {readonlyText && (
          <p id={`${id}-readonly`} className="deck-panel__readonly" data-testid="deck-readonly">
            {readonlyText}
          </p>
        )}
      </div>
      <div className="deck-panel__cards">
        {view.sections.map((section) => (
          <section key={section.category} aria-labelledby={`${id}-${section.category}`}>
            <h3 id={`${id}-${section.category}`} className="deck-section__title">
              {section.label} <span className="deck-section__count">({section.cards.length})</span>
            </h3>
            {section.cards.length === 0 ? (
              <p className="hint">{t('deck.results.noneHere')}</p>
            ) : (
              <ul className="deck-cards">
                {section.cards.map((card) => (
                  <Card
                    key={card.id}
                    card={card}
                    categoryLabel={section.label}
                    allowed={allowed}
                    describedBy={readonlyText ? `${id}-readonly` : undefined}
                    confirmation={added?.cardId === card.id ? added.text : null}
                    addLabel={forActions ? t('deck.addAction') : t('deck.add')}
                    onAdd={() => add(card)}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </aside>
  );
}

interface CardProps {
  readonly card: DeckCardView;
  readonly categoryLabel: string;
  readonly allowed: boolean;
  readonly describedBy: string | undefined;
  readonly confirmation: string | null;
  readonly addLabel: string;
  readonly onAdd: () => void;
}

function Card({ card, categoryLabel, allowed, describedBy, confirmation, addLabel, onAdd }: CardProps) {
  const t = useT();
  const textId = `deck-card-${card.id}`;
  const style = { '--card-fill': NOTE_FILLS[card.color], '--card-edge': NOTE_EDGES[card.color] } as CSSProperties;
  return (
    <li
      className="deck-card"
      style={style}
      draggable
      data-testid={`deck-card-${card.id}`}
      data-category={card.category}
      onDragStart={(e) => startCardDrag(e.dataTransfer, { id: card.id, text: card.text })}
    >
      <p id={textId} className="deck-card__text">
        {card.text}
      </p>
      <div className="deck-card__foot">
        <span className="deck-card__category">{categoryLabel}</span>
        <details className="deck-card__source">
          <summary title={t('deck.source.label')}>
            <span aria-hidden="true">i</span>
            <span className="visually-hidden">{t('deck.source.label')}</span>
          </summary>
          <p className="deck-card__source-text">
            {t('deck.source')}
            {card.note && ` ${card.note}`}
          </p>
        </details>
        <button
          type="button"
          className="button button--small deck-card__add"
          aria-disabled={allowed ? undefined : true}
          aria-describedby={[textId, describedBy].filter(Boolean).join(' ')}
          onClick={onAdd}
          data-testid={`deck-add-${card.id}`}
        >
          {addLabel}
        </button>
      </div>
      {confirmation && <p className="deck-card__added">{confirmation}</p>}
    </li>
  );
}
