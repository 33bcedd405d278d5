import { useId, useState } from 'react';
import { useBoard } from '../workshop/boardContext';
import { errorMessage } from '../components/errors';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { workshopApi } from './workshopApi';

/** The workshop's on/off settings that sit beside the work they change, not only in Instellingen. */
type ToggleSetting = 'selfSelectGroups' | 'askTableRole';

const DEFAULTS: Readonly<Record<ToggleSetting, boolean>> = { selfSelectGroups: false, askTableRole: true };

/**
 * A checkbox that saves one workshop setting at once (PATCH), shows the value the session
 * document reports, and says why when the server refuses.
 */
export function SettingToggle({
  setting,
  label,
  hint,
  testId,
  announceOn,
  announceOff,
}: {
  setting: ToggleSetting;
  label: MessageKey;
  hint: MessageKey;
  testId: string;
  announceOn?: MessageKey;
  announceOff?: MessageKey;
}) {
  const t = useT();
  const id = useId();
  const { store } = useBoard();
  const enabled = useAppStore((s) => s.settings?.[setting] ?? s.session?.workshop[setting] ?? DEFAULTS[setting]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (value: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await workshopApi(store).update({ [setting]: value });
      const said = value ? announceOn : announceOff;
      if (said) store.getState().announce(t(said));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fac-check">
      <input
        id={`${id}-input`}
        type="checkbox"
        checked={enabled}
        disabled={busy}
        onChange={(e) => void change(e.target.checked)}
        data-testid={testId}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={`${id}-input`}>{t(label)}</label>
      <p className="fac-hint" id={`${id}-hint`}>
        {t(hint)}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
