import { useRef, type KeyboardEvent } from 'react';
import { localize } from '@dmc/shared/template/lookup';
import { Icon } from '../components/icons';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { readonlyReason, useCapabilities } from '../workshop/capabilities';
import { useTemplate } from '../workshop/state';

/** Tabs for the sheets (also keys 1 and 2); arrow keys move between tabs, as in any tab list. */
export function SheetTabs() {
  const t = useT();
  const locale = useLocale();
  const sheetId = useAppStore((s) => s.sheetId);
  const setSheet = useAppStore((s) => s.setSheet);
  const template = useTemplate();
  const caps = useCapabilities();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const count = template.sheets.length;
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % count;
    else if (e.key === 'ArrowLeft') next = (index - 1 + count) % count;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    if (next < 0) return;
    e.preventDefault();
    const sheet = template.sheets[next];
    if (sheet) setSheet(sheet.id);
    refs.current[next]?.focus();
  };

  return (
    <div className="sheet-tabs" role="tablist" aria-label={t('sheet.tabsLabel')}>
      {template.sheets.map((sheet, index) => {
        const selected = sheet.id === sheetId;
        // Another sheet than the phase's reads as "just looking"; a board that is read-only everywhere says so once, in the toolbar.
        const locked = readonlyReason(caps, sheet.id)?.kind === 'otherSheet';
        return (
          <button
            key={sheet.id}
            ref={(el) => {
              refs.current[index] = el;
            }}
            id={`sheet-tab-${sheet.id}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="sheet-tabpanel"
            tabIndex={selected ? 0 : -1}
            className="sheet-tab"
            data-testid={`sheet-tab-${sheet.id}`}
            aria-keyshortcuts={String(index + 1)}
            onClick={() => setSheet(sheet.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            <span className="sheet-tab__label">{localize(sheet.label, locale)}</span>
            <span className="sheet-tab__title">{localize(sheet.title, locale)}</span>
            {locked && (
              <span className="sheet-tab__lock" data-testid={`sheet-tab-locked-${sheet.id}`}>
                <Icon name="lock" size={14} />
                <span className="visually-hidden"> {t('sheet.readOnly')}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
