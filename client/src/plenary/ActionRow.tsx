import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  ACTION_STATUSES,
  ACTION_WHAT_LENGTH,
  ACTION_WHO_LENGTH,
  type ActionItem,
  type ActionStatus,
} from '@dmc/shared/domain/actionItems';
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS } from '@dmc/shared/domain/actionTexts';
import { checkSynthesisChanges } from '@dmc/shared/domain/synthesisRules';
import { localize } from '@dmc/shared/template/lookup';
import { Icon } from '../components/icons';
import { useLocale, useT } from '../i18n';
import { formatDay } from '../i18n/format';
import { DateField } from '../components/DateField';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { clampWhat } from '@dmc/shared/domain/actionItems';
import { actionSource, hasSource, ownerFrom } from '../store/actionTable';
import { fieldTitle } from './columns';
import { useSynthesis } from './hooks';

/** The id of the datalist of participants that "who" offers. */
export const PARTICIPANT_LIST_ID = 'plenary-participants';

/**
 * One action in the table, edited in place: text fields are saved when left (or with Enter), the
 * date and status as soon as they change. Someone else's change shows while the field is not
 * being edited. The source opens below the row.
 */
export function ActionRow({ action, mayEdit }: { action: ActionItem; mayEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  const synthesis = useSynthesis();
  const members = useAppStore((s) => s.members);
  const groups = useAppStore((s) => s.groups);
  const boards = useAppStore((s) => s.plenaryBoards);
  // Everyone with the plenary-edit right edits every action; only its author or a facilitator removes it: the server's rule decides.
  const me = useAppStore((s) => s.session?.participant);
  const mayDelete =
    mayEdit &&
    !!me &&
    checkSynthesisChanges(me, [{ type: 'remove', collection: 'actions', id: action.id, before: action }], true) ===
      null;
  const [showSource, setShowSource] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const id = action.id;
  const short = excerpt(action.what);
  const linked = action.whoParticipantId !== null ? members.find((m) => m.id === action.whoParticipantId) : undefined;
  const groupName =
    action.sourceGroupId === null
      ? null
      : (groups.find((g) => g.id === action.sourceGroupId)?.name ?? action.sourceGroupId);
  const field = fieldTitle(action.sourceFieldId, locale);
  const sourceLabel = [localize(ACTION_SOURCE_LABELS[action.sourceKind], locale), groupName, field]
    .filter((p): p is string => p !== null && p !== '')
    .join(' · ');
  const sourceId = `action-source-${id}`;
  const update = (change: Parameters<NonNullable<typeof synthesis>['updateAction']>[1]) =>
    synthesis?.updateAction(id, change);

  useEffect(() => {
    if (confirmDelete) confirmRef.current?.focus();
  }, [confirmDelete]);

  return (
    <>
      <tr
        className={`actions-row actions-row--${action.status}`}
        data-testid={`action-row-${id}`}
        data-action-id={id}
        tabIndex={-1}
      >
        <td className="actions-table__what">
          {mayEdit ? (
            <TextCell
              id={`action-what-${id}`}
              value={action.what}
              multiline
              maxLength={ACTION_WHAT_LENGTH}
              label={t('actions.cell.what')}
              testId={`action-what-${id}`}
              onCommit={(value) => {
                const what = clampWhat(value);
                if (what !== '' && what !== action.what) update({ what });
                return what !== '';
              }}
            />
          ) : (
            <p className="actions-cell__text">{action.what}</p>
          )}
        </td>
        <td className="actions-table__who">
          {mayEdit ? (
            <OwnerCell
              id={`action-who-${id}`}
              owner={action}
              members={members}
              label={t('actions.cell.who', { what: short })}
              onChange={update}
            />
          ) : (
            <p className="actions-cell__text">{action.who || <span className="muted">{t('actions.noOwner')}</span>}</p>
          )}
          {linked && (
            <p className="actions-cell__linked" data-testid={`action-linked-${id}`}>
              <Icon name="check" size={14} /> {t('actions.linkedParticipant')}
            </p>
          )}
        </td>
        <td className="actions-table__when">
          {mayEdit ? (
            <DateField
              id={`action-when-${id}`}
              className="input actions-cell__date"
              value={action.when}
              aria-label={t('actions.cell.when', { what: short })}
              data-testid={`action-when-${id}`}
              onChange={(when) => update({ when })}
            />
          ) : (
            <p className="actions-cell__text">
              {action.when ? formatDay(action.when, locale) : <span className="muted">{t('actions.noDate')}</span>}
            </p>
          )}
        </td>
        <td className="actions-table__status">
          {mayEdit ? (
            <select
              className="select"
              value={action.status}
              aria-label={t('actions.cell.status', { what: short })}
              data-testid={`action-status-${id}`}
              onChange={(e) => update({ status: e.target.value as ActionStatus })}
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {localize(ACTION_STATUS_LABELS[s], locale)}
                </option>
              ))}
            </select>
          ) : (
            <span className={`actions-status actions-status--${action.status}`}>
              {localize(ACTION_STATUS_LABELS[action.status], locale)}
            </span>
          )}
        </td>
        <td className="actions-table__field">
          {hasSource(action) ? (
            <button
              type="button"
              className="link-button actions-source"
              aria-expanded={showSource}
              aria-controls={sourceId}
              onClick={() => setShowSource((v) => !v)}
              data-testid={`action-source-${id}`}
            >
              {sourceLabel}
            </button>
          ) : (
            <span className="actions-source actions-source--plain">{sourceLabel}</span>
          )}
        </td>
        <td className="actions-table__tools">
          {mayDelete &&
            (confirmDelete ? (
              <span className="actions-delete">
                <button
                  ref={confirmRef}
                  type="button"
                  className="button button--small button--danger"
                  data-testid={`action-delete-confirm-${id}`}
                  onClick={() => {
                    synthesis?.removeAction(id);
                    useAppStore.getState().announce(t('actions.deleted', { what: short }));
                    document.getElementById('plenary-view-heading')?.focus();
                  }}
                >
                  {t('actions.delete.confirm')}
                </button>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => {
                    setConfirmDelete(false);
                    requestAnimationFrame(() => deleteRef.current?.focus());
                  }}
                >
                  {t('deferral.cancel')}
                </button>
              </span>
            ) : (
              <button
                ref={deleteRef}
                type="button"
                className="icon-button actions-delete__start"
                title={t('actions.delete.label', { what: short })}
                aria-label={t('actions.delete.label', { what: short })}
                onClick={() => setConfirmDelete(true)}
                data-testid={`action-delete-${id}`}
              >
                <Icon name="trash" size={18} />
              </button>
            ))}
        </td>
      </tr>
      {showSource && (
        <tr className="actions-row__source" id={sourceId}>
          <td colSpan={6}>
            <SourceText action={action} boards={boards} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The title above a source's own text. */
const SOURCE_TITLES: Readonly<Partial<Record<ActionItem['sourceKind'], MessageKey>>> = {
  deferral: 'actions.source.deferral',
  card: 'actions.source.card',
};

/** The source's own text, as it is on the board now (or on the inspiration card). */
function SourceText({ action, boards }: { action: ActionItem; boards: Parameters<typeof actionSource>[1] }) {
  const t = useT();
  const locale = useLocale();
  const source = actionSource(
    action,
    boards,
    { findOut: t('actions.source.findOut'), askWhom: t('actions.source.askWhom'), owner: t('actions.source.owner') },
    locale,
  );
  return (
    <div className="actions-source__text" data-testid={`action-source-text-${action.id}`}>
      <p className="actions-source__title">{t(SOURCE_TITLES[action.sourceKind] ?? 'actions.source.note')}</p>
      {source.text !== null ? (
        <p className="actions-source__body">{source.text || t('note.empty')}</p>
      ) : (
        <p className="muted">{t('actions.source.gone')}</p>
      )}
    </div>
  );
}

/**
 * The one owner picker: a participant from the list (linked, shown as "deelnemer") or free text
 * as a fallback. A typed or retyped name that is exactly one participant's links to them.
 */
export function OwnerCell(props: {
  id: string;
  owner: Pick<ActionItem, 'who' | 'whoParticipantId'>;
  members: readonly { readonly id: string; readonly name: string }[];
  label: string;
  onChange: (owner: { who: string; whoParticipantId: string | null }) => void;
}) {
  const { owner, members, onChange } = props;
  return (
    <TextCell
      id={props.id}
      value={owner.who}
      maxLength={ACTION_WHO_LENGTH}
      list={PARTICIPANT_LIST_ID}
      label={props.label}
      testId={props.id}
      commitUnchanged
      onCommit={(value) => {
        const next = ownerFrom(value, members);
        if (next.who !== owner.who || next.whoParticipantId !== owner.whoParticipantId) onChange(next);
        return true;
      }}
    />
  );
}

/** A text field saved when left or with Enter (Shift+Enter: a new line in a multi-line one); Escape undoes. */
function TextCell(props: {
  id: string;
  value: string;
  multiline?: boolean;
  maxLength: number;
  list?: string;
  label: string;
  testId: string;
  onCommit: (value: string) => boolean;
  /** Commit also when the text did not change (the owner cell links a retyped name). */
  commitUnchanged?: boolean;
}) {
  const [draft, setDraft] = useState(props.value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(props.value);
  }, [props.value]);
  const commit = () => {
    editing.current = false;
    if (draft === props.value && !props.commitUnchanged) return;
    if (!props.onCommit(draft)) setDraft(props.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      commit();
      editing.current = true;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(props.value);
    }
  };
  const common = {
    id: props.id,
    className: props.multiline ? 'textarea actions-cell__textarea' : 'input actions-cell__input',
    value: draft,
    maxLength: props.maxLength,
    'aria-label': props.label,
    'data-testid': props.testId,
    onFocus: () => {
      editing.current = true;
    },
    onBlur: commit,
    onKeyDown,
  };
  return props.multiline ? (
    <textarea
      {...common}
      rows={Math.min(5, Math.max(2, Math.ceil(draft.length / 48)))}
      onChange={(e) => setDraft(e.target.value)}
    />
  ) : (
    <input {...common} list={props.list} onChange={(e) => setDraft(e.target.value)} />
  );
}

function excerpt(text: string): string {
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}
