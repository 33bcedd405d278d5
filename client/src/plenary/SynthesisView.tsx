import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Question } from '@dmc/shared/domain/questions';
import { actionFromNote } from '@dmc/shared/domain/actionTexts';
import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import { localize } from '@dmc/shared/template/lookup';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { newNoteId } from '../collab/boardClient';
import { Icon } from '../components/icons';
import { useLocale, useT, type Translate } from '../i18n';
import { useAppStore } from '../store';
import { ClusterPanel, SelectionBar, useApplyClusterEdit } from './ClusterPanel';
import {
  addToCluster,
  clusterColors,
  clusterOfNote,
  createCluster,
  defaultLabel,
  type SuggestionView,
} from './clusters';
import {
  columnsForField,
  fieldCounts,
  synthesisFields,
  type FieldColumn,
  type NoteCard,
  type SynthesisField,
} from './columns';
import { useMayEditPlenary } from '../workshop/capabilities';
import { usePlenarySources, useSynthesis } from './hooks';
import { useSuggestions } from './suggestions';

/**
 * The synthesis ("gemene delers en verschillen"): per field of both sheets, every subgroup's
 * notes side by side with what the group said about them, its agreed wording and its open action
 * points; the tool's suggested clusters of similar notes; the clusters the plenary confirmed
 * (common ground or a difference, highlighted in one colour across the columns); and the
 * plenary's compromise wording. Live from every board; editable with the plenary-edit right.
 */

/** What the pointer or the focus is on: a cluster or suggestion lights up its notes, and back. */
export type Linked = { readonly kind: 'cluster' | 'suggestion'; readonly id: string } | null;

/** What the columns and the cluster panel share to light up notes together: suggestions, colours, the lit one. */
export interface Linking {
  readonly suggestions: readonly SuggestionView[];
  /** Cluster id → its colour index. */
  readonly colors: ReadonlyMap<string, number>;
  readonly linked: Linked;
  readonly onLink: (linked: Linked) => void;
}

const FIELDS = synthesisFields(discussiemodelTemplate);

/** "1 notitie" or "3 notities". */
function notesText(t: Translate, count: number): string {
  return count === 1 ? t('plenary.count.noteOne') : t('plenary.count.notes', { count });
}

/** The workshop's language, for the clustering's word rules. */
function useWorkshopLanguage(): 'nl' | 'en' {
  return useAppStore((s) => s.settings?.language ?? s.session?.workshop.language ?? 'nl');
}

