import type { LocalizedText } from '../template/types';

/**
 * The roles the handbook wants at the table ("Mensen uitnodigen"): a broad representation of the
 * institution. A participant may say which role they have when joining; the facilitator sees
 * which roles are present and which are missing, and balanced subgroups spread them.
 */
export const TABLE_ROLES = [
  'cvb',
  'docent',
  'student',
  'onderzoeker',
  'icto',
  'onderwijskundige',
  'technisch',
  'visie',
  'privacy',
  'procesbegeleider',
  'anders',
] as const;

/** One of the roles at the table. */
export type TableRole = (typeof TABLE_ROLES)[number];

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** Labels of the roles, as the handbook names them. */
export const TABLE_ROLE_LABELS: Readonly<Record<TableRole, LocalizedText>> = {
  cvb: t('CvB', 'Executive Board (CvB)'),
  docent: t('Docent', 'Teacher'),
  student: t('Student', 'Student'),
  onderzoeker: t('Onderzoeker', 'Researcher'),
  icto: t('ICTO', 'Educational technology (ICTO)'),
  onderwijskundige: t('Onderwijskundige', 'Educationalist'),
  technisch: t('Technisch betrokkene', 'Technical staff'),
  visie: t('Ontwikkelt de visie verder', 'Develops the vision further'),
  privacy: t('Privacyfunctionaris / FG', 'Privacy officer / DPO (FG)'),
  procesbegeleider: t('Procesbegeleider', 'Facilitator'),
  anders: t('Anders', 'Other'),
};

/** The roles the handbook says should ideally be represented ("anders" is not one of them). */
export const EXPECTED_ROLES: readonly TableRole[] = TABLE_ROLES.filter((r) => r !== 'anders');

/** Whether a value is a table role (remote data). */
export function isTableRole(value: unknown): value is TableRole {
  return typeof value === 'string' && (TABLE_ROLES as readonly string[]).includes(value);
}

/**
 * The roles that bring privacy expertise: Vel 2's DPIA boxes ("DPIA nodig?", the legal basis)
 * need a privacy officer or data protection officer (FG) at the table, or the answers wait.
 */
export const PRIVACY_ROLES: readonly TableRole[] = ['privacy'];

/** Which expected roles are present (with how many people) and which are missing. */
export function roleCoverage(people: readonly { readonly tableRole?: string | null }[]): {
  readonly present: ReadonlyMap<TableRole, number>;
  readonly missing: readonly TableRole[];
  readonly unknown: number;
  /** Nobody at the table brings privacy expertise (a hint for the facilitator). */
  readonly privacyMissing: boolean;
} {
  const present = new Map<TableRole, number>();
  let unknown = 0;
  for (const person of people) {
    if (isTableRole(person.tableRole)) present.set(person.tableRole, (present.get(person.tableRole) ?? 0) + 1);
    else unknown++;
  }
  return {
    present,
    missing: EXPECTED_ROLES.filter((r) => !present.has(r)),
    unknown,
    privacyMissing: !PRIVACY_ROLES.some((r) => present.has(r)),
  };
}
