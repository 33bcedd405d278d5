import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../doc/records';
import type { Actor } from './actor';
import { collectionLimit } from './limits';
import type { WorkshopState } from './permissions';
import { FLOW_ID, initialFlow } from './session';
import { checkSessionChanges, type SessionContext } from './sessionRules';

const anna: Actor = { id: 'anna', role: 'participant' };
const fac: Actor = { id: 'fac', role: 'facilitator' };
const member = {
  id: 'anna',
  name: 'Anna',
  role: 'participant',
  groupId: null,
  readyPhase: null,
  joinedAt: 1,
  tableRole: null,
};
const flow = initialFlow(1);

const ctx = (closed: boolean, counts: Readonly<Record<string, number>> = {}): SessionContext => ({
  state: { phaseId: 'open', closed, hasGroups: true, spotlightGroupId: null } satisfies WorkshopState,
  selfSelectGroups: false,
  presenterId: null,
  groupExists: (id) => id === 'g1',
  count: (name) => counts[name] ?? 1,
});
const ready: RecordChange = {
  type: 'update',
  collection: 'members',
  id: 'anna',
  keys: ['readyPhase'],
  before: member as never,
  after: { ...member, readyPhase: 'open' } as never,
};
const phaseChange: RecordChange = {
  type: 'update',
  collection: 'flow',
  id: FLOW_ID,
  keys: ['phaseId'],
  before: flow as never,
  after: { ...flow, phaseId: 'synthesis' } as never,
};
const group = (id: string): RecordChange => ({
  type: 'add',
  collection: 'groups',
  id,
  after: { id, name: 'Groep', color: GROUP_COLOR, order: 0 } as never,
});
const GROUP_COLOR = '#1d4ed8';

describe('session rules in a closed workshop', () => {
  it('refuses ready marks, phase changes and subgroups from everyone, facilitators included', () => {
    expect(checkSessionChanges(anna, [ready], ctx(false))).toBeNull();
    expect(checkSessionChanges(fac, [phaseChange], ctx(false))).toBeNull();
    expect(checkSessionChanges(anna, [ready], ctx(true))).toEqual({
      code: 'forbidden',
      reason: 'the workshop is closed',
    });
    expect(checkSessionChanges(fac, [phaseChange], ctx(true))).toEqual({
      code: 'forbidden',
      reason: 'the workshop is closed',
    });
    expect(checkSessionChanges(fac, [group('g2')], ctx(true))).toEqual({
      code: 'forbidden',
      reason: 'the workshop is closed',
    });
  });
});

describe('session records per collection', () => {
  it('refuses a subgroup beyond the limit, naming the collection and the number', () => {
    const limit = collectionLimit('groups');
    expect(checkSessionChanges(fac, [group('g2')], ctx(false, { groups: limit }))).toBeNull();
    expect(checkSessionChanges(fac, [group('g2')], ctx(false, { groups: limit + 1 }))).toEqual({
      code: 'limit',
      reason: `a workshop holds at most ${limit} groups`,
    });
  });
});

describe('breaks and own agenda items', () => {
  const breakChange: RecordChange = {
    type: 'update',
    collection: 'flow',
    id: FLOW_ID,
    keys: ['breakLabel', 'timerStatus', 'timerEndsAt'],
    before: flow as never,
    after: { ...flow, breakLabel: 'Pauze', timerStatus: 'running', timerEndsAt: 2 } as never,
  };
  const entry: RecordChange = {
    type: 'add',
    collection: 'agendaEntries',
    id: 'p1',
    after: { id: 'p1', kind: 'break', label: 'Pauze', minutes: 15, after: 'vel1-discuss', order: 0 } as never,
  };

  it('lets only a facilitator start a break', () => {
    expect(checkSessionChanges(fac, [breakChange], ctx(false))).toBeNull();
    expect(checkSessionChanges(anna, [breakChange], ctx(false))).toMatchObject({ code: 'forbidden' });
  });

  it('refuses a break name that is too long', () => {
    const long = { ...breakChange, after: { ...flow, breakLabel: 'x'.repeat(61) } as never };
    expect(checkSessionChanges(fac, [long], ctx(false))).toMatchObject({ code: 'invalid' });
  });

  it('leaves the agenda items to the server, for facilitators too', () => {
    expect(checkSessionChanges(anna, [entry], ctx(false))).toMatchObject({ code: 'forbidden' });
    expect(checkSessionChanges(fac, [entry], ctx(false))).toMatchObject({ code: 'forbidden' });
  });
});
