import { useCallback, useEffect, useState } from 'react';
import { getField, getSheet, localize } from '@dmc/shared/template/lookup';
import type { FieldTemplate, LocalizedText, Locale, SheetTemplate, TemplateLink } from '@dmc/shared/template/types';
import { addNoteInField } from '../actions/commands';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { newNotesTarget, useCapabilities } from '../workshop/capabilities';
import { useBoard } from '../workshop/boardContext';
import { Modal } from '../components/Modal';

/** Explanation of a field or a sheet from the handbook, with its examples as one-click notes. */
export function InfoDialog() {
  const info = useAppStore((s) => s.info);
  const openInfo = useAppStore((s) => s.openInfo);
  const close = useCallback(() => openInfo(null), [openInfo]);
  const fallbackFocus = useCallback(() => document.querySelector<HTMLElement>('.canvas, #main'), []);
  const { template } = useBoard();
  if (!info) return null;
  if (info.kind === 'field') {
    const found = getField(template, info.id);
    if (!found) return null;
    return (
      <Modal titleId="info-title" onClose={close} fallbackFocus={fallbackFocus}>
        <FieldInfo key={found.field.id} field={found.field} sheet={found.sheet} />
      </Modal>
    );
  }
  const sheet = getSheet(template, info.id);
  if (!sheet) return null;
  return (
    <Modal titleId="info-title" onClose={close} fallbackFocus={fallbackFocus}>
      <SheetInfo key={sheet.id} sheet={sheet} />
    </Modal>
  );
}

/** Moves focus to the dialog's heading when its content changes (going from sheet to field). */
function useFocusHeading(): void {
  useEffect(() => {
    document.getElementById('info-title')?.focus();
  }, []);
}

function Paragraphs({ text, locale }: { text: LocalizedText; locale: Locale }) {
  return (
    <>
      {localize(text, locale)
        .split(/\n\s*\n/)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function Links({ links, locale }: { links: readonly TemplateLink[]; locale: Locale }) {
  const t = useT();
  if (links.length === 0) return null;
  return (
    <section className="info__section">
      <h3>{t('info.links')}</h3>
      <ul className="info__links">
        {links.map((link) => (
          <li key={link.url}>
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              {localize(link.label, locale)}
              <span className="visually-hidden"> {t('info.external')}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FieldInfo({ field, sheet }: { field: FieldTemplate; sheet: SheetTemplate }) {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  const [added, setAdded] = useState<ReadonlySet<number>>(new Set());
  const canAdd = newNotesTarget(useCapabilities(), sheet.id) !== null;
  useFocusHeading();
  const title = localize(field.title, locale);

  const addExample = (index: number, text: string) => {
    const note = addNoteInField(ctx, field.id, text, false);
    if (!note) return;
    setAdded((prev) => new Set(prev).add(index));
    ctx.store.getState().announce(t('info.addedIn', { field: title }));
  };

  return (
    <div className="info">
      <p className="info__eyebrow">
        {localize(sheet.label, locale)} — {localize(sheet.title, locale)}
      </p>
      <h2 id="info-title" tabIndex={-1}>
        {title}
      </h2>
      <section className="info__section">
        <h3 className="visually-hidden">{t('info.questions')}</h3>
        {field.questions.map((q, i) => (
          <p key={i} className="info__question">
            {localize(q, locale)}
          </p>
        ))}
        {field.hint && <p className="info__hint">{localize(field.hint, locale)}</p>}
      </section>
      <section className="info__section">
        <h3>{t('info.background')}</h3>
        <Paragraphs text={field.background} locale={locale} />
      </section>
      {field.examples.length > 0 && (
        <section className="info__section">
          <h3>{t('info.examples')}</h3>
          <ul className="info__examples">
            {field.examples.map((example, index) => {
              const text = localize(example, locale);
              const done = added.has(index);
              return (
                <li key={index} className="info__example">
                  <span className="info__example-text">{text}</span>
                  {canAdd && (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => addExample(index, text)}
                      aria-label={`${t('info.addExample')}: ${text}`}
                      data-testid={`add-example-${index}`}
                    >
                      {done ? `✓ ${t('info.added')}` : t('info.addExample')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <Links links={field.links} locale={locale} />
    </div>
  );
}

function SheetInfo({ sheet }: { sheet: SheetTemplate }) {
  const t = useT();
  const locale = useLocale();
  const { template } = useBoard();
  const openInfo = useAppStore((s) => s.openInfo);
  useFocusHeading();
  return (
    <div className="info">
      <p className="info__eyebrow">{localize(template.title, locale)}</p>
      <h2 id="info-title" tabIndex={-1}>
        {localize(sheet.label, locale)} — {localize(sheet.title, locale)}
      </h2>
      <section className="info__section">
        <Paragraphs text={sheet.background} locale={locale} />
      </section>
      <section className="info__section">
        <h3>{t('info.fields')}</h3>
        <ul className="info__field-list">
          {sheet.fields.map((field) => (
            <li key={field.id} className={field.parentId ? 'info__field-list--nested' : undefined}>
              <button type="button" className="link-button" onClick={() => openInfo({ kind: 'field', id: field.id })}>
                {localize(field.title, locale)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="info__section info__source">
        <h3>{t('info.source')}</h3>
        <p>{localize(template.source, locale)}</p>
      </section>
      <ShortcutSetting />
    </div>
  );
}

/** The per-device setting that turns single-key shortcuts off (WCAG 2.1.4). */
function ShortcutSetting() {
  const t = useT();
  const on = useAppStore((s) => s.singleKeyShortcuts);
  const setOn = useAppStore((s) => s.setSingleKeyShortcuts);
  return (
    <section className="info__section">
      <h3>{t('shortcuts.heading')}</h3>
      <label className="info__setting">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => setOn(e.target.checked)}
          data-testid="single-key-shortcuts"
        />{' '}
        {t('shortcuts.singleKeys')}
      </label>
      <p className="info__hint">{t('shortcuts.scope')}</p>
    </section>
  );
}
