import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { LoadBoundary, PathIcon } from '../components/LoadBoundary';
import { retryableLazy } from '../components/retryableLazy';
import { useT } from '../i18n';
import type { DeckTarget } from '../components/cardDrag';
import './toolbar.css';

/** The panel is loaded when first opened: it brings the deck's texts. */
const DeckPanel = retryableLazy(() => import('./DeckPanel').then((m) => m.default));

/** Two stacked cards. */
const CARDS_ICON = 'M8 4h11v13H8zM5 7v13h11';

/**
 * The toolbar's "Inspiratie" button: opens and closes the inspiration panel beside the canvas.
 * The panel lives in the board's body, left of the canvas, which makes room for it.
 */
export function DeckToggle({ target = 'canvas' }: { target?: DeckTarget }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setHost(open ? document.querySelector<HTMLElement>('.board-body') : null);
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="tool-button tool-button--compact tool-button--extra"
        aria-expanded={open}
        aria-controls={open ? 'deck-panel' : undefined}
        title={t('deck.open.long')}
        data-testid="deck-toggle"
        onClick={() => setOpen(!open)}
      >
        <PathIcon d={CARDS_ICON} />
        <span className="tool-button__label">{t('deck.open')}</span>
      </button>
      {open &&
        host &&
        createPortal(
          <LoadBoundary
            fallback={
              <aside id="deck-panel" className="deck-panel" aria-label={t('deck.title')}>
                <p className="error" role="alert">
                  {t('deck.loadFailed')}
                </p>
              </aside>
            }
          >
            <Suspense
              fallback={<aside id="deck-panel" className="deck-panel" aria-busy="true" aria-label={t('deck.title')} />}
            >
              <DeckPanel onClose={close} target={target} />
            </Suspense>
          </LoadBoundary>,
          host,
        )}
    </>
  );
}
