import { useEffect, useId, useRef, useState } from 'react';
import { actionLabel, actionShortcut } from '../components/ActionButton';
import { getAction, isEnabled, runAction, zoomFieldActionName } from '../actions/registry';
import { fitScale } from '../scene/viewport';
import { sheetById } from '../scene/template';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { useBoard } from '../workshop/boardContext';
import './zoomMenu.css';

/**
 * The zoom level, as a button that lists the fields of the sheet on screen: choosing one zooms to
 * it (notes readable), "Passend" shows the whole sheet again. The entries are the registry's
 * actions, so they do what the keys F, [ and ] and a double-click on a field's title do.
 */
export function ZoomMenu() {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const sheetId = useAppStore((s) => s.sheetId);
  const percent = useAppStore((s) => {
    const sheet = sheetById(s.sheetId);
    const vp = s.viewports[s.sheetId];
    return vp ? Math.round((vp.scale / fitScale(sheet, s.canvasSize)) * 100) : 100;
  });
  const sheet = sheetById(sheetId);

  // Closes on a click elsewhere or when focus leaves the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const run = (name: string) => {
    runAction(getAction(name), ctx, { source: 'menu' });
    setOpen(false);
    buttonRef.current?.focus();
  };
  const entries = [
    ...sheet.fields.map((field) => ({
      name: zoomFieldActionName(sheet.id, field.id),
      testId: `zoom-field-${field.id}`,
      nested: field.parentId !== undefined,
    })),
    { name: 'zoomFit', testId: 'zoom-menu-fit', nested: false },
  ];

  return (
    <div
      ref={wrapRef}
      className="zoom-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && !wrapRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="tool-button zoom-level"
        data-testid="zoom-menu"
        aria-expanded={open}
        aria-controls={listId}
        title={t('zoom.menu', { percent })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">{t('zoom.menu', { percent })}</span>
        <span aria-hidden="true">{percent}%</span>
        <span aria-hidden="true" className="zoom-menu__caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={listId} className="zoom-menu__popover" data-testid="zoom-menu-list">
          <p className="zoom-menu__heading">{t('zoom.fields')}</p>
          <ul>
            {entries.map((entry) => {
              const action = getAction(entry.name);
              const shortcut = actionShortcut(action);
              return (
                <li key={entry.name} className={entry.nested ? 'zoom-menu__nested' : undefined}>
                  <button
                    type="button"
                    className="zoom-menu__item"
                    data-testid={entry.testId}
                    disabled={!isEnabled(action, ctx)}
                    onClick={() => run(entry.name)}
                  >
                    <span>{actionLabel(action, t, locale)}</span>
                    {shortcut && <kbd>{shortcut}</kbd>}
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="zoom-menu__hint">{t('zoom.keysHint')}</p>
        </div>
      )}
    </div>
  );
}
