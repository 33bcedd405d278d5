import { useRef, useState, type FormEvent } from 'react';
import { useBoard } from '../workshop/boardContext';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import {
  assignmentChanges,
  balancedAssignment,
  membersOfGroup,
  newGroupId,
  nextGroupColor,
  nextGroupNumber,
  nextGroupOrder,
  overwrittenCount,
  participantsOf,
  placeNewcomers,
  suggestedGroupCount,
  type GroupColor,
} from './assignment';
import { ColorPicker } from './ColorPicker';
import { useConfirm } from './ConfirmDialog';
import { GroupColumns } from './GroupColumns';
import { JoinDetails } from './JoinDetails';
import { ParticipantList } from './ParticipantList';
import { RoleCoverage } from './RoleCoverage';
import { SettingToggle } from './SettingToggle';

/** "Deelnemers & subgroepen": how to join, the subgroups and who is in which, and everyone present. */
export function PeopleTab() {
  const { ask, dialog } = useConfirm();
  // A closed workshop is read-only: the server refuses subgroup changes until it is reopened.
  const closed = useAppStore((s) => s.settings?.closed ?? false);
  return (
    <div className="fac-stack">
      <JoinDetails />
      <fieldset className="fac-fieldset" disabled={closed}>
        <GroupTools ask={ask} />
        <GroupColumns ask={ask} />
      </fieldset>
      <RoleCoverage />
      <ParticipantList ask={ask} />
      {dialog}
    </div>
  );
}

/** Making subgroups and placing people: new subgroup, random placement, self-selection. */
function GroupTools({ ask }: { ask: ReturnType<typeof useConfirm>['ask'] }) {
  const t = useT();
  const { session, store } = useBoard();
  const groups = useAppStore((s) => s.groups);
  const participants = useAppStore((s) => participantsOf(s.members).length);
  const unplaced = useAppStore((s) => membersOfGroup(s.members, null).length);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const suggested = suggestedGroupCount(participants);

  const assignAll = async () => {
    const state = store.getState();
    const assignment = balancedAssignment(state.members, state.groups);
    const changes = assignmentChanges(state.members, assignment);
    const overwritten = overwrittenCount(changes);
    if (overwritten > 0) {
      const ok = await ask({
        title: t('fac.assign.confirmTitle'),
        body: (
          <p>
            {t(overwritten === 1 ? 'fac.assign.confirmBodyOne' : 'fac.assign.confirmBodyMany', { count: overwritten })}
          </p>
        ),
        confirmLabel: t('fac.assign.confirm'),
      });
      if (!ok) return;
    }
    session.assign(assignment);
    state.announce(t('fac.assign.done', { count: assignment.size, groups: state.groups.length }));
  };
  const placeLatecomers = () => {
    const state = store.getState();
    const placement = placeNewcomers(state.members, state.groups);
    session.assign(placement);
    state.announce(t('fac.assign.newcomersDone', { count: placement.size }));
  };
  const createSuggested = () => {
    const state = store.getState();
    let current = [...state.groups];
    for (let i = current.length; i < suggested; i++) {
      const group = {
        id: newGroupId(),
        name: `${t('fac.group.defaultName')} ${nextGroupNumber(current, t('fac.group.defaultName'))}`,
        color: nextGroupColor(current),
        order: nextGroupOrder(current),
      };
      session.putGroup(group);
      current = [...current, group];
    }
    state.announce(t('fac.group.createdMany', { count: suggested }));
  };

  return (
    <section className="fac-card" aria-labelledby="fac-groups-heading">
      <h3 id="fac-groups-heading" className="fac-heading">
        {t('fac.groups.heading')}
      </h3>
      <p className="fac-hint">
        {participants > 0
          ? t(suggested <= 1 ? 'fac.groups.adviceOne' : 'fac.groups.advice', { count: participants, groups: suggested })
          : t('fac.groups.adviceNobody')}
      </p>
      <div className="fac-row">
        {/* Opens the form, or goes back to its name field: not a toggle, "Klaar met toevoegen" closes it. */}
        <button
          ref={addButton}
          type="button"
          className="button button--secondary"
          data-testid="fac-group-add"
          aria-expanded={adding}
          aria-controls={adding ? 'fac-new-group' : undefined}
          onClick={() => {
            if (adding) document.getElementById('fac-group-name')?.focus();
            else setAdding(true);
          }}
        >
          <span aria-hidden="true">+</span> {t('fac.group.add')}
        </button>
        {groups.length < suggested && !adding && (
          <button
            type="button"
            className="button button--secondary"
            data-testid="fac-groups-suggested"
            onClick={createSuggested}
          >
            {t(suggested === 1 ? 'fac.group.createSuggestedOne' : 'fac.group.createSuggested', { count: suggested })}
          </button>
        )}
      </div>
      {adding && (
        <NewGroupForm
          onDone={() => {
            setAdding(false);
            addButton.current?.focus();
          }}
        />
      )}
      <div className="fac-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="fac-assign-random"
          disabled={groups.length === 0 || participants === 0}
          onClick={() => void assignAll()}
        >
          {t('fac.assign.random')}
        </button>
        {unplaced > 0 && unplaced < participants && groups.length > 0 && (
          <button
            type="button"
            className="button button--secondary"
            data-testid="fac-assign-newcomers"
            onClick={placeLatecomers}
          >
            {t('fac.assign.newcomers', { count: unplaced })}
          </button>
        )}
      </div>
      <p className="fac-hint">{groups.length === 0 ? t('fac.assign.needGroups') : t('fac.assign.hint')}</p>
      <SettingToggle
        setting="selfSelectGroups"
        label="fac.groups.selfSelect"
        hint="fac.groups.selfSelectHint"
        testId="fac-self-select"
      />
    </section>
  );
}

/** Name and colour for a new subgroup. */
function NewGroupForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { session, store } = useBoard();
  const groups = useAppStore((s) => s.groups);
  const prefix = t('fac.group.defaultName');
  const [name, setName] = useState(() => `${prefix} ${nextGroupNumber(groups, prefix)}`);
  const [color, setColor] = useState<GroupColor>(() => nextGroupColor(groups));
  const nameField = useRef<HTMLInputElement>(null);
  const trimmed = name.trim();

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (trimmed === '') return;
    const current = store.getState().groups;
    session.putGroup({ id: newGroupId(), name: trimmed, color, order: nextGroupOrder(current) });
    store.getState().announce(t('fac.group.created', { group: trimmed }));
    // Ready for the next one: most workshops need two or three.
    const after = [...current, { id: '', name: trimmed, color, order: 0 }];
    setName(`${prefix} ${nextGroupNumber(after, prefix)}`);
    setColor(nextGroupColor(after));
    // The form stays open with the focus in the name, selected: type the next name or press Enter.
    requestAnimationFrame(() => {
      nameField.current?.focus();
      nameField.current?.select();
    });
  };

  return (
    <form
      id="fac-new-group"
      className="fac-new-group"
      aria-label={t('fac.group.add')}
      onSubmit={create}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label className="fac-label" htmlFor="fac-group-name">
        {t('fac.group.name')}
      </label>
      <input
        ref={nameField}
        id="fac-group-name"
        className="input"
        value={name}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
        data-testid="fac-group-name"
        autoFocus
      />
      <ColorPicker value={color} onChange={setColor} />
      <div className="fac-row">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="fac-group-create"
          disabled={trimmed === ''}
        >
          {t('fac.group.create')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="fac-newgroup-close"
          onClick={onDone}
        >
          {t('fac.group.closeForm')}
        </button>
      </div>
    </form>
  );
}
