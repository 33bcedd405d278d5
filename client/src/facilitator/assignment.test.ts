import { describe, expect, it } from 'vitest';
import { seededRandom } from '@dmc/shared/domain/grouping';
import { GROUP_COLORS, type Group, type Member } from '@dmc/shared/domain/session';
import {
  assignmentChanges,
  balancedAssignment,
  membersOfGroup,
  newGroupId,
  nextGroupColor,
  nextGroupNumber,
  nextGroupOrder,
  overwrittenCount,
  placeNewcomers,
  readiness,
  suggestedGroupCount,
} from './assignment';

const member = (id: string, groupId: string | null, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  role: 'participant',
  groupId,
  readyPhase: null,
  joinedAt: 0,
  ...extra,
});
const group = (id: string, order: number, color: Group['color'] = GROUP_COLORS[0]): Group => ({
  id,
  name: `Groep ${order + 1}`,
  color,
  order,
});

describe('balancedAssignment', () => {
  it('places every participant and never a facilitator, sizes differing by at most one', () => {
    const members = [
      member('f', null, { role: 'facilitator' }),
      ...['a', 'b', 'c', 'd', 'e'].map((id) => member(id, null)),
    ];
    const assignment = balancedAssignment(members, [group('g1', 0), group('g2', 1)], seededRandom(7));
    expect([...assignment.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const sizes = ['g1', 'g2'].map((g) => [...assignment.values()].filter((v) => v === g).length);
    expect(Math.abs((sizes[0] ?? 0) - (sizes[1] ?? 0))).toBeLessThanOrEqual(1);
  });
});

describe('balancedAssignment with roles at the table', () => {
  it('spreads each role over the subgroups', () => {
    const roles = ['docent', 'docent', 'student', 'student', 'cvb', 'onderzoeker', null, null];
    const members = roles.map((tableRole, i) => member(`p${i}`, null, { tableRole }));
    for (const seed of [1, 2, 3, 42, 99]) {
      const assignment = balancedAssignment(members, [group('g1', 0), group('g2', 1)], seededRandom(seed));
      for (const role of ['docent', 'student']) {
        const groupsOfRole = members.filter((m) => m.tableRole === role).map((m) => assignment.get(m.id));
        expect(new Set(groupsOfRole).size, `${role} with seed ${seed}`).toBe(2);
      }
      const sizes = ['g1', 'g2'].map((g) => [...assignment.values()].filter((v) => v === g).length);
      expect(sizes).toEqual([4, 4]);
    }
  });

  it('ignores a role it does not know', () => {
    const members = [member('a', null, { tableRole: 'hacker' }), member('b', null, { tableRole: 'docent' })];
    expect(balancedAssignment(members, [group('g1', 0)], seededRandom(5)).size).toBe(2);
  });
});

describe('placeNewcomers', () => {
  it('puts only unplaced participants into the smallest groups', () => {
    const members = [
      member('a', 'g1'),
      member('b', 'g1'),
      member('c', 'g2'),
      member('x', null),
      member('y', null),
      member('f', null, { role: 'facilitator' }),
    ];
    const placed = placeNewcomers(members, [group('g1', 0), group('g2', 1)], seededRandom(3));
    expect([...placed.keys()].sort()).toEqual(['x', 'y']);
    // g2 had one person fewer, so the first newcomer goes there; then it is a tie.
    expect([...placed.values()].filter((g) => g === 'g2').length).toBeGreaterThanOrEqual(1);
  });

  it('does nothing without groups', () => {
    expect(placeNewcomers([member('x', null)], []).size).toBe(0);
  });
});

describe('assignmentChanges', () => {
  it('lists only real moves and counts those that overwrite a placement', () => {
    const members = [member('a', 'g1'), member('b', null), member('c', 'g2'), member('d', 'g1')];
    const changes = assignmentChanges(
      members,
      new Map([
        ['a', 'g1'],
        ['b', 'g2'],
        ['c', 'g1'],
      ]),
    );
    expect(changes).toEqual([
      { memberId: 'b', from: null, to: 'g2' },
      { memberId: 'c', from: 'g2', to: 'g1' },
    ]);
    expect(overwrittenCount(changes)).toBe(1);
  });
});

describe('readiness', () => {
  it('counts who is ready for this phase only', () => {
    const people = [
      member('a', 'g1', { readyPhase: 'vel1-write' }),
      member('b', 'g1', { readyPhase: 'welcome' }),
      member('c', 'g1'),
    ];
    expect(readiness(people, 'vel1-write')).toEqual({ ready: 1, total: 3 });
    expect(readiness(membersOfGroup(people, 'g2'), 'vel1-write')).toEqual({ ready: 0, total: 0 });
  });
});

describe('new subgroups', () => {
  it('suggests one subgroup per four to five people', () => {
    expect(suggestedGroupCount(0)).toBe(0);
    expect(suggestedGroupCount(3)).toBe(1);
    expect(suggestedGroupCount(9)).toBe(2);
    expect(suggestedGroupCount(10)).toBe(2);
    expect(suggestedGroupCount(11)).toBe(3);
  });

  it('makes url-safe ids that are never the plenary board', () => {
    const id = newGroupId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(id).not.toBe('plenary');
    expect(newGroupId(new Uint8Array([255, 255, 255]))).toBe('g____');
  });

  it('picks an unused colour, the next order and the next free number', () => {
    const groups = [group('g1', 0, GROUP_COLORS[0]), group('g2', 3, GROUP_COLORS[1])];
    expect(nextGroupColor(groups)).toBe(GROUP_COLORS[2]);
    expect(nextGroupOrder(groups)).toBe(4);
    expect(nextGroupOrder([])).toBe(0);
    expect(nextGroupNumber([group('a', 0), { ...group('b', 1), name: 'Groep 3' }], 'Groep')).toBe(2);
  });
});
