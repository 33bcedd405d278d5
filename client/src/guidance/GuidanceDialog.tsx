import { localize } from '@dmc/shared/template/lookup';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { Modal } from '../components/Modal';
import { useLocale, useT } from '../i18n';
import type { CheckMode, GuidanceItem } from '../workshop/guidance';
import './guidance.css';

interface GuidanceDialogProps {
  readonly mode: CheckMode;
  readonly sheet: SheetTemplate;
  readonly items: readonly GuidanceItem[];
  /** Action points may be made on this sheet now. */
  readonly mayDefer: boolean;
  /** Choices may be made on this sheet now. */
  readonly mayChoose: boolean;
  readonly onDefer: (fieldId: string) => void;
  readonly onChoose: (fieldId: string) => void;
  /** "Toch klaar melden" (ready mode). */
  readonly onReady: () => void;
  readonly onClose: () => void;
  /** Where focus goes when the dialog closes and its opener is gone; must be stable (a new one re-runs the dialog's focus handling). */
  readonly fallbackFocus: () => HTMLElement | null;
}

/**
 * Before the subgroup moves on, or whenever it asks: the fields of the sheet nobody wrote anything
 * in, and choices that are not as the canvas asks, with the handbook's advice — you need not
 * answer every question, but consider them all; what you cannot answer now becomes an action
 * point. Friendly and never blocking: "Toch klaar melden" is always there.
 */
export function GuidanceDialog(props: GuidanceDialogProps) {
  const { mode, sheet, items } = props;
  const t = useT();
  const locale = useLocale();
  const sheetName = localize(sheet.label, locale);
  return (
    <Modal titleId="guidance-title" onClose={props.onClose} fallbackFocus={props.fallbackFocus}>
      <div className="info guidance-dialog" data-testid="guidance-dialog" data-mode={mode} data-sheet-id={sheet.id}>
        <p className="info__eyebrow">
          {sheetName} — {localize(sheet.title, locale)}
        </p>
        <h2 id="guidance-title" tabIndex={-1}>
          {mode === 'ready' ? t('guide.readyTitle', { sheet: sheetName }) : t('guide.checkTitle', { sheet: sheetName })}
        </h2>
        <p className="guidance-dialog__advice">{t('guide.advice')}</p>
        {items.length === 0 ? (
          <p className="guidance-dialog__ok" data-testid="guidance-all-good">
            <span aria-hidden="true">✓ </span>
            {t('guide.allGood')}
          </p>
        ) : (
          <section aria-labelledby="guidance-list-heading">
            <h3 id="guidance-list-heading">{t('guide.listHeading')}</h3>
            <ul className="guidance-list">
              {items.map((item) => {
                const title = localize(item.field.title, locale);
                return (
                  <li key={item.field.id} className="guidance-item" data-testid={`guidance-item-${item.field.id}`}>
                    <div className="guidance-item__body">
                      <p className="guidance-item__title">{title}</p>
                      <ul className="guidance-item__texts">
                        {item.texts.map((text) => (
                          <li key={text.key}>
                            <span aria-hidden="true">⚠ </span>
                            {t(text.key, text.vars)}
                          </li>
                        ))}
                      </ul>
                    </div>
                    {((item.empty && props.mayDefer) || (item.choice && props.mayChoose)) && (
                      <div className="guidance-item__actions">
                        {item.empty && props.mayDefer && (
                          <button
                            type="button"
                            className="button button--small"
                            data-testid={`guidance-defer-${item.field.id}`}
                            aria-label={t('guide.makeActionIn', { field: title })}
                            onClick={() => props.onDefer(item.field.id)}
                          >
                            {t('guide.makeAction')}
                          </button>
                        )}
                        {item.choice && props.mayChoose && (
                          <button
                            type="button"
                            className="button button--small"
                            data-testid={`guidance-choose-${item.field.id}`}
                            aria-label={t('guide.chooseInLabel', { field: title })}
                            onClick={() => props.onChoose(item.field.id)}
                          >
                            {t('guide.chooseIn')}
                          </button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <div className="field-panel__buttons guidance-dialog__buttons">
          {mode === 'ready' ? (
            <>
              <button
                type="button"
                className="button button--primary"
                data-testid="guidance-ready"
                onClick={props.onReady}
              >
                {items.length > 0 ? t('guide.readyAnyway') : t('guide.ready')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                data-testid="guidance-back"
                onClick={props.onClose}
              >
                {t('guide.back')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              data-testid="guidance-close"
              onClick={props.onClose}
            >
              {t('common.close')}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
