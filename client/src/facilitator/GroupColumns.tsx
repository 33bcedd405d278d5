import { useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import type { Group, Member } from '@dmc/shared/domain/session';
import { useBoard } from '../workshop/boardContext';
import { Icon } from '../components/icons';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { membersOfGroup, readiness, type GroupColor } from './assignment';
import { ColorPicker } from './ColorPicker';
import type { ConfirmRequest } from './ConfirmDialog';
import { RoleBadge } from './RoleCoverage';
import { CommitSelect } from '../components/CommitSelect';
import { focusNext } from '../components/focus';
import { tableRoleOf } from './roleCoverage';

/**
 * The subgroups as columns with their members as chips, plus "not placed yet". A chip is dragged
 * to another column, or moved with its own "Verplaats naar…" list (the keyboard way).
 */

/** The drag payload type: only our own chips can be dropped on a column. */
const MEMBER_MIME = 'application/x-dmc-member';

/** Columns for every subgroup and for the people not placed yet. */
export function GroupColumns({ ask }: { ask: (request: ConfirmRequest) => Promise<boolean> }) {
  const t = useT();
  const groups = useAppStore((s) => s.groups);
  const members = useAppStore((s) => s.members);
  const unplaced = membersOfGroup(members, null);
  if (groups.length === 0 && unplaced.length === 0) return <p className="fac-hint">{t('fac.people.nobody')}</p>;
  return (
    <div className="fac-columns">
      {groups.map((g) => (
        <GroupColumn key={g.id} group={g} people={membersOfGroup(members, g.id)} ask={ask} />
      ))}
      <Column groupId={null} title={t('fac.group.unplaced')} testId="fac-group-unassigned" people={unplaced} />
    </div>
  );
}

function GroupColumn({
  group,
  people,
  ask,
}: {
  group: Group;
  people: Member[];
  ask: (request: ConfirmRequest) => Promise<boolean>;
}) {
  const t = useT();
  const { session, store } = useBoard();
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? 'open');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const ready = readiness(people, phaseId);
  const stopEditing = () => {
    setEditing(false);
    editButton.current?.focus();
  };

  const remove = async () => {
    const ok = await ask({
      title: t('fac.group.deleteTitle', { group: group.name }),
      body: (
        <p>
          {t(people.length === 1 ? 'fac.group.deleteBodyOne' : 'fac.group.deleteBodyMany', { count: people.length })}
        </p>
      ),
      confirmLabel: t('fac.group.deleteConfirm'),
      danger: true,
    });
    if (!ok) return;
    session.removeGroup(group.id);
    store.getState().announce(t('fac.group.deleted', { group: group.name }));
  };

  return (
    <Column
      groupId={group.id}
      title={group.name}
      color={group.color}
      testId={`fac-group-${group.id}`}
      people={people}
      header={
        <>
          <p className="fac-column__ready" data-testid={`fac-ready-${group.id}`}>
            {t('fac.group.ready', { ready: ready.ready, total: ready.total })}
          </p>
          <button
            ref={editButton}
            type="button"
            className="icon-button fac-column__edit"
            aria-expanded={editing}
            aria-label={t('fac.group.edit', { group: group.name })}
            title={t('fac.group.edit', { group: group.name })}
            onClick={() => setEditing(!editing)}
          >
            <Icon name="edit" />
          </button>
        </>
      }
      editor={editing ? <GroupEditor group={group} onDone={stopEditing} onDelete={() => void remove()} /> : null}
    />
  );
}

