import { useAppStore } from '../store';
import { useT } from '../i18n';
import { useFollowing } from '../workshop/useWorkshopFlow';
import { Icon } from '../components/icons';

/** While follow mode is on: "Je volgt de procesbegeleider", with a way out (and back in) for this person. */
export function FollowBar() {
  const t = useT();
  const following = useFollowing();
  const mode = useAppStore((s) =>
    s.session?.participant.role === 'participant' ? (s.flow?.followFacilitatorId ?? null) : null,
  );
  const setStopped = useAppStore((s) => s.setStoppedFollowing);
  if (!mode) return null;
  return (
    <div
      className={`follow-bar${following ? '' : ' follow-bar--stopped'}`}
      data-testid="follow-bar"
      data-following={following ? 'true' : 'false'}
    >
      {following ? (
        <>
          <Icon name="eye" size={16} />
          <span>{t('follow.banner')}</span>
          <button
            type="button"
            className="button button--small button--secondary"
            data-testid="follow-stop"
            onClick={() => setStopped(mode)}
          >
            {t('follow.stop')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--small button--secondary"
          data-testid="follow-resume"
          onClick={() => setStopped(null)}
        >
          {t('follow.resume')}
        </button>
      )}
    </div>
  );
}
