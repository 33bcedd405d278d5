import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Member } from '@dmc/shared/domain/session';
import { LIMITS } from '@dmc/shared/domain/limits';
import { TABLE_ROLES, TABLE_ROLE_LABELS, isTableRole } from '@dmc/shared/domain/roles';
import { localize } from '@dmc/shared/template/lookup';
import { useBoard } from '../workshop/boardContext';
import { errorMessage } from '../components/errors';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import type { ConfirmRequest } from './ConfirmDialog';
import { tableRoleOf } from './roleCoverage';
import { workshopApi } from './workshopApi';

/**
 * Everyone in the workshop, with their subgroup, role at the table and whether they are online.
 * The facilitator can correct a name (a typo, or an anonymous participant who wants one), set or
 * correct someone's role, and remove someone who joined by mistake; their notes stay on the boards.
 */
export function ParticipantList({ ask }: { ask: (request: ConfirmRequest) => Promise<boolean> }) {
  const t = useT();
  const members = useAppStore((s) => s.members);
  const online = useAppStore((s) => s.online);
  const onlineCount = members.filter((m) => online.includes(m.id)).length;
  return (
    <section className="fac-card" aria-labelledby="fac-people-heading">
      <h3 id="fac-people-heading" className="fac-heading">
        {t('fac.people.heading')}{' '}
        <span className="fac-heading__count">
          {t('fac.people.count', { count: members.length, online: onlineCount })}
        </span>
      </h3>
      <ul className="fac-people">
        {members.map((m) => (
          <PersonRow key={m.id} member={m} ask={ask} />
        ))}
      </ul>
    </section>
  );
}

function PersonRow({ member, ask }: { member: Member; ask: (request: ConfirmRequest) => Promise<boolean> }) {
  const t = useT();
  const { store } = useBoard();
  const online = useAppStore((s) => s.online.includes(member.id));
  const groupName = useAppStore((s) => s.groups.find((g) => g.id === member.groupId)?.name ?? null);
  const isMe = useAppStore((s) => s.session?.participant.id === member.id);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const stopEditing = () => {
    setEditing(false);
    // Back to the button that opened the field, so keyboard users keep their place.
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  const remove = async () => {
    const ok = await ask({
      title: t('fac.person.removeTitle', { name: member.name }),
      body: <p>{t('fac.person.removeBody')}</p>,
      confirmLabel: t('fac.person.removeConfirm'),
      danger: true,
    });
    if (!ok) return;
    setError(null);
    try {
      await workshopApi(store).remove(member.id);
      store.getState().announce(t('fac.person.removed', { name: member.name }));
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  // A facilitator's role already shows in the role select ("Procesbegeleider (vanzelf)"); it is
  // written here only when a role at the table was chosen for them instead.
  const where =
    member.role === 'facilitator'
      ? tableRoleOf(member)
        ? t('fac.person.facilitator')
        : ''
      : (groupName ?? t('fac.group.unplaced'));
  return (
    <li className="fac-person">
      {editing ? (
        <RenameForm member={member} onDone={stopEditing} />
      ) : (
        <>
          <span className={`fac-dot${online ? ' fac-dot--online' : ''}`} aria-hidden="true" />
          <span className={where ? 'fac-person__name' : 'fac-person__name fac-person__name--wide'}>
            {member.name}
            {isMe && <span className="muted"> {t('fac.person.you')}</span>}
            <span className="visually-hidden">, {online ? t('fac.member.online') : t('fac.member.offline')}</span>
          </span>
          {where && <span className="fac-person__where">{where}</span>}
          <RoleSelect member={member} onError={setError} />
          <span className="fac-person__actions">
            <button
              ref={renameButton}
              type="button"
              className="icon-button"
              data-testid={`fac-rename-${member.id}`}
              aria-label={t('fac.person.rename', { name: member.name })}
              title={t('fac.person.rename', { name: member.name })}
              onClick={() => setEditing(true)}
            >
              <span aria-hidden="true" className="fac-glyph">
                ✎
              </span>
            </button>
            {!isMe && (
              <button
                type="button"
                className="icon-button fac-danger-icon"
                data-testid={`fac-remove-${member.id}`}
                aria-label={t('fac.person.remove', { name: member.name })}
                title={t('fac.person.remove', { name: member.name })}
                onClick={() => void remove()}
              >
                <span aria-hidden="true" className="fac-glyph">
                  ×
                </span>
              </button>
            )}
          </span>
        </>
      )}
      {error && (
        <p className="error fac-person__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The person's role at the table; a change is saved at once. */
function RoleSelect({ member, onError }: { member: Member; onError: (message: string | null) => void }) {
  const t = useT();
  const locale = useLocale();
  const { store } = useBoard();
  const [busy, setBusy] = useState(false);
  // The chosen value shows until the session document brings the change back (or it fails).
  const [pending, setPending] = useState<string | null>(null);
  const current = tableRoleOf(member) ?? '';
  useEffect(() => setPending(null), [current]);
  const selectId = `fac-role-select-${member.id}`;
  const change = async (value: string) => {
    const role = isTableRole(value) ? value : null;
    setBusy(true);
    setPending(value);
    onError(null);
    try {
      await workshopApi(store).setTableRole(member.id, role);
      store
        .getState()
        .announce(
          role
            ? t('fac.person.roleSet', { name: member.name, role: localize(TABLE_ROLE_LABELS[role], locale) })
            : t('fac.person.roleCleared', { name: member.name }),
        );
    } catch (err) {
      setPending(null);
      onError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="fac-person__role">
      <label className="visually-hidden" htmlFor={selectId}>
        {t('fac.person.roleLabel', { name: member.name })}
      </label>
      <select
        id={selectId}
        className="select fac-person__role-select"
        value={pending ?? current}
        disabled={busy}
        onChange={(e) => void change(e.target.value)}
        data-testid={`fac-person-role-${member.id}`}
      >
        {/* A facilitator without a role counts as the procesbegeleider (see roleCoverage.ts). */}
        <option value="">
          {t(member.role === 'facilitator' ? 'fac.person.facilitatorRole' : 'fac.person.noRole')}
        </option>
        {TABLE_ROLES.map((role) => (
          <option key={role} value={role}>
            {localize(TABLE_ROLE_LABELS[role], locale)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Inline rename: Enter saves, Escape cancels. */
function RenameForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const t = useT();
  const { store } = useBoard();
  const [name, setName] = useState(member.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();
  const inputId = `fac-name-input-${member.id}`;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (trimmed === '' || busy) return;
    if (trimmed === member.name) return onDone();
    setBusy(true);
    setError(null);
    try {
      await workshopApi(store).rename(member.id, trimmed);
      store.getState().announce(t('fac.person.renamed', { name: trimmed }));
      onDone();
    } catch (err) {
      setError(errorMessage(t, err));
      setBusy(false);
    }
  };

  return (
    <form
      className="fac-rename"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {t('fac.person.newName', { name: member.name })}
      </label>
      <input
        id={inputId}
        className="input"
        value={name}
        maxLength={LIMITS.displayNameLength}
        onChange={(e) => setName(e.target.value)}
        data-testid={inputId}
        autoFocus
        aria-invalid={error !== null}
      />
      <button
        type="submit"
        className="button button--primary button--small"
        disabled={trimmed === '' || busy}
        data-testid={`fac-name-save-${member.id}`}
      >
        {t('fac.save')}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onDone}>
        {t('fac.cancel')}
      </button>
      {error && (
        <p className="error fac-person__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
