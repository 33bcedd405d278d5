import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import {
  ACTION_STATUSES,
  ACTION_WHAT_LENGTH,
  type ActionSortKey,
  type ActionStatus,
  type CardSource,
} from '@dmc/shared/domain/actionItems';
import { ACTION_STATUS_LABELS, actionFromDeferral } from '@dmc/shared/domain/actionTexts';
import { localize } from '@dmc/shared/template/lookup';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { newNoteId } from '../collab/boardClient';
import { Icon } from '../components/icons';
import type { MessageKey } from '../i18n/messages';
import { useLocale, useT } from '../i18n';
import { useAppStore } from '../store';
import { NO_ACTION_FILTER } from '../store/plenarySlice';
import { ActionRow, PARTICIPANT_LIST_ID } from './ActionRow';
import { CARD_ACTION_EVENT, cardFromDrop, cardFromEvent, isCardDrag } from '../components/cardDrag';
import {
  actionSummary,
  deferralKey,
  draftActions,
  isFiltered,
  nextSort,
  takenOver,
  visibleActions,
  type DraftAction,
} from '../store/actionTable';
import { fieldTitle, synthesisFields } from './columns';
import { useMayEditPlenary } from '../workshop/capabilities';
import { usePlenarySources, useSynthesis } from './hooks';
import { DateField } from '../components/DateField';

/**
 * The follow-up actions ("wat zijn vervolgacties en -stappen?"): a table of what, who, when,
 * status and source, edited in place; sorted and filtered by owner, date, field and status; a
 * summary that shows what is still missing; new actions typed, taken over from the subgroups'
 * draft actions, made from a note in the synthesis, or dropped from the inspiration deck.
 */

const FIELDS = synthesisFields(discussiemodelTemplate);

const SORT_COLUMNS: readonly { key: ActionSortKey; label: MessageKey }[] = [
  { key: 'who', label: 'actions.col.who' },
  { key: 'when', label: 'actions.col.when' },
  { key: 'status', label: 'actions.col.status' },
  { key: 'field', label: 'actions.col.source' },
];