/** The synthesis view. */
export function SynthesisView() {
  const t = useT();
  const locale = useLocale();
  const sources = usePlenarySources();
  const boards = useAppStore((s) => s.plenaryBoards);
  const clusters = useAppStore((s) => s.synthesis.clusters);
  const formulations = useAppStore((s) => s.synthesis.plenaryFormulations);
  const pickedId = useAppStore((s) => s.synthesisFieldId);
  const language = useWorkshopLanguage();
  const current = FIELDS.find((f) => f.field.id === pickedId) ?? FIELDS[0];
  const fieldId = current?.field.id ?? '';
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [linked, setLinked] = useState<Linked>(null);
  const mayEdit = useMayEditPlenary();
  const applyEdit = useApplyClusterEdit();

  const counts = useMemo(() => fieldCounts(sources, boards), [sources, boards]);
  const columns = useMemo(() => columnsForField(sources, boards, fieldId), [sources, boards, fieldId]);
  const cards = useMemo(() => columns.flatMap((c) => c.cards), [columns]);
  const fieldClusters = useMemo(() => clusters.filter((c) => c.fieldId === fieldId), [clusters, fieldId]);
  // The suggestions (clustering every group's notes in the field) follow the columns, worked out
  // off the page's thread (suggestions.ts); another field's are not shown.
  const clusterInput = useMemo(() => ({ fieldId, cards, clusters, language }), [fieldId, cards, clusters, language]);
  const suggestions = useSuggestions(clusterInput);
  const colors = useMemo(() => clusterColors(fieldClusters), [fieldClusters]);
  const linking: Linking = { suggestions, colors, linked, onLink: setLinked };
  const membership = useMemo(() => clusterOfNote(fieldClusters), [fieldClusters]);
  const clustersPerField = useMemo(() => {
    const out = new Map<string, number>();
    for (const c of clusters) out.set(c.fieldId, (out.get(c.fieldId) ?? 0) + 1);
    return out;
  }, [clusters]);
  const worded = useMemo(
    () => new Set(formulations.filter((f) => f.text.trim() !== '').map((f) => f.fieldId)),
    [formulations],
  );

  // Another field: start with nothing selected and nothing lit up.
  useEffect(() => {
    setSelected(new Set());
    setLinked(null);
  }, [fieldId]);
  // Notes that left the field (or the board) drop out of the selection.
  useEffect(() => {
    const present = new Set(cards.map((c) => c.note.id));
    setSelected((prev) =>
      [...prev].every((id) => present.has(id)) ? prev : new Set([...prev].filter((id) => present.has(id))),
    );
  }, [cards]);

  if (!current) return null;
  const index = FIELDS.indexOf(current);
  const go = (target: SynthesisField | undefined) => {
    if (!target) return;
    useAppStore.getState().setSynthesisField(target.field.id);
    const count = counts.get(target.field.id)?.notes ?? 0;
    useAppStore
      .getState()
      .announce(t('plenary.field.announce', { field: localize(target.field.title, locale), count }));
  };
  const toggle = (noteId: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(noteId)) next.delete(noteId);
      else next.add(noteId);
      return next;
    });
  const count = counts.get(fieldId);

  return (
    <div className="synthesis" data-testid="synthesis-view" data-field-id={fieldId}>
      <FieldPicker current={fieldId} counts={counts} clustersPerField={clustersPerField} worded={worded} onPick={go} />
      <div className="synthesis__main">
        <header className="synthesis__head plenary-view__head">
          <p className="synthesis__eyebrow">
            {localize(current.sheet.label, locale)} — {localize(current.sheet.title, locale)} ·{' '}
            {t('plenary.field.position', { index: index + 1, count: FIELDS.length })}
          </p>
          <h2 id="plenary-view-heading" className="synthesis__title" tabIndex={-1} data-testid="synthesis-field-title">
            {localize(current.field.title, locale)}
          </h2>
          {current.field.questions.map((q, i) => (
            <p key={i} className="synthesis__question">
              {localize(q, locale)}
            </p>
          ))}
          <div className="synthesis__nav">
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={index === 0}
              onClick={() => go(FIELDS[index - 1])}
              data-testid="synthesis-prev"
            >
              <span aria-hidden="true">←</span> {t('plenary.field.prev')}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={index === FIELDS.length - 1}
              onClick={() => go(FIELDS[index + 1])}
              data-testid="synthesis-next"
            >
              {t('plenary.field.next')} <span aria-hidden="true">→</span>
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => useAppStore.getState().openInfo({ kind: 'field', id: fieldId })}
            >
              <Icon name="info" size={16} /> {t('plenary.field.info')}
            </button>
            <p className="synthesis__counts" aria-live="polite" data-testid="synthesis-counts">
              {t('plenary.field.counts', {
                notes: notesText(t, count?.notes ?? 0),
                groups: count?.groups ?? 0,
                total: sources.length,
              })}{' '}
              ·{' '}
              {t('plenary.field.clusterCounts', {
                clusters:
                  fieldClusters.length === 1
                    ? t('plenary.count.clusterOne')
                    : t('plenary.count.clusters', { count: fieldClusters.length }),
                suggestions:
                  suggestions.length === 1
                    ? t('plenary.count.suggestionOne')
                    : t('plenary.count.suggestions', { count: suggestions.length }),
              })}
            </p>
          </div>
          {/* One group of 4–5 (or none): no other groups to compare with, so this is a review of the own sheet. */}
          {sources.length === 1 && (
            <p className="synthesis__single" data-testid="synthesis-single-group">
              {t('plenary.singleGroup')}
            </p>
          )}
        </header>
        <div className="synthesis__body">
          <div className="synthesis__columns" data-testid="synthesis-columns">
            {columns.map((column) => (
              <GroupColumn
                key={column.source.boardId}
                column={column}
                fieldTitle={localize(current.field.title, locale)}
                selected={selected}
                onToggle={toggle}
                membership={membership}
                {...linking}
              />
            ))}
          </div>
          <ClusterPanel field={current} cards={cards} clusters={fieldClusters} allClusters={clusters} {...linking} />
        </div>
        {mayEdit && selected.size > 0 && (
          <SelectionBar
            selected={selected}
            clusters={fieldClusters}
            onCreate={() => {
              const ids = [...selected];
              const label = defaultLabel(
                ids.map((id) => cards.find((c) => c.note.id === id)?.note.text ?? ''),
                language,
              );
              applyEdit(createCluster(fieldId, ids, label, clusters), t('plenary.cluster.created', { label }));
              setSelected(new Set());
            }}
            onAdd={(cluster) => {
              applyEdit(
                addToCluster(cluster, [...selected], clusters),
                t('plenary.cluster.added', { label: cluster.label, count: selected.size }),
              );
              setSelected(new Set());
            }}
            onClear={() => setSelected(new Set())}
          />
        )}
      </div>
    </div>
  );
}

