import { useId, useState } from 'react';
import { JOIN_CODE_LENGTH, normalizeJoinCode } from '@dmc/shared/protocol/api';
import { useT } from '../i18n';
import { navigate, paths } from '../routing';

/** "Join with a code": a code field that goes to the join page. */
export function JoinCodeForm({ initialCode = '', headingLevel = 2 }: { initialCode?: string; headingLevel?: 2 | 3 }) {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <form
      className="join-code-form"
      onSubmit={(e) => {
        e.preventDefault();
        const normalized = normalizeJoinCode(code);
        if (normalized) navigate(paths.join(normalized));
      }}
    >
      <Heading>{t('home.join.heading')}</Heading>
      <label htmlFor={`${id}-code`}>{t('home.join.code')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('home.join.codeHint')}
      </p>
      <div className="inline-field">
        <input
          id={`${id}-code`}
          className="input input--code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={JOIN_CODE_LENGTH + 4}
          aria-describedby={`${id}-hint`}
          required
          data-testid="join-code-input"
        />
        <button type="submit" className="button">
          {t('home.join.submit')}
        </button>
      </div>
    </form>
  );
}
