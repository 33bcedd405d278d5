import { describe, expect, it } from 'vitest';
import { EXPECTED_ROLES, TABLE_ROLES, TABLE_ROLE_LABELS, roleCoverage } from './roles';

describe('roles at the table', () => {
  it("lists the handbook's roles plus 'anders', each labelled in both languages", () => {
    expect(TABLE_ROLES).toHaveLength(11);
    for (const role of TABLE_ROLES) {
      expect(TABLE_ROLE_LABELS[role].nl.trim()).not.toBe('');
      expect(TABLE_ROLE_LABELS[role].en.trim()).not.toBe('');
    }
    expect(EXPECTED_ROLES).not.toContain('anders');
  });

  it('reports which roles are present and which are missing', () => {
    const coverage = roleCoverage([
      { tableRole: 'docent' },
      { tableRole: 'docent' },
      { tableRole: 'student' },
      { tableRole: null },
      { tableRole: 'nonsense' },
    ]);
    expect(coverage.present.get('docent')).toBe(2);
    expect(coverage.present.get('student')).toBe(1);
    expect(coverage.missing).toContain('cvb');
    expect(coverage.missing).not.toContain('docent');
    expect(coverage.unknown).toBe(2);
  });

  it('reports missing privacy expertise until a privacy officer (FG) joins', () => {
    const without = roleCoverage([{ tableRole: 'docent' }, { tableRole: 'icto' }]);
    expect(without.privacyMissing).toBe(true);
    expect(without.missing).toContain('privacy');
    const withOfficer = roleCoverage([{ tableRole: 'docent' }, { tableRole: 'privacy' }]);
    expect(withOfficer.privacyMissing).toBe(false);
    expect(withOfficer.present.get('privacy')).toBe(1);
    expect(withOfficer.missing).not.toContain('privacy');
    expect(TABLE_ROLE_LABELS.privacy.nl).toMatch(/FG/);
  });
});
