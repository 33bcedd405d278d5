import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FORMULATION_LENGTH } from '@dmc/shared/domain/discussion';
import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import { useLocale, useT } from '../i18n';
import { formatPercent } from '../i18n/format';
import { useAppStore } from '../store';
import {
  confirmSuggestion,
  markCluster,
  relabelCluster,
  removeFromCluster,
  type ClusterEdit,
  type SuggestionView,
} from './clusters';
import type { NoteCard, SynthesisField } from './columns';
import { useMayEditPlenary } from '../workshop/capabilities';
import { useSynthesis } from './hooks';
import { focusNext, useFocusAfter } from '../components/focus';
import type { Linked, Linking } from './SynthesisView';
import { ChangedMeanwhile } from '../components/ChangedMeanwhile';

/**
 * The plenary's side of a field in the synthesis: its compromise wording, the clusters it
 * confirmed (label, common ground or difference, members), the tool's suggestions with the words
 * that explain them, and what can be done with the notes selected in the columns.
 */
export function ClusterPanel(
  props: Linking & {
    field: SynthesisField;
    cards: readonly NoteCard[];
    clusters: readonly ClusterRecord[];
    allClusters: readonly ClusterRecord[];
  },
) {
  const t = useT();
  const mayEdit = useMayEditPlenary();
  const groupName = useGroupName();
  const byId = useMemo(() => new Map(props.cards.map((c) => [c.note.id, c])), [props.cards]);
  const apply = useApplyClusterEdit();
  const focusAfter = useFocusAfter();
  const fieldId = props.field.field.id;

  return (
    <aside className="syn-panel" aria-label={t('plenary.panel.label')}>
      <PlenaryWording fieldId={fieldId} key={fieldId} />
      <section className="syn-panel__section" aria-labelledby="syn-clusters-heading">
        <h3 id="syn-clusters-heading" className="syn-panel__title" tabIndex={-1}>
          {t('plenary.clusters.heading')} <span className="syn-panel__count">{props.clusters.length}</span>
        </h3>
        {props.clusters.length === 0 ? (
          <p className="muted syn-panel__empty">
            {mayEdit ? t('plenary.clusters.noneEdit') : t('plenary.clusters.none')}
          </p>
        ) : (
          <ul className="syn-clusters" data-testid="synthesis-clusters">
            {props.clusters.map((cluster) => (
              <ClusterItem
                key={cluster.id}
                cluster={cluster}
                color={props.colors.get(cluster.id) ?? 0}
                cards={byId}
                groupName={groupName}
                mayEdit={mayEdit}
                lit={props.linked?.kind === 'cluster' && props.linked.id === cluster.id}
                onLink={props.onLink}
                apply={apply}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="syn-panel__section" aria-labelledby="syn-suggestions-heading">
        <h3 id="syn-suggestions-heading" className="syn-panel__title">
          {t('plenary.suggestions.heading')} <span className="syn-panel__count">{props.suggestions.length}</span>
        </h3>
        <p className="syn-panel__hint">{t('plenary.suggestions.hint')}</p>
        {props.suggestions.length === 0 ? (
          <p className="muted syn-panel__empty">{t('plenary.suggestions.none')}</p>
        ) : (
          <ul className="syn-suggestions" data-testid="synthesis-suggestions">
            {props.suggestions.map((s) => (
              <SuggestionItem
                key={s.suggestion.id}
                view={s}
                cards={byId}
                groupName={groupName}
                mayEdit={mayEdit}
                lit={props.linked?.kind === 'suggestion' && props.linked.id === s.suggestion.id}
                onLink={props.onLink}
                onConfirm={(kind) => {
                  apply(
                    confirmSuggestion(s, fieldId, kind),
                    t('plenary.suggestion.confirmed', { label: s.suggestion.label }),
                  );
                  // The suggestion is gone: on to the next one, else to the clusters it joined.
                  focusAfter(
                    () =>
                      document.querySelector<HTMLElement>('.syn-suggestions [data-testid^="synthesis-confirm-"]') ??
                      document.getElementById('syn-clusters-heading'),
                    { onlyIfLost: true },
                  );
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}

/** Writes a cluster edit (if it changes anything) and tells screen readers what happened. */
export function useApplyClusterEdit(): (edit: ClusterEdit, announcement: string) => void {
  const synthesis = useSynthesis();
  return (edit, announcement) => {
    if (!synthesis || (edit.put.length === 0 && edit.remove.length === 0)) return;
    synthesis.editClusters(edit);
    useAppStore.getState().announce(announcement);
  };
}

/** A subgroup's name by board id. */
function useGroupName(): (boardId: string) => string {
  const t = useT();
  const groups = useAppStore((s) => s.groups);
  return useMemo(() => {
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return (boardId: string) => names.get(boardId) ?? t('plenary.column.plenary');
  }, [groups, t]);
}

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The plenary's compromise wording for the field, saved explicitly in the writer's name. */
function PlenaryWording({ fieldId }: { fieldId: string }) {
  const t = useT();
  const mayEdit = useMayEditPlenary();
  const synthesis = useSynthesis();
  const current = useAppStore((s) => s.synthesis.plenaryFormulations.find((f) => f.fieldId === fieldId));
  const members = useAppStore((s) => s.members);
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  const [text, setText] = useState(current?.text ?? '');
  const [dirty, setDirty] = useState(false);
  const base = useRef(current?.updatedAt ?? 0);
  const textId = useId();
  const countId = useId();
  const focusAfter = useFocusAfter();
  const me = useAppStore((s) => s.session?.participant.id);
  const changedMeanwhile =
    dirty && current !== undefined && current.updatedAt !== base.current && current.updatedBy !== me;

  // Someone else's save shows up at once while I am not editing.
  useEffect(() => {
    if (dirty) return;
    setText(current?.text ?? '');
    base.current = current?.updatedAt ?? 0;
  }, [current, dirty]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!synthesis) return;
    synthesis.setPlenaryFormulation(fieldId, text.slice(0, FORMULATION_LENGTH));
    setDirty(false);
    useAppStore.getState().announce(t('plenary.wording.saved'));
    // "Opslaan" is disabled until the next change: the focus goes back to the text.
    focusAfter(() => document.getElementById(textId), { onlyIfLost: true });
  };

  return (
    <section className="syn-panel__section syn-wording" aria-labelledby="syn-wording-heading">
      <h3 id="syn-wording-heading" className="syn-panel__title">
        {t('plenary.wording.heading')}
      </h3>
      {mayEdit ? (
        <form onSubmit={save}>
          <label htmlFor={textId} className="syn-wording__label">
            {t('plenary.wording.label')}
          </label>
          {changedMeanwhile && (
            <ChangedMeanwhile
              name={nameOf(current.updatedBy)}
              onLoadLatest={() => {
                setText(current.text);
                base.current = current.updatedAt;
                setDirty(false);
              }}
            />
          )}
          <textarea
            id={textId}
            className="textarea"
            rows={4}
            maxLength={FORMULATION_LENGTH}
            value={text}
            aria-describedby={countId}
            data-testid="synthesis-wording-text"
            onChange={(e) => {
              setText(e.target.value);
              setDirty(true);
            }}
          />
          <div className="syn-wording__row">
            <span id={countId} className="hint">
              {t('formulation.chars', { count: text.length, max: FORMULATION_LENGTH })}
            </span>
            <button
              type="submit"
              className="button button--small button--primary"
              disabled={!dirty}
              data-testid="synthesis-wording-save"
            >
              {t('plenary.wording.save')}
            </button>
          </div>
        </form>
      ) : current && current.text.trim() !== '' ? (
        <blockquote className="formulation">
          <p className="formulation__text" data-testid="synthesis-wording">
            {current.text}
          </p>
        </blockquote>
      ) : (
        <p className="muted syn-panel__empty">{t('plenary.wording.none')}</p>
      )}
      {current && current.text.trim() !== '' && (
        <p className="syn-wording__by">{t('formulation.by', { name: nameOf(current.updatedBy) })}</p>
      )}
    </section>
  );
}

/** What to do with the notes selected in the columns: kept in view at the bottom while any are selected. */
export function SelectionBar(props: {
  selected: ReadonlySet<string>;
  clusters: readonly ClusterRecord[];
  onCreate: () => void;
  onAdd: (cluster: ClusterRecord) => void;
  onClear: () => void;
}) {
  const t = useT();
  const count = props.selected.size;
  const selectId = useId();
  // With the selection gone this bar disappears: the focus goes to the clusters it changed.
  const then =
    (action: () => void, target = () => document.getElementById('syn-clusters-heading')) =>
    () => {
      action();
      focusNext(target, { onlyIfLost: true });
    };
  return (
    <section className="syn-selection" aria-label={t('plenary.selection.label')} data-testid="synthesis-selection">
      <p className="syn-selection__count" aria-live="polite">
        {count === 1 ? t('plenary.selection.countOne') : t('plenary.selection.count', { count })}
      </p>
      <div className="syn-selection__buttons">
        <button
          type="button"
          className="button button--small button--primary"
          onClick={then(props.onCreate)}
          data-testid="synthesis-selection-create"
        >
          {t('plenary.selection.create')}
        </button>
        {props.clusters.length > 0 && (
          <label className="syn-selection__add" htmlFor={selectId}>
            <span>{t('plenary.selection.addTo')}</span>
            <select
              id={selectId}
              className="select"
              value=""
              onChange={(e) => {
                const target = props.clusters.find((c) => c.id === e.target.value);
                if (target) then(() => props.onAdd(target))();
              }}
            >
              <option value="">{t('plenary.selection.choose')}</option>
              {props.clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label || t('plenary.cluster.unnamed')}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={then(props.onClear, () => document.getElementById('main'))}
        >
          {t('plenary.selection.clear')}
        </button>
      </div>
      <p className="hint">{t('plenary.selection.hint')}</p>
    </section>
  );
}

/** A confirmed cluster: its label, kind and members, and the plenary's edits. */
function ClusterItem(props: {
  cluster: ClusterRecord;
  color: number;
  cards: ReadonlyMap<string, NoteCard>;
  groupName: (boardId: string) => string;
  mayEdit: boolean;
  lit: boolean;
  onLink: (linked: Linked) => void;
  apply: (edit: ClusterEdit, announcement: string) => void;
}) {
  const t = useT();
  const { cluster, mayEdit, apply } = props;
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(cluster.label);
  const renameButton = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const headingId = `syn-cluster-${cluster.id}`;
  const name = cluster.label || t('plenary.cluster.unnamed');
  const link = { kind: 'cluster', id: cluster.id } as const;
  const members = cluster.itemIds.map((id) => ({ id, card: props.cards.get(id) }));
  const groups = new Set(members.flatMap((m) => (m.card ? [m.card.boardId] : [])));
  const stopRenaming = () => {
    setRenaming(false);
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  return (
    <li
      className={`syn-cluster${props.lit ? ' syn-cluster--lit' : ''}`}
      data-color={props.color}
      data-testid={`synthesis-cluster-${cluster.id}`}
      data-kind={cluster.kind ?? ''}
      aria-labelledby={headingId}
      onMouseEnter={() => props.onLink(link)}
      onMouseLeave={() => props.onLink(null)}
      onFocus={() => props.onLink(link)}
    >
      <div className="syn-cluster__head">
        <span className="syn-swatch" data-color={props.color} aria-hidden="true" />
        <h4 id={headingId} className="syn-cluster__label">
          {name}
        </h4>
        {cluster.kind && (
          <span className={`syn-kind syn-kind--${cluster.kind}`}>
            {t(cluster.kind === 'common' ? 'plenary.kind.common' : 'plenary.kind.difference')}
          </span>
        )}
      </div>
      <p className="syn-cluster__meta">
        {t('plenary.cluster.meta', { notes: cluster.itemIds.length, groups: groups.size })}
      </p>
      {mayEdit && (
        <div className="syn-kind-toggle" role="group" aria-label={t('plenary.kind.label', { label: name })}>
          {(['common', 'difference'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={`button button--small syn-kind-button syn-kind-button--${kind}`}
              aria-pressed={cluster.kind === kind}
              data-testid={`synthesis-kind-${kind}-${cluster.id}`}
              onClick={() => {
                const next = cluster.kind === kind ? null : kind;
                apply(
                  markCluster(cluster, next),
                  next === null
                    ? t('plenary.kind.cleared', { label: name })
                    : t('plenary.kind.marked', {
                        label: name,
                        kind: t(kind === 'common' ? 'plenary.kind.common' : 'plenary.kind.difference'),
                      }),
                );
              }}
            >
              {t(kind === 'common' ? 'plenary.kind.common' : 'plenary.kind.difference')}
            </button>
          ))}
        </div>
      )}
      <ul className="syn-members" aria-label={t('plenary.cluster.members', { label: name })}>
        {members.map(({ id, card }) => (
          <li key={id} className="syn-member">
            <span className="syn-member__group">{card ? props.groupName(card.boardId) : '—'}</span>
            <span className="syn-member__text">
              {card ? excerpt(card.note.text) || t('note.empty') : t('plenary.cluster.missingNote')}
            </span>
            {mayEdit && (
              <button
                type="button"
                className="link-button syn-member__remove"
                onClick={() =>
                  apply(removeFromCluster(cluster, [id]), t('plenary.cluster.removedNote', { label: name }))
                }
                aria-label={t('plenary.cluster.removeNoteLabel', {
                  text: card ? excerpt(card.note.text, 40) : id,
                  label: name,
                })}
              >
                {t('plenary.cluster.removeNote')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayEdit &&
        (renaming ? (
          <form
            className="syn-rename"
            onSubmit={(e) => {
              e.preventDefault();
              apply(relabelCluster(cluster, label), t('plenary.cluster.renamed', { label: label.trim() }));
              stopRenaming();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setLabel(cluster.label);
                stopRenaming();
              }
            }}
          >
            <label htmlFor={inputId}>{t('plenary.cluster.labelField')}</label>
            <input
              id={inputId}
              className="input"
              value={label}
              maxLength={200}
              onChange={(e) => setLabel(e.target.value)}
              autoFocus
              data-testid={`synthesis-label-input-${cluster.id}`}
            />
            <div className="syn-rename__buttons">
              <button type="submit" className="button button--small button--primary">
                {t('plenary.cluster.saveLabel')}
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => {
                  setLabel(cluster.label);
                  stopRenaming();
                }}
              >
                {t('deferral.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="syn-cluster__buttons">
            <button
              ref={renameButton}
              type="button"
              className="button button--small button--secondary"
              onClick={() => {
                setLabel(cluster.label);
                setRenaming(true);
              }}
              aria-label={t('plenary.cluster.renameLabel', { label: name })}
            >
              {t('plenary.cluster.rename')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => {
                apply({ put: [], remove: [cluster.id] }, t('plenary.cluster.deleted', { label: name }));
                focusNext(() => document.getElementById('syn-clusters-heading'), { onlyIfLost: true });
              }}
              aria-label={t('plenary.cluster.deleteLabel', { label: name })}
              data-testid={`synthesis-cluster-delete-${cluster.id}`}
            >
              {t('plenary.cluster.delete')}
            </button>
          </div>
        ))}
    </li>
  );
}

/** A suggested cluster: the notes, why the tool grouped them, and confirm. */
function SuggestionItem(props: {
  view: SuggestionView;
  cards: ReadonlyMap<string, NoteCard>;
  groupName: (boardId: string) => string;
  mayEdit: boolean;
  lit: boolean;
  onLink: (linked: Linked) => void;
  onConfirm: (kind: ClusterRecord['kind']) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { view } = props;
  const s = view.suggestion;
  const headingId = `syn-suggestion-${s.id}`;
  const link = { kind: 'suggestion', id: s.id } as const;
  const percent = formatPercent(s.score, locale);
  return (
    <li
      className={`syn-suggestion${props.lit ? ' syn-suggestion--lit' : ''}`}
      data-testid={`synthesis-suggestion-${s.id}`}
      aria-labelledby={headingId}
      onMouseEnter={() => props.onLink(link)}
      onMouseLeave={() => props.onLink(null)}
      onFocus={() => props.onLink(link)}
    >
      <p className="syn-suggestion__eyebrow">
        {t('plenary.suggestion.meta', { notes: s.itemIds.length, groups: s.groupIds.length, similarity: percent })}
      </p>
      <h4 id={headingId} className="syn-suggestion__label">
        {s.label}
      </h4>
      {view.why.words.length > 0 && (
        <p className="syn-suggestion__why">
          <span className="syn-suggestion__why-title">{t('plenary.suggestion.why')}</span>{' '}
          {view.why.words.map((w, i) => (
            <span key={w.term}>
              {i > 0 && ', '}
              <mark className="syn-word">{w.words.slice(0, 2).join(' / ')}</mark>
              {view.why.pairs > 1 && (
                <span className="muted"> {t('plenary.suggestion.pairs', { pairs: w.pairs, of: view.why.pairs })}</span>
              )}
            </span>
          ))}
        </p>
      )}
      <ul className="syn-members" aria-label={t('plenary.suggestion.members', { label: s.label })}>
        {s.itemIds.map((id) => {
          const card = props.cards.get(id);
          const clustered = view.clustered.includes(id);
          return (
            <li key={id} className={`syn-member${clustered ? ' syn-member--clustered' : ''}`}>
              <span className="syn-member__group">{card ? props.groupName(card.boardId) : '—'}</span>
              <span className="syn-member__text">{card ? excerpt(card.note.text) || t('note.empty') : id}</span>
              {clustered && <span className="syn-member__note">{t('plenary.suggestion.alreadyClustered')}</span>}
            </li>
          );
        })}
      </ul>
      {props.mayEdit && (
        <div className="syn-suggestion__buttons">
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => props.onConfirm(null)}
            data-testid={`synthesis-confirm-${s.id}`}
          >
            {t('plenary.suggestion.confirm')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => props.onConfirm('common')}
            data-testid={`synthesis-confirm-common-${s.id}`}
          >
            {t('plenary.suggestion.confirmCommon')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => props.onConfirm('difference')}
          >
            {t('plenary.suggestion.confirmDifference')}
          </button>
        </div>
      )}
    </li>
  );
}