/** The action list view. */
export function ActionsView() {
  const t = useT();
  const locale = useLocale();
  const mayEdit = useMayEditPlenary();
  const synthesis = useSynthesis();
  const actions = useAppStore((s) => s.synthesis.actions);
  const loaded = useAppStore((s) => s.synthesisLoaded);
  const sort = useAppStore((s) => s.actionSort);
  const filter = useAppStore((s) => s.actionFilter);
  const members = useAppStore((s) => s.members);
  const focusActionId = useAppStore((s) => s.focusActionId);
  const [dropping, setDropping] = useState(false);
  const shown = useMemo(() => visibleActions(actions, sort, filter), [actions, sort, filter]);
  const summary = useMemo(() => actionSummary(actions), [actions]);
  const filtered = isFiltered(filter);

  // An action made elsewhere (a note in the synthesis, a draft action, the form) comes into view with the focus on "who".
  useEffect(() => {
    if (focusActionId === null) return;
    const el =
      document.getElementById(`action-who-${focusActionId}`) ??
      document.querySelector<HTMLElement>(`[data-action-id="${focusActionId}"]`);
    if (!el) {
      const exists = actions.some((a) => a.id === focusActionId);
      // Hidden by the filter: lift it; gone (or never arrived): forget it.
      if (exists && filtered) useAppStore.getState().setActionFilter(NO_ACTION_FILTER);
      else if (loaded && !exists) useAppStore.getState().setFocusAction(null);
      return;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus();
    useAppStore.getState().setFocusAction(null);
  }, [focusActionId, shown, actions, loaded, filtered]);

  /**
   * Makes an action from typed text or from an inspiration card (which stays its source);
   * `focus`: move to its row (not when the keyboard is busy in the deck).
   */
  const create = (
    from: { readonly what: string } | { readonly card: CardSource },
    announceKey: MessageKey,
    focus = true,
  ): boolean => {
    const action =
      'card' in from
        ? synthesis?.addActionFromCard(from.card, locale)
        : synthesis?.addActionFromText(from.what, locale);
    if (!action) return false;
    const state = useAppStore.getState();
    // A new action must be visible: a filter that would hide it is lifted.
    if (filtered) state.setActionFilter(NO_ACTION_FILTER);
    if (focus) state.setFocusAction(action.id);
    state.announce(t(announceKey, { what: action.what }));
    return true;
  };

  // The deck's "Als actie toevoegen": the keyboard twin of dropping a card here.
  const createRef = useRef(create);
  createRef.current = create;
  useEffect(() => {
    const onCard = (e: Event) => {
      const card = cardFromEvent((e as CustomEvent<unknown>).detail);
      if (mayEdit && card) createRef.current({ card }, 'actions.createdFromCard', false);
    };
    window.addEventListener(CARD_ACTION_EVENT, onCard);
    return () => window.removeEventListener(CARD_ACTION_EVENT, onCard);
  }, [mayEdit]);

  const onDragOver = (e: DragEvent) => {
    if (!mayEdit || !isCardDrag(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDrop = (e: DragEvent) => {
    setDropping(false);
    const card = mayEdit ? cardFromDrop(e.dataTransfer) : null;
    if (!card) return;
    e.preventDefault();
    create({ card }, 'actions.createdFromCard');
  };

  return (
    <div
      className={`actions-view${dropping ? ' actions-view--dropping' : ''}`}
      data-testid="actions-view"
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <div className="actions-view__inner">
        <header className="actions-view__head plenary-view__head">
          <h2 id="plenary-view-heading" tabIndex={-1}>
            {t('actions.heading')}
          </h2>
          <p className="actions-view__intro">{t('actions.intro')}</p>
          <Summary summary={summary} />
        </header>
        {!mayEdit && <p className="actions-view__readonly">{t('actions.readOnly')}</p>}
        {mayEdit && <NewActionForm onCreate={(what) => create({ what }, 'actions.created')} />}
        {mayEdit && (
          <p className={`actions-drop${dropping ? ' actions-drop--active' : ''}`} data-testid="actions-drop">
            {dropping ? t('actions.drop.now') : t('actions.drop.hint')}
          </p>
        )}
        <Filters count={shown.length} total={actions.length} />
        <datalist id={PARTICIPANT_LIST_ID}>
          {members.map((m) => (
            <option key={m.id} value={m.name} />
          ))}
        </datalist>
        {actions.length === 0 ? (
          <p className="actions-view__empty" data-testid="actions-empty">
            {loaded ? t('actions.none') : t('actions.loading')}
          </p>
        ) : (
          <table className="actions-table" data-testid="actions-table">
            <caption className="visually-hidden">{t('actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="actions-table__what">
                  {t('actions.col.what')}
                </th>
                {SORT_COLUMNS.map(({ key, label }) => {
                  const active = sort.key === key;
                  return (
                    <th
                      key={key}
                      scope="col"
                      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      className={`actions-table__${key}`}
                    >
                      <button
                        type="button"
                        className="actions-sort"
                        data-testid={`actions-sort-${key}`}
                        onClick={() => {
                          const next = nextSort(sort, key);
                          useAppStore.getState().setActionSort(next.key, next.dir);
                        }}
                      >
                        {t(label)}
                        <span className="actions-sort__arrow" aria-hidden="true">
                          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col" className="actions-table__tools">
                  <span className="visually-hidden">{t('actions.col.tools')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((action) => (
                <ActionRow key={action.id} action={action} mayEdit={mayEdit} />
              ))}
            </tbody>
          </table>
        )}
        {sort.key !== 'created' && (
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => useAppStore.getState().setActionSort('created', 'asc')}
            >
              {t('actions.sort.reset')}
            </button>
          </p>
        )}
        <DraftActions />
      </div>
    </div>
  );
}

/** "12 acties, 3 zonder eigenaar, 2 zonder datum" — the missing ones are links that filter. */
function Summary({ summary }: { summary: ReturnType<typeof actionSummary> }) {
  const t = useT();
  const setFilter = useAppStore((s) => s.setActionFilter);
  const missing = useAppStore((s) => s.actionFilter.missing);
  return (
    <div className="actions-summary" data-testid="actions-summary">
      <p aria-live="polite" aria-atomic="true" className="actions-summary__line">
        <strong>
          {summary.total === 1 ? t('actions.summary.totalOne') : t('actions.summary.total', { count: summary.total })}
        </strong>
        {summary.total > 0 && (
          <>
            {', '}
            {t('actions.summary.withoutOwner', { count: summary.withoutOwner })}
            {', '}
            {t('actions.summary.withoutDate', { count: summary.withoutDate })}
            {' · '}
            {t('actions.summary.status', { open: summary.open, doing: summary.doing, done: summary.done })}
          </>
        )}
      </p>
      {(summary.withoutOwner > 0 || summary.withoutDate > 0 || missing !== null) && (
        <p className="actions-summary__links">
          {summary.withoutOwner > 0 && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-pressed={missing === 'owner'}
              onClick={() => setFilter({ missing: missing === 'owner' ? null : 'owner' })}
              data-testid="actions-missing-owner"
            >
              {t('actions.summary.showWithoutOwner')}
            </button>
          )}
          {summary.withoutDate > 0 && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-pressed={missing === 'date'}
              onClick={() => setFilter({ missing: missing === 'date' ? null : 'date' })}
              data-testid="actions-missing-date"
            >
              {t('actions.summary.showWithoutDate')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** "Nieuwe actie": what must happen; who and when follow in the row. */
function NewActionForm({ onCreate }: { onCreate: (what: string) => boolean }) {
  const t = useT();
  const [what, setWhat] = useState('');
  const inputId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onCreate(what)) setWhat('');
  };
  return (
    <form className="actions-new" onSubmit={submit}>
      <label htmlFor={inputId} className="actions-new__label">
        {t('actions.new.label')}
      </label>
      <div className="actions-new__row">
        <input
          id={inputId}
          className="input"
          value={what}
          maxLength={ACTION_WHAT_LENGTH}
          onChange={(e) => setWhat(e.target.value)}
          data-testid="actions-new-what"
          placeholder={t('actions.new.placeholder')}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={what.trim() === ''}
          data-testid="actions-new-submit"
        >
          {t('actions.new.submit')}
        </button>
      </div>
    </form>
  );
}

/** Filters by owner, field, status and date range. */
function Filters({ count, total }: { count: number; total: number }) {
  const t = useT();
  const locale = useLocale();
  const filter = useAppStore((s) => s.actionFilter);
  const setFilter = useAppStore((s) => s.setActionFilter);
  const actions = useAppStore((s) => s.synthesis.actions);
  const used = useMemo(() => new Set(actions.map((a) => a.sourceFieldId)), [actions]);
  const ids = { who: useId(), field: useId(), status: useId(), from: useId(), to: useId() };
  const filtered = isFiltered(filter);
  const fields = FIELDS.filter((f) => used.has(f.field.id) || filter.fieldId === f.field.id);
  return (
    <fieldset className="actions-filters" data-testid="actions-filters">
      <legend>{t('actions.filter.legend')}</legend>
      <div className="actions-filters__row">
        <label htmlFor={ids.who}>
          <span>{t('actions.filter.who')}</span>
          <input
            id={ids.who}
            className="input"
            value={filter.who}
            list={PARTICIPANT_LIST_ID}
            onChange={(e) => setFilter({ who: e.target.value })}
            data-testid="actions-filter-who"
          />
        </label>
        <label htmlFor={ids.field}>
          <span>{t('actions.filter.field')}</span>
          <select
            id={ids.field}
            className="select"
            value={filter.fieldId}
            onChange={(e) => setFilter({ fieldId: e.target.value })}
            data-testid="actions-filter-field"
          >
            <option value="">{t('actions.filter.any')}</option>
            {fields.map((f) => (
              <option key={f.field.id} value={f.field.id}>
                {localize(f.field.title, locale)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.status}>
          <span>{t('actions.filter.status')}</span>
          <select
            id={ids.status}
            className="select"
            value={filter.status}
            onChange={(e) => setFilter({ status: e.target.value as ActionStatus | '' })}
            data-testid="actions-filter-status"
          >
            <option value="">{t('actions.filter.any')}</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {localize(ACTION_STATUS_LABELS[s], locale)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.from}>
          <span>{t('actions.filter.from')}</span>
          <DateField
            id={ids.from}
            className="input"
            value={filter.from}
            onChange={(from) => setFilter({ from })}
            data-testid="actions-filter-from"
          />
        </label>
        <label htmlFor={ids.to}>
          <span>{t('actions.filter.to')}</span>
          <DateField
            id={ids.to}
            className="input"
            value={filter.to}
            onChange={(to) => setFilter({ to })}
            data-testid="actions-filter-to"
          />
        </label>
        {filtered && (
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setFilter(NO_ACTION_FILTER)}
            data-testid="actions-filter-clear"
          >
            {t('actions.filter.clear')}
          </button>
        )}
      </div>
      <p className="actions-filters__count" aria-live="polite" data-testid="actions-shown">
        {filtered ? t('actions.filter.shown', { count, total }) : ''}
      </p>
    </fieldset>
  );
}

/** "Concept-actiepunten uit de subgroepen": each group's draft actions, taken over one by one or all at once. */
function DraftActions() {
  const t = useT();
  const locale = useLocale();
  const mayEdit = useMayEditPlenary();
  const synthesis = useSynthesis();
  const sources = usePlenarySources();
  const boards = useAppStore((s) => s.plenaryBoards);
  const actions = useAppStore((s) => s.synthesis.actions);
  const me = useAppStore((s) => s.session?.participant.id ?? '');
  const drafts = useMemo(
    () =>
      draftActions(
        sources.map((s) => s.boardId),
        boards,
      ),
    [sources, boards],
  );
  const taken = useMemo(() => takenOver(actions), [actions]);
  const open = drafts.filter((d) => !taken.has(deferralKey(groupOf(d), d.deferral.id)));

  const takeOver = (items: readonly DraftAction[]) => {
    if (!synthesis || items.length === 0) return;
    const now = Date.now();
    const made = items.map((d, i) =>
      actionFromDeferral(d.deferral, groupOf(d), {
        id: newNoteId(),
        createdBy: me,
        now: now + i,
        locale,
        members: useAppStore.getState().members,
      }),
    );
    for (const action of made) synthesis.addAction(action);
    const state = useAppStore.getState();
    state.announce(
      made.length === 1
        ? t('actions.drafts.takenOne', { what: made[0]?.what ?? '' })
        : t('actions.drafts.taken', { count: made.length }),
    );
    if (made.length === 1 && made[0]) state.setFocusAction(made[0].id);
  };

  return (
    <section className="actions-drafts" aria-labelledby="actions-drafts-heading" data-testid="actions-drafts">
      <h3 id="actions-drafts-heading">
        {t('actions.drafts.heading')} <span className="syn-panel__count">{drafts.length}</span>
      </h3>
      <p className="actions-drafts__intro">{t('actions.drafts.intro')}</p>
      {mayEdit && open.length > 1 && (
        <p>
          <button
            type="button"
            className="button button--small"
            onClick={() => takeOver(open)}
            data-testid="actions-drafts-all"
          >
            {t('actions.drafts.takeAll', { count: open.length })}
          </button>
        </p>
      )}
      {drafts.length === 0 ? (
        <p className="muted">{t('actions.drafts.none')}</p>
      ) : (
        sources.map((source) => {
          const own = drafts.filter((d) => d.boardId === source.boardId);
          if (own.length === 0) return null;
          const name = source.name ?? t('plenary.column.plenary');
          return (
            <div key={source.boardId} className="actions-drafts__group">
              <h4>{name}</h4>
              <ul className="actions-drafts__list">
                {own.map((d) => {
                  const action = taken.get(deferralKey(groupOf(d), d.deferral.id));
                  return (
                    <li
                      key={d.deferral.id}
                      className={`actions-draft${action ? ' actions-draft--taken' : ''}`}
                      data-testid={`actions-draft-${d.boardId}-${d.deferral.id}`}
                    >
                      <p className="actions-draft__field">{fieldTitle(d.deferral.fieldId, locale)}</p>
                      <p className="actions-draft__question">{d.deferral.question || '…'}</p>
                      {d.deferral.findOut && (
                        <p className="actions-draft__part">
                          {t('deferral.shownFindOut', { text: d.deferral.findOut })}
                        </p>
                      )}
                      {d.deferral.askWhom && (
                        <p className="actions-draft__part">
                          {t('deferral.shownAskWhom', { text: d.deferral.askWhom })}
                        </p>
                      )}
                      {d.deferral.owner && (
                        <p className="actions-draft__part">{t('deferral.shownOwner', { text: d.deferral.owner })}</p>
                      )}
                      <div className="actions-draft__buttons">
                        {action ? (
                          <>
                            <span className="actions-draft__taken">
                              <Icon name="check" size={16} /> {t('actions.drafts.takenMark')}
                            </span>
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => useAppStore.getState().setFocusAction(action.id)}
                            >
                              {t('actions.drafts.showAction')}
                            </button>
                          </>
                        ) : (
                          mayEdit && (
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => takeOver([d])}
                              data-testid={`actions-draft-take-${d.deferral.id}`}
                              aria-label={t('actions.drafts.takeLabel', {
                                question: d.deferral.question || '…',
                                group: name,
                              })}
                            >
                              {t('actions.drafts.take')}
                            </button>
                          )
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

/** The group id an action from this board records (null for the plenary board). */
function groupOf(d: DraftAction): string | null {
  return d.boardId === 'plenary' ? null : d.boardId;
}
