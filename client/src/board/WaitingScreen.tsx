import { mayChooseGroup } from '@dmc/shared/domain/permissions';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { useActor, useWorkshopState } from '../workshop/state';
import { useSessionClient } from './workshopContext';

/**
 * A participant who is not in a subgroup while the subgroups work: a friendly wait — or, when the
 * workshop lets people choose, the subgroups to join.
 */
export function WaitingScreen() {
  const t = useT();
  const session = useSessionClient();
  const actor = useActor();
  const groups = useAppStore((s) => s.groups);
  const members = useAppStore((s) => s.members);
  const selfSelect = useAppStore((s) => s.settings?.selfSelectGroups ?? s.session?.workshop.selfSelectGroups ?? false);
  const state = useWorkshopState();
  const choose = actor !== null && state !== null && groups.length > 0 && mayChooseGroup(actor, state, selfSelect);
  return (
    <div className="waiting" data-testid="waiting-for-group">
      <section className="card waiting__card" aria-labelledby="waiting-heading">
        <div className="waiting__icon" aria-hidden="true" />
        <h2 id="waiting-heading" tabIndex={-1}>
          {choose ? t('waiting.choose.heading') : t('waiting.heading')}
        </h2>
        <p>{choose ? t('waiting.choose.text') : t('waiting.text')}</p>
        {choose && actor && (
          <ul className="waiting__groups">
            {groups.map((group) => {
              const count = members.filter((m) => m.groupId === group.id && m.role === 'participant').length;
              return (
                <li key={group.id}>
                  <button
                    type="button"
                    className="button waiting__group"
                    data-testid={`choose-group-${group.id}`}
                    onClick={() => session?.assign(new Map([[actor.id, group.id]]))}
                  >
                    <span className="waiting__dot" style={{ backgroundColor: group.color }} aria-hidden="true" />
                    <span className="waiting__name">{t('waiting.choose.button', { name: group.name })}</span>
                    <span className="waiting__count">
                      {count === 1 ? t('waiting.membersOne') : t('waiting.members', { count })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
