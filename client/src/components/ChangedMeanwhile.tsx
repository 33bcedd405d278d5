import { useT } from '../i18n';

/**
 * The notice over a wording someone else saved while this person was editing it: who did, and a
 * button to take their text over (the caller resets its edit to it).
 */
export function ChangedMeanwhile({ name, onLoadLatest }: { name: string; onLoadLatest: () => void }) {
  const t = useT();
  return (
    <div className="warning" role="status">
      <p>{t('formulation.changedMeanwhile', { name })}</p>
      <button type="button" className="button button--small button--secondary" onClick={onLoadLatest}>
        {t('formulation.loadLatest')}
      </button>
    </div>
  );
}
