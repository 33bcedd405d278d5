import { describe, expect, it } from 'vitest';
import { EXPECTED_ROLES } from '@dmc/shared/domain/roles';
import { GROUP_COLORS, type Group, type Member } from '@dmc/shared/domain/session';
import { coverageView, rolesOf, tableRoleOf } from './roleCoverage';

const member = (id: string, tableRole: string | null, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  role: 'participant',
  groupId: null,
  readyPhase: null,
  joinedAt: 0,
  tableRole,
  ...extra,
});
const group = (id: string, order: number): Group => ({ id, name: id, color: GROUP_COLORS[0], order });

describe('role coverage', () => {
  const members = [
    member('fac', null, { role: 'facilitator', name: 'Procesbegeleider' }),
    member('fac2', null, { role: 'facilitator', name: 'Procesbegeleider' }),
    member('a', 'docent', { groupId: 'g1' }),
    member('b', 'docent', { groupId: 'g2' }),
    member('c', 'student', { groupId: 'g1' }),
    member('d', 'cvb', { groupId: 'g2' }),
    member('e', null, { groupId: 'g2' }),
    member('f', 'anders'),
    member('g', 'no-such-role'),
  ];
  const view = coverageView(members, [group('g2', 1), group('g1', 0)]);

  it('lists every expected role in the handbook order with how many people have it', () => {
    // The handbook order is the order of the shared list; "anders" is no expected role.
    expect(view.expected.map((r) => r.role)).toEqual(EXPECTED_ROLES);
    expect(view.expected.map((r) => r.role)).not.toContain('anders');
    expect(view.expected.find((r) => r.role === 'docent')?.count).toBe(2);
    expect(view.expected.find((r) => r.role === 'cvb')?.count).toBe(1);
  });

  it('counts the facilitator (once per name) as the procesbegeleider', () => {
    expect(view.expected.find((r) => r.role === 'procesbegeleider')?.count).toBe(1);
    expect(view.missing).not.toContain('procesbegeleider');
  });

  it('names the missing roles, and counts "anders" and people without a (known) role apart', () => {
    expect(view.missing).toEqual(['onderzoeker', 'icto', 'onderwijskundige', 'technisch', 'visie', 'privacy']);
    expect(view.privacyMissing).toBe(true);
    expect(view.other).toBe(1);
    expect(view.unknown).toBe(2);
  });

  it('gives the roles of each subgroup, in subgroup order', () => {
    /** One person for each role. */
    const once = (...roles: string[]) => roles.map((role) => ({ role, count: 1 }));
    expect(view.groups).toEqual([
      { groupId: 'g1', roles: once('docent', 'student'), unknown: 0, size: 2 },
      { groupId: 'g2', roles: once('cvb', 'docent'), unknown: 1, size: 3 },
    ]);
  });

  it('shows everything missing before anyone has joined', () => {
    const empty = coverageView([], []);
    expect(empty.missing).toEqual(EXPECTED_ROLES);
    expect(empty.unknown).toBe(0);
    expect(rolesOf([])).toEqual([]);
  });

  it('reads a member role only when it is a known one', () => {
    expect(tableRoleOf({ tableRole: 'icto' })).toBe('icto');
    expect(tableRoleOf({ tableRole: 'hacker' })).toBeNull();
    expect(tableRoleOf({})).toBeNull();
  });
});