/** The fields in template order, grouped by sheet, with counts; the current one is marked. */
function FieldPicker(props: {
  current: string;
  counts: ReadonlyMap<string, { notes: number; groups: number; deferrals: number }>;
  clustersPerField: ReadonlyMap<string, number>;
  worded: ReadonlySet<string>;
  onPick: (field: SynthesisField) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const sheets = discussiemodelTemplate.sheets;
  return (
    <nav className="synthesis__fields" aria-label={t('plenary.fields.label')} data-testid="synthesis-fields">
      {sheets.map((sheet) => (
        <div key={sheet.id} className="synthesis__sheet">
          <h2 className="synthesis__sheet-title" id={`synthesis-sheet-${sheet.id}`}>
            {localize(sheet.label, locale)} — {localize(sheet.title, locale)}
          </h2>
          <ul className="synthesis__field-list" aria-labelledby={`synthesis-sheet-${sheet.id}`}>
            {FIELDS.filter((f) => f.sheet.id === sheet.id).map((f) => {
              const count = props.counts.get(f.field.id);
              const notes = count?.notes ?? 0;
              const clusterCount = props.clustersPerField.get(f.field.id) ?? 0;
              const current = f.field.id === props.current;
              return (
                <li key={f.field.id} className={f.depth > 0 ? 'synthesis__field--nested' : undefined}>
                  <button
                    type="button"
                    className="synthesis__field"
                    aria-current={current ? 'true' : undefined}
                    data-testid={`synthesis-field-${f.field.id}`}
                    onClick={() => props.onPick(f)}
                  >
                    <span className="synthesis__field-name">{localize(f.field.title, locale)}</span>
                    <span className="synthesis__field-meta">
                      <span>{notesText(t, notes)}</span>
                      {clusterCount > 0 && (
                        <span>
                          {clusterCount === 1
                            ? t('plenary.count.clusterOne')
                            : t('plenary.count.clusters', { count: clusterCount })}
                        </span>
                      )}
                      {props.worded.has(f.field.id) && (
                        <span className="synthesis__field-done">
                          <Icon name="check" size={14} /> {t('plenary.count.worded')}
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** One subgroup's answers to the field. */
function GroupColumn(
  props: Linking & {
    column: FieldColumn;
    fieldTitle: string;
    selected: ReadonlySet<string>;
    onToggle: (noteId: string) => void;
    membership: ReadonlyMap<string, ClusterRecord>;
  },
) {
  const t = useT();
  const { column } = props;
  const name = column.source.name ?? t('plenary.column.plenary');
  const headingId = `synthesis-col-${column.source.boardId}`;
  const style = column.source.color ? ({ '--group-color': column.source.color } as CSSProperties) : undefined;
  const suggestionOf = useMemo(() => {
    const out = new Map<string, SuggestionView>();
    for (const s of props.suggestions) for (const id of s.free) out.set(id, s);
    return out;
  }, [props.suggestions]);
  return (
    <section
      className="syn-column"
      aria-labelledby={headingId}
      style={style}
      data-testid={`synthesis-column-${column.source.boardId}`}
    >
      <h3 className="syn-column__title" id={headingId}>
        <span className="syn-column__dot" aria-hidden="true" />
        <span>{name}</span>
        <span className="syn-column__count">{notesText(t, column.cards.length)}</span>
      </h3>
      {column.status !== 'live' && (
        <p className="syn-column__status" role="status">
          {column.status === 'connecting'
            ? t('plenary.column.connecting')
            : column.status === 'unavailable'
              ? t('plenary.column.unavailable')
              : t('plenary.column.gone')}
        </p>
      )}
      <div className="syn-column__wording" role="group" aria-label={t('plenary.column.wordingOf', { group: name })}>
        <p className="syn-column__label">{t('formulation.heading')}</p>
        {column.formulation ? (
          <p className="syn-column__wording-text">{column.formulation.text}</p>
        ) : (
          <p className="muted syn-column__none">{t('plenary.column.noWording')}</p>
        )}
      </div>
      {column.cards.length > 0 ? (
        <ul className="syn-notes" aria-label={t('plenary.column.notesOf', { group: name, field: props.fieldTitle })}>
          {column.cards.map((card) => (
            <NoteCardView
              key={card.note.id}
              card={card}
              group={name}
              selected={props.selected.has(card.note.id)}
              onToggle={props.onToggle}
              cluster={props.membership.get(card.note.id) ?? null}
              color={props.colors.get(props.membership.get(card.note.id)?.id ?? '') ?? null}
              suggestion={suggestionOf.get(card.note.id) ?? null}
              linked={props.linked}
              onLink={props.onLink}
            />
          ))}
        </ul>
      ) : (
        column.status === 'live' && <p className="muted syn-column__none">{t('plenary.column.noNotes')}</p>
      )}
      {column.deferrals.length > 0 && (
        <div
          className="syn-column__deferrals"
          role="group"
          aria-label={t('plenary.column.deferralsOf', { group: name })}
        >
          <p className="syn-column__label">
            <Icon name="flag" size={14} />{' '}
            {column.deferrals.length === 1
              ? t('deferral.countOne')
              : t('deferral.count', { count: column.deferrals.length })}
          </p>
          <ul className="syn-deferrals">
            {column.deferrals.map((d) => (
              <li key={d.id} className="syn-deferral">
                <p className="syn-deferral__question">{d.question || '…'}</p>
                {d.findOut && <p className="syn-deferral__part">{t('deferral.shownFindOut', { text: d.findOut })}</p>}
                {d.askWhom && <p className="syn-deferral__part">{t('deferral.shownAskWhom', { text: d.askWhom })}</p>}
                {d.owner && <p className="syn-deferral__part">{t('deferral.shownOwner', { text: d.owner })}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {column.questions.length > 0 && <ColumnQuestions questions={column.questions} group={name} />}
    </section>
  );
}

/** The listeners' questions to this group about this field, from the presentations. */
function ColumnQuestions({ questions, group }: { questions: readonly Question[]; group: string }) {
  const t = useT();
  const members = useAppStore((s) => s.members);
  return (
    <div
      className="syn-column__questions"
      role="group"
      aria-label={t('questions.ofGroup', { group })}
      data-testid="synthesis-questions"
    >
      <p className="syn-column__label">{t('questions.inSynthesis', { count: questions.length })}</p>
      <ul className="syn-deferrals">
        {questions.map((q) => (
          <li key={`${q.authorId}:${q.slot}`} className="syn-deferral">
            <p className="syn-deferral__question">{q.text}</p>
            <p className="syn-deferral__part">
              {members.find((m) => m.id === q.authorId)?.name ?? t('questions.someone')}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One note: its text, what the group said about it, its cluster, and the plenary's buttons. */
function NoteCardView(props: {
  card: NoteCard;
  group: string;
  selected: boolean;
  onToggle: (noteId: string) => void;
  cluster: ClusterRecord | null;
  color: number | null;
  suggestion: SuggestionView | null;
  linked: Linked;
  onLink: (linked: Linked) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const synthesis = useSynthesis();
  const mayEdit = useMayEditPlenary();
  const me = useAppStore((s) => s.session?.participant.id ?? '');
  const actionsFromNote = useAppStore(
    (s) => s.synthesis.actions.filter((a) => a.sourceNoteId === props.card.note.id).length,
  );
  const [made, setMade] = useState<string | null>(null);
  const madeRef = useRef<HTMLButtonElement>(null);
  const { card, cluster, suggestion, linked } = props;
  const note = card.note;
  const text = note.text.trim() || t('note.empty');
  const excerpt = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  const lit =
    linked !== null &&
    ((linked.kind === 'cluster' && cluster?.id === linked.id) ||
      (linked.kind === 'suggestion' && suggestion?.suggestion.id === linked.id));
  const link: Linked = cluster
    ? { kind: 'cluster', id: cluster.id }
    : suggestion
      ? { kind: 'suggestion', id: suggestion.suggestion.id }
      : null;
  const checkboxId = `syn-select-${note.id}`;

  useEffect(() => {
    if (made) madeRef.current?.focus();
  }, [made]);

  const makeAction = () => {
    if (!synthesis) return;
    const action = actionFromNote(note, card.boardId === 'plenary' ? null : card.boardId, {
      id: newNoteId(),
      createdBy: me,
      now: Date.now(),
      locale,
    });
    synthesis.addAction(action);
    setMade(action.id);
    useAppStore.getState().announce(t('actions.createdFromNote', { what: action.what }));
  };

  const classes = ['syn-note'];
  if (cluster) classes.push('syn-note--clustered');
  else if (suggestion) classes.push('syn-note--suggested');
  if (lit) classes.push('syn-note--lit');
  if (props.selected) classes.push('syn-note--selected');
  return (
    <li
      className={classes.join(' ')}
      data-testid={`synthesis-note-${note.id}`}
      data-cluster-id={cluster?.id}
      data-color={props.color ?? undefined}
      onMouseEnter={() => link && props.onLink(link)}
      onMouseLeave={() => link && props.onLink(null)}
      onFocus={() => link && props.onLink(link)}
    >
      <div className="syn-note__top">
        {mayEdit && (
          <input
            type="checkbox"
            id={checkboxId}
            className="syn-note__check"
            checked={props.selected}
            onChange={() => props.onToggle(note.id)}
            data-testid={`synthesis-select-${note.id}`}
            aria-label={t('plenary.note.select', { text: excerpt, group: props.group })}
          />
        )}
        <p className="syn-note__text">{text}</p>
      </div>
      <p className="syn-note__meta">
        <span title={t('marks.title.agree', { count: card.agree })}>
          <span aria-hidden="true">✓</span> {card.agree}
          <span className="visually-hidden"> {t('action.mark.agree')}</span>
        </span>
        <span title={t('marks.title.disagree', { count: card.disagree })}>
          <span aria-hidden="true">✗</span> {card.disagree}
          <span className="visually-hidden"> {t('action.mark.disagree')}</span>
        </span>
        <span title={t('marks.title.open', { count: card.open })}>
          <span aria-hidden="true">?</span> {card.open}
          <span className="visually-hidden"> {t('action.mark.open')}</span>
        </span>
        {card.votes > 0 && (
          <span>
            <span aria-hidden="true">●</span>{' '}
            {card.votes === 1 ? t('votes.countOne') : t('votes.count', { count: card.votes })}
          </span>
        )}
        {card.highlighted && (
          <span className="syn-note__badge">
            <span aria-hidden="true">★</span> {t('plenary.note.highlight')}
          </span>
        )}
        {card.chosen && (
          <span className="syn-note__badge syn-note__badge--chosen">
            <Icon name="check" size={14} /> {t('plenary.note.chosen')}
          </span>
        )}
      </p>
      {cluster && (
        <p className="syn-note__cluster">
          <span className="syn-swatch" data-color={props.color ?? undefined} aria-hidden="true" />
          <span>
            {t('plenary.note.inCluster', { label: cluster.label || t('plenary.cluster.unnamed') })}
            {cluster.kind && ` · ${t(cluster.kind === 'common' ? 'plenary.kind.common' : 'plenary.kind.difference')}`}
          </span>
        </p>
      )}
      {!cluster && suggestion && (
        <p className="syn-note__suggestion">
          <span aria-hidden="true">⋯ </span>
          {t('plenary.note.suggested', { label: suggestion.suggestion.label })}
        </p>
      )}
      {(mayEdit || actionsFromNote > 0) && (
        <div className="syn-note__actions">
          {actionsFromNote > 0 && (
            <span className="syn-note__made">
              {actionsFromNote === 1
                ? t('plenary.note.actionOne')
                : t('plenary.note.actions', { count: actionsFromNote })}
            </span>
          )}
          {mayEdit && made === null && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={makeAction}
              data-testid={`synthesis-make-action-${note.id}`}
              aria-label={t('plenary.note.makeActionLabel', { text: excerpt })}
            >
              {t('plenary.note.makeAction')}
            </button>
          )}
          {made !== null && (
            <button
              ref={madeRef}
              type="button"
              className="button button--small"
              data-testid={`synthesis-show-action-${note.id}`}
              onClick={() => {
                const state = useAppStore.getState();
                state.setFocusAction(made);
                state.setPlenaryView('actions');
              }}
            >
              {t('plenary.note.showAction')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
