import type { ButtonHTMLAttributes } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'aria-label' | 'title' | 'children'> & {
  /** What the button closes or removes: its accessible name and tooltip. */
  readonly label: string;
};

/** The "×" button of a panel or a row; `className` adds to the icon button's own. */
export function CloseButton({ label, className, ...rest }: Props) {
  return (
    <button
      {...rest}
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
