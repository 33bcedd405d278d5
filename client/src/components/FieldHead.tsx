import { useT } from '../i18n';

/**
 * The head of a form field: its label (with "(optioneel)" when it may stay empty) and the hint
 * below it, which the control names with `aria-describedby={`${htmlFor}-hint`}`.
 */
export function FieldHead({
  htmlFor,
  label,
  hint,
  optional = false,
}: {
  htmlFor: string;
  label: string;
  hint?: string;
  optional?: boolean;
}) {
  const t = useT();
  return (
    <>
      <label htmlFor={htmlFor}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="optional">{t('common.optional')}</span>
          </>
        )}
      </label>
      {hint !== undefined && (
        <p className="hint" id={`${htmlFor}-hint`}>
          {hint}
        </p>
      )}
    </>
  );
}
