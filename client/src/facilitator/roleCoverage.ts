import { EXPECTED_ROLES, TABLE_ROLES, isTableRole, roleCoverage, type TableRole } from '@dmc/shared/domain/roles';
import type { Group, Member } from '@dmc/shared/domain/session';
import type { MessageKey } from '../i18n/messages';

/**
 * Who is at the table, as the facilitator console shows it: for each role the handbook wants
 * represented ("Idealiter zijn de volgende personen/rollen vertegenwoordigd") whether it is
 * present and how often, which are missing, and per subgroup the roles it has.
 */

/** A role with how many people have it. */
export interface RoleCount {
  readonly role: TableRole;
  readonly count: number;
}

/** Roles per subgroup. */
export interface GroupRoles {
  readonly groupId: string;
  readonly roles: readonly RoleCount[];
  /** Members of the group without a role. */
  readonly unknown: number;
  readonly size: number;
}

/** The whole picture. */
export interface CoverageView {
  /** Every expected role in the handbook's order, with its count (0: missing). */
  readonly expected: readonly RoleCount[];
  readonly missing: readonly TableRole[];
  /** Nobody brings privacy expertise (Vel 2's DPIA boxes need a privacy officer / FG). */
  readonly privacyMissing: boolean;
  /** People who chose "anders". */
  readonly other: number;
  /** Participants who gave no role. */
  readonly unknown: number;
  readonly groups: readonly GroupRoles[];
}

/**
 * The people whose roles count: every participant, and the facilitators as "procesbegeleider"
 * (unless they gave another role). One person on two devices is two facilitator members with
 * the same name; they count once.
 */
function peopleAtTable(members: readonly Member[]): { readonly tableRole: string | null }[] {
  const facilitatorNames = new Set<string>();
  const people: { tableRole: string | null }[] = [];
  for (const m of members) {
    if (m.role === 'participant') {
      people.push({ tableRole: m.tableRole ?? null });
    } else if (isTableRole(m.tableRole)) {
      people.push({ tableRole: m.tableRole });
    } else if (!facilitatorNames.has(m.name)) {
      facilitatorNames.add(m.name);
      people.push({ tableRole: 'procesbegeleider' });
    }
  }
  return people;
}

/** The roles of some people, in the handbook's order, only those present. */
export function rolesOf(people: readonly Pick<Member, 'tableRole'>[]): RoleCount[] {
  const { present } = roleCoverage(people);
  return TABLE_ROLES.flatMap((role) => {
    const count = present.get(role) ?? 0;
    return count > 0 ? [{ role, count }] : [];
  });
}

/** The coverage of the handbook's roles over everyone, and the roles of each subgroup. */
export function coverageView(members: readonly Member[], groups: readonly Group[]): CoverageView {
  const { present, missing, privacyMissing } = roleCoverage(peopleAtTable(members));
  const participants = members.filter((m) => m.role === 'participant');
  return {
    expected: EXPECTED_ROLES.map((role) => ({ role, count: present.get(role) ?? 0 })),
    missing,
    privacyMissing,
    other: present.get('anders') ?? 0,
    unknown: participants.filter((m) => !isTableRole(m.tableRole)).length,
    groups: [...groups]
      .sort((a, b) => a.order - b.order)
      .map((g) => {
        const inGroup = participants.filter((m) => m.groupId === g.id);
        return {
          groupId: g.id,
          roles: rolesOf(inGroup),
          unknown: inGroup.filter((m) => !isTableRole(m.tableRole)).length,
          size: inGroup.length,
        };
      }),
  };
}

/** The short form of each role on a member chip. */
export const ROLE_SHORT_KEYS: Readonly<Record<TableRole, MessageKey>> = {
  cvb: 'fac.role.short.cvb',
  docent: 'fac.role.short.docent',
  student: 'fac.role.short.student',
  onderzoeker: 'fac.role.short.onderzoeker',
  icto: 'fac.role.short.icto',
  onderwijskundige: 'fac.role.short.onderwijskundige',
  technisch: 'fac.role.short.technisch',
  visie: 'fac.role.short.visie',
  privacy: 'fac.role.short.privacy',
  procesbegeleider: 'fac.role.short.procesbegeleider',
  anders: 'fac.role.short.anders',
};

/** A member's role at the table, or null when they gave none (or something unknown). */
export function tableRoleOf(member: Pick<Member, 'tableRole'>): TableRole | null {
  return isTableRole(member.tableRole) ? member.tableRole : null;
}