/** Rename and recolour a subgroup, or delete it. */
function GroupEditor({ group, onDone, onDelete }: { group: Group; onDone: () => void; onDelete: () => void }) {
  const t = useT();
  const { session } = useBoard();
  const [name, setName] = useState(group.name);
  const [color, setColor] = useState<GroupColor>(group.color);
  const trimmed = name.trim();
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (trimmed === '') return;
    session.putGroup({ ...group, name: trimmed, color });
    onDone();
  };
  return (
    <form
      className="fac-group-editor"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label className="fac-label" htmlFor={`fac-rename-group-${group.id}`}>
        {t('fac.group.name')}
      </label>
      <input
        id={`fac-rename-group-${group.id}`}
        className="input"
        value={name}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
        data-testid={`fac-groupedit-name-${group.id}`}
        autoFocus
      />
      <ColorPicker value={color} onChange={setColor} />
      <div className="fac-row">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={trimmed === ''}
          data-testid={`fac-groupedit-save-${group.id}`}
        >
          {t('fac.save')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          {t('fac.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger button--small fac-push-end"
          onClick={onDelete}
          data-testid={`fac-groupedit-delete-${group.id}`}
        >
          {t('fac.group.delete')}
        </button>
      </div>
    </form>
  );
}

interface ColumnProps {
  readonly groupId: string | null;
  readonly title: string;
  readonly color?: string;
  readonly testId: string;
  readonly people: readonly Member[];
  readonly header?: ReactNode;
  readonly editor?: ReactNode;
}

/** One drop target with its chips. */
function Column({ groupId, title, color, testId, people, header, editor }: ColumnProps) {
  const t = useT();
  const { session, store } = useBoard();
  const [over, setOver] = useState(false);
  const headingId = `${testId}-heading`;

  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(MEMBER_MIME);
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const memberId = e.dataTransfer.getData(MEMBER_MIME);
    if (!memberId) return;
    e.preventDefault();
    moveMember(memberId, groupId);
  };
  const moveMember = (memberId: string, to: string | null) => {
    const state = store.getState();
    const member = state.members.find((m) => m.id === memberId);
    if (!member || member.groupId === to) return;
    session.assign(new Map([[memberId, to]]));
    const group = state.groups.find((g) => g.id === to);
    state.announce(
      group
        ? t('fac.move.moved', { name: member.name, group: group.name })
        : t('fac.move.unplaced', { name: member.name }),
    );
  };

  return (
    <section
      className={`fac-column${over ? ' fac-column--over' : ''}${groupId === null ? ' fac-column--unplaced' : ''}`}
      data-testid={testId}
      aria-labelledby={headingId}
      style={color ? { borderTopColor: color } : undefined}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <div className="fac-column__head">
        {color && <span className="fac-swatch" style={{ background: color }} aria-hidden="true" />}
        <h4 id={headingId} className="fac-column__title">
          {title} <span className="fac-column__count">({people.length})</span>
        </h4>
        {header}
      </div>
      {editor}
      {people.length === 0 ? (
        <p className="fac-column__empty">{t(groupId === null ? 'fac.group.allPlaced' : 'fac.group.empty')}</p>
      ) : (
        <ul className="fac-chips">
          {people.map((m) => (
            <MemberChip key={m.id} member={m} onMove={(to) => moveMember(m.id, to)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A person: online dot, name, role at the table, "klaar" mark; draggable, with a keyboard alternative. */
function MemberChip({ member, onMove }: { member: Member; onMove: (groupId: string | null) => void }) {
  const t = useT();
  const online = useAppStore((s) => s.online.includes(member.id));
  const ready = useAppStore((s) => s.flow !== null && member.readyPhase === s.flow.phaseId);
  const groups = useAppStore((s) => s.groups);
  const selectId = `fac-move-select-${member.id}`;
  const tableRole = tableRoleOf(member);
  return (
    <li
      className="fac-chip"
      data-testid={`fac-member-${member.id}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(MEMBER_MIME, member.id);
        e.dataTransfer.setData('text/plain', member.name);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="fac-chip__line">
        <span className={`fac-dot${online ? ' fac-dot--online' : ''}`} aria-hidden="true" />
        <span className="fac-chip__name">{member.name}</span>
        <span className="visually-hidden">{online ? t('fac.member.online') : t('fac.member.offline')}</span>
        {tableRole && <RoleBadge role={tableRole} />}
        {ready && (
          <span className="fac-chip__ready" title={t('fac.member.ready')}>
            <span aria-hidden="true">✓</span>
            <span className="visually-hidden">{t('fac.member.ready')}</span>
          </span>
        )}
      </div>
      <label className="visually-hidden" htmlFor={selectId}>
        {t('fac.move.label', { name: member.name })}
      </label>
      <CommitSelect
        id={selectId}
        className="select fac-chip__move"
        data-testid={`fac-move-${member.id}`}
        value={member.groupId ?? ''}
        onCommit={(groupId) => {
          // The person's chip is drawn anew in the other column: the focus goes along to its select.
          const before = document.getElementById(selectId);
          onMove(groupId === '' ? null : groupId);
          focusNext(() => document.getElementById(selectId), { onlyIfLost: true, replacing: before });
        }}
      >
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        <option value="">{t('fac.group.unplaced')}</option>
      </CommitSelect>
    </li>
  );
}
