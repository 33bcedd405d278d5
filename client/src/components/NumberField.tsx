import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'onChange' | 'min' | 'max'> & {
  readonly min: number;
  readonly max: number;
  /** The text as typed: the caller decides what a number it is (and what an empty field means). */
  readonly onChange: (text: string) => void;
};

/**
 * A whole number typed or stepped (minutes, voting dots): the number keypad on phones and tablets,
 * steps of `step` (1 unless given) between `min` and `max`. `className` adds to the input's own.
 */
export function NumberField({ className, step = 1, onChange, ...rest }: Props) {
  return (
    <input
      {...rest}
      className={className ? `input ${className}` : 'input'}
      type="number"
      inputMode="numeric"
      step={step}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
