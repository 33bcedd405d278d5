import { useBoard } from '../workshop/boardContext';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { membersOfGroup } from './assignment';

/**
 * The presentations phase: which subgroup everyone looks at, and who presents — a member of that
 * subgroup (who may then step through the fields for everyone) or the facilitator.
 */
export function PresentationControls() {
  const t = useT();
  const { session, store } = useBoard();
  const groups = useAppStore((s) => s.groups);
  const members = useAppStore((s) => s.members);
  const spotlightId = useAppStore((s) => s.flow?.spotlightGroupId ?? null);
  const presenterId = useAppStore((s) => s.flow?.presenterId ?? null);
  const me = useAppStore((s) => s.session?.participant ?? null);
  const spotlighted = groups.find((g) => g.id === spotlightId) ?? null;
  const index = spotlighted ? groups.indexOf(spotlighted) : -1;
  const nextGroup = groups[index + 1] ?? null;
  const presenters = spotlighted ? membersOfGroup(members, spotlighted.id) : [];

  const choose = (groupId: string | null) => {
    session.spotlight(groupId);
    const name = groups.find((g) => g.id === groupId)?.name;
    store.getState().announce(name ? t('fac.present.spotlightAnnounce', { group: name }) : t('fac.present.none'));
  };

  if (groups.length === 0) {
    return (
      <section className="fac-card" aria-labelledby="fac-present-heading">
        <h3 id="fac-present-heading" className="fac-heading">
          {t('fac.present.heading')}
        </h3>
        <p className="fac-hint">{t('fac.present.noGroups')}</p>
      </section>
    );
  }

  return (
    <section className="fac-card" aria-labelledby="fac-present-heading">
      <h3 id="fac-present-heading" className="fac-heading">
        {t('fac.present.heading')}
      </h3>
      <p className="fac-label" id="fac-present-groups">
        {t('fac.present.whichGroup')}
      </p>
      <div className="fac-choices" role="group" aria-labelledby="fac-present-groups">
        {groups.map((g) => (
          <button
            key={g.id}
            type="button"
            className="fac-choice"
            data-testid={`fac-spotlight-${g.id}`}
            aria-pressed={g.id === spotlightId}
            onClick={() => choose(g.id)}
          >
            <span className="fac-swatch" style={{ background: g.color }} aria-hidden="true" />
            {g.name}
          </button>
        ))}
        <button
          type="button"
          className="fac-choice"
          data-testid="fac-no-spotlight"
          aria-pressed={spotlightId === null}
          onClick={() => choose(null)}
        >
          {t('fac.present.none')}
        </button>
      </div>
      {nextGroup && (
        <button
          type="button"
          className="button button--secondary button--small fac-next-group"
          onClick={() => choose(nextGroup.id)}
        >
          {t('fac.present.nextGroup', { group: nextGroup.name })}
        </button>
      )}
      {spotlighted && (
        <>
          <p className="fac-label" id="fac-present-who">
            {t('fac.present.who', { group: spotlighted.name })}
          </p>
          <div className="fac-choices" role="group" aria-labelledby="fac-present-who">
            {me && (
              <button
                type="button"
                className="fac-choice"
                data-testid={`fac-presenter-${me.id}`}
                aria-pressed={presenterId === null || presenterId === me.id}
                onClick={() => session.setPresenter(null)}
              >
                {t('fac.present.me')}
              </button>
            )}
            {presenters.map((m) => (
              <button
                key={m.id}
                type="button"
                className="fac-choice"
                data-testid={`fac-presenter-${m.id}`}
                aria-pressed={presenterId === m.id}
                onClick={() => session.setPresenter(m.id)}
              >
                {m.name}
              </button>
            ))}
          </div>
          <p className="fac-hint">{t('fac.present.presenterHint')}</p>
        </>
      )}
    </section>
  );
}
