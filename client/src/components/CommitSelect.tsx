import { useId, useRef, useState, type KeyboardEvent, type SelectHTMLAttributes } from 'react';
import { useT } from '../i18n';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'defaultValue'> & {
  readonly value: string;
  /** Called once the person settled on a choice. */
  readonly onCommit: (value: string) => void;
};

/** Keys with which a closed select steps through its options (and fires `change` on each step). */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A select whose choice takes effect only when the person settles on it (WCAG 3.2.2): stepping
 * through the options with the arrow keys (or typing a letter) only shows the choice; Enter or
 * leaving the select commits it, Escape puts the old value back. A pick with the mouse, a touch
 * picker or the opened list commits at once, as before.
 */
export function CommitSelect({ value, onCommit, onKeyDown, onBlur, children, ...rest }: Props) {
  const t = useT();
  const hintId = useId();
  const [pending, setPending] = useState<string | null>(null);
  // Whether the next `change` comes from stepping with keys on the closed select.
  const stepping = useRef(false);
  const commit = (next: string) => {
    setPending(null);
    if (next !== value) onCommit(next);
  };
  const describedBy = [rest['aria-describedby'], hintId].filter(Boolean).join(' ');
  return (
    <>
      <select
        {...rest}
        aria-describedby={describedBy}
        value={pending ?? value}
        onKeyDown={(e: KeyboardEvent<HTMLSelectElement>) => {
          onKeyDown?.(e);
          if (e.key === 'Enter' && pending !== null) {
            e.preventDefault();
            commit(pending);
          } else if (e.key === 'Escape' && pending !== null) {
            e.preventDefault();
            e.stopPropagation();
            setPending(null);
          } else {
            stepping.current = (STEP_KEYS.has(e.key) && !e.altKey) || (e.key.length === 1 && e.key !== ' ');
          }
        }}
        onChange={(e) => {
          const next = e.target.value;
          if (stepping.current) setPending(next);
          else commit(next);
        }}
        onPointerDown={() => {
          stepping.current = false;
        }}
        onBlur={(e) => {
          onBlur?.(e);
          stepping.current = false;
          if (pending !== null) commit(pending);
        }}
      >
        {children}
      </select>
      <span id={hintId} className="visually-hidden">
        {t('select.commitHint')}
      </span>
    </>
  );
}
