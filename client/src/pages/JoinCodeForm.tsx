import { useId, useState } from 'react';
import { JOIN_CODE_LENGTH, joinCodeProblem, normalizeJoinCode, type JoinCodeProblem } from '@dmc/shared/protocol/api';
import { useT, type Translate } from '../i18n';
import { navigate, paths } from '../routing';

/** What to tell a person whose code cannot be right. */
export function joinCodeProblemText(problem: JoinCodeProblem, t: Translate): string {
  if (problem.kind === 'length' && problem.length === 0) return t('join.code.missing');
  return problem.kind === 'length'
    ? t('join.code.length', { count: problem.length })
    : t('join.code.characters', { characters: problem.characters });
}

/** "Join with a code": a code field that goes to the join page once the code can be right. */
export function JoinCodeForm({ initialCode = '', headingLevel = 2 }: { initialCode?: string; headingLevel?: 2 | 3 }) {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const [problem, setProblem] = useState<JoinCodeProblem | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <form
      className="join-code-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = joinCodeProblem(code);
        setProblem(found);
        if (!found) navigate(paths.join(normalizeJoinCode(code)));
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
          onChange={(e) => {
            setCode(e.target.value);
            setProblem(null);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={JOIN_CODE_LENGTH + 4}
          aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
          aria-required="true"
          data-testid="join-code-input"
        />
        <button type="submit" className="button">
          {t('home.join.submit')}
        </button>
      </div>
      {problem && (
        <p className="error" role="alert" id={`${id}-problem`} data-testid="join-code-problem">
          {joinCodeProblemText(problem, t)}
        </p>
      )}
    </form>
  );
}
