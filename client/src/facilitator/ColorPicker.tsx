import { useId } from 'react';
import { GROUP_COLORS } from '@dmc/shared/domain/session';
import { useT } from '../i18n';
import type { GroupColor } from './assignment';
import { GROUP_COLOR_NAMES } from './groupColors';

/** A row of colour swatches as radio buttons (arrow keys move between them, as in any radio group). */
export function ColorPicker({
  value,
  onChange,
  testId,
}: {
  value: GroupColor;
  onChange: (color: GroupColor) => void;
  testId?: string;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="fac-colors" data-testid={testId}>
      <legend className="fac-label">{t('fac.group.color')}</legend>
      {GROUP_COLORS.map((color) => (
        <label key={color} className="fac-color" title={t(GROUP_COLOR_NAMES[color])}>
          <input
            type="radio"
            name={name}
            value={color}
            checked={value === color}
            onChange={() => onChange(color)}
            className="fac-color__input"
          />
          <span className="fac-color__chip" style={{ background: color }} aria-hidden="true" />
          <span className="visually-hidden">{t(GROUP_COLOR_NAMES[color])}</span>
        </label>
      ))}
    </fieldset>
  );
}
