import { useState, type InputHTMLAttributes } from 'react';
import { useLocale, useT } from '../i18n';
import { dateEntryText, datePattern, parseDateEntry, parseTimeEntry } from '../i18n/format';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM-DD (a date field) or HH:MM (a time field); "" for none. */
  readonly value: string;
  readonly onChange: (value: string) => void;
};

/**
 * A date typed as the interface language writes it ("dd-mm-jjjj" / "dd/mm/yyyy"), instead of the
 * browser's date input, which follows the browser's language (`mm/dd/yyyy` in a Dutch workshop).
 * Passes YYYY-MM-DD on as soon as the text is a real day; says so in our words when it is not.
 */
export function DateField(props: Props) {
  const locale = useLocale();
  return (
    <EntryField
      {...props}
      placeholder={props.placeholder ?? datePattern(locale)}
      show={(iso) => dateEntryText(iso, locale)}
      parse={parseDateEntry}
      problemKey="date.invalid"
      patternText={datePattern(locale)}
    />
  );
}

/** A time of day typed as 24-hour HH:MM in both languages (the browser's time input may show AM/PM). */
export function TimeField(props: Props) {
  const pattern = useLocale() === 'nl' ? 'uu:mm' : 'hh:mm';
  return (
    <EntryField
      {...props}
      placeholder={props.placeholder ?? pattern}
      show={(time) => time}
      parse={parseTimeEntry}
      problemKey="time.invalid"
      patternText={pattern}
    />
  );
}

function EntryField({
  value,
  onChange,
  onBlur,
  show,
  parse,
  problemKey,
  patternText,
  ...rest
}: Props & {
  show: (value: string) => string;
  parse: (text: string) => string | null;
  problemKey: 'date.invalid' | 'time.invalid';
  patternText: string;
}) {
  const t = useT();
  const [text, setText] = useState(() => show(value));
  const [shownFor, setShownFor] = useState(value);
  const [problem, setProblem] = useState(false);
  // A new value from outside (another device, a reset) replaces the text, unless it is what was typed.
  if (shownFor !== value) {
    setShownFor(value);
    if (parse(text) !== value) setText(show(value));
  }
  const problemId = rest.id ? `${rest.id}-problem` : undefined;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={problem || rest['aria-invalid'] ? true : undefined}
        aria-describedby={
          [rest['aria-describedby'], problem ? problemId : undefined].filter(Boolean).join(' ') || undefined
        }
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value);
          if (parsed !== null) {
            setProblem(false);
            if (parsed !== value) {
              setShownFor(parsed);
              onChange(parsed);
            }
          }
        }}
        onBlur={(e) => {
          onBlur?.(e);
          const parsed = parse(text);
          setProblem(parsed === null);
          if (parsed !== null) setText(show(parsed));
        }}
      />
      {problem && (
        <span className="field-problem" id={problemId} role="alert">
          {t(problemKey, { pattern: patternText })}
        </span>
      )}
    </>
  );
}
