import { LIMITS } from '@dmc/shared/domain/limits';
import { FieldHead } from './FieldHead';

/**
 * The optional name a facilitator gives themselves in a form: label ("optioneel"), hint, and a
 * line as long as a display name may be.
 */
export function NameField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (name: string) => void;
  autoComplete: 'name' | 'given-name';
  testId: string;
}) {
  const { id, label, hint, value, onChange, autoComplete, testId } = props;
  return (
    <div className="field">
      <FieldHead htmlFor={id} label={label} hint={hint} optional />
      <input
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={LIMITS.displayNameLength}
        autoComplete={autoComplete}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
    </div>
  );
}
