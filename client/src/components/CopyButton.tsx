import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/**
 * Copies a text to the clipboard, saying so for a moment (also to screen readers). `label` is the
 * button's full name and must contain the visible label (WCAG 2.5.3); while "copied" shows, the
 * visible word is the name.
 */
export function CopyButton({
  text,
  label,
  visibleLabel,
  testId,
}: {
  text: string;
  label: string;
  visibleLabel?: string;
  testId?: string;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void copy()}
        aria-label={state === 'copied' ? undefined : label}
        data-testid={testId}
      >
        {state === 'copied' ? t('common.copied') : (visibleLabel ?? t('common.copy'))}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
