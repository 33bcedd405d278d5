import { Suspense, useCallback, useState } from 'react';
import { useT } from '../i18n';
import { LoadBoundary } from '../components/LoadBoundary';
import { retryableLazy } from '../components/retryableLazy';

// The dialog (and what it reads, downloads and explains) loads when it first opens.
const MyDataDialog = retryableLazy(() => import('./MyDataDialog').then((m) => m.default));

/**
 * A rename restarts the workshop screen (its connections reconnect under the new name, so presence
 * follows), which mounts the header anew, maybe more than once: the dialog stays open through it,
 * saying what happened, until the person closes it.
 */
let afterRename: string | null = null;

/** Keeps the dialog open, with this message, through the restart a rename causes. */
export function rememberRename(message: string): void {
  afterRename = message;
}

/** The "Mijn gegevens" button in the board's header, and its dialog. */
export function MyDataButton() {
  const t = useT();
  const [reopened] = useState(() => afterRename);
  const [open, setOpen] = useState(reopened !== null);
  const close = useCallback(() => {
    afterRename = null;
    setOpen(false);
  }, []);
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="my-data-open"
      >
        {t('mydata.open')}
      </button>
      {open && (
        <LoadBoundary fallback={<p role="alert">{t('load.failed')}</p>}>
          <Suspense fallback={null}>
            <MyDataDialog onClose={close} renamed={reopened} />
          </Suspense>
        </LoadBoundary>
      )}
    </>
  );
}
