import { useId, useMemo } from 'react';
import { TABLE_ROLE_LABELS, type TableRole } from '@dmc/shared/domain/roles';
import { localize } from '@dmc/shared/template/lookup';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { coverageView, ROLE_SHORT_KEYS } from './roleCoverage';
import { SettingToggle } from './SettingToggle';

/**
 * "Rollen aan tafel": the handbook's list of people who should ideally be there, with who is
 * present (and how many) and who is missing; per subgroup the roles it has; and whether
 * participants are asked their role when joining. Shown while preparing and during the workshop.
 */
export function RoleCoverage({ testId = 'fac-role-coverage' }: { testId?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const members = useAppStore((s) => s.members);
  const groups = useAppStore((s) => s.groups);
  const view = useMemo(() => coverageView(members, groups), [members, groups]);
  const label = (role: TableRole) => localize(TABLE_ROLE_LABELS[role], locale);
  const presentCount = view.expected.filter((r) => r.count > 0).length;

  return (
    <section className="fac-card" aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h3 id={`${id}-heading`} className="fac-heading">
        {t('fac.roles.heading')}{' '}
        <span className="fac-heading__count">
          {t('fac.roles.summary', { present: presentCount, total: view.expected.length })}
        </span>
      </h3>
      <p className="fac-hint fac-roles__intro">{t('fac.roles.intro')}</p>
      <ul className="fac-roles">
        {view.expected.map(({ role, count }) => (
          <li
            key={role}
            className={`fac-roles__item fac-roles__item--${count > 0 ? 'present' : 'missing'}`}
            data-testid={`${testId}-${role}`}
            data-count={count}
          >
            <span className="fac-roles__mark" aria-hidden="true">
              {count > 0 ? '✓' : '○'}
            </span>
            <span className="fac-roles__label">{label(role)}</span>
            <span className="fac-roles__count">
              {count > 0 ? t('fac.roles.present', { count }) : t('fac.roles.missing')}
            </span>
          </li>
        ))}
      </ul>
      <p className="fac-hint" data-testid={`${testId}-missing`}>
        {view.missing.length === 0
          ? t('fac.roles.allPresent')
          : t('fac.roles.missingList', { roles: view.missing.map(label).join(', ') })}
        {view.other > 0 && ` ${t('fac.roles.other', { count: view.other })}`}
        {view.unknown > 0 && ` ${t('fac.roles.unknown', { count: view.unknown })}`}
      </p>
      {view.privacyMissing && (
        <p className="fac-hint fac-roles__privacy" data-testid={`${testId}-privacy`}>
          {t('fac.roles.privacyMissing')}
        </p>
      )}
      {view.groups.length > 0 && (
        <>
          <h4 className="fac-roles__subheading">{t('fac.roles.perGroup')}</h4>
          <ul className="fac-roles-groups">
            {view.groups.map((g) => {
              const group = groups.find((x) => x.id === g.groupId);
              const roles = g.roles.map((r) => (r.count > 1 ? `${label(r.role)} ×${r.count}` : label(r.role)));
              if (g.unknown > 0) roles.push(t('fac.roles.groupUnknown', { count: g.unknown }));
              return (
                <li key={g.groupId} data-testid={`fac-roles-group-${g.groupId}`}>
                  <span className="fac-swatch" style={{ background: group?.color }} aria-hidden="true" />
                  <span>
                    <strong>{group?.name}</strong>: {g.size === 0 ? t('fac.roles.groupEmpty') : roles.join(', ')}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <SettingToggle
        setting="askTableRole"
        label="fac.roles.ask"
        hint="fac.roles.askHint"
        testId="fac-ask-role"
        announceOn="fac.roles.askOn"
        announceOff="fac.roles.askOff"
      />
    </section>
  );
}

/** A small role badge: the short form, with the full role for screen readers and on hover. */
export function RoleBadge({ role }: { role: TableRole }) {
  const t = useT();
  const locale = useLocale();
  const full = localize(TABLE_ROLE_LABELS[role], locale);
  return (
    <span className={`fac-role-badge fac-role-badge--${role}`} title={full} data-role={role}>
      <span aria-hidden="true">{t(ROLE_SHORT_KEYS[role])}</span>
      <span className="visually-hidden">{t('fac.role.sr', { role: full })}</span>
    </span>
  );
}
