import { Suspense, useState } from 'react';
import { Modal } from '../components/Modal';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { LoadBoundary, PathIcon } from '../components/LoadBoundary';
import { retryableLazy } from '../components/retryableLazy';

/** The dialog is loaded when first opened: it brings the picture renderer and the file formats. */
const ExportDialog = retryableLazy(() => import('./ExportDialog').then((m) => m.default));

/** A tray with an arrow into it. */
const DOWNLOAD_ICON = 'M12 4v11M7 10l5 5 5-5M4 17v3h16v-3';

/** The toolbar's "Exporteren" button and its dialog: for the facilitator, whom the export endpoint serves. */
export function ExportButton() {
  const t = useT();
  const isFacilitator = useAppStore((s) => s.session?.participant.role === 'facilitator');
  const [open, setOpen] = useState(false);
  if (!isFacilitator) return null;
  const close = () => setOpen(false);
  return (
    <>
      <button
        type="button"
        className="tool-button tool-button--compact tool-button--extra"
        aria-haspopup="dialog"
        title={t('export.open.long')}
        data-testid="export-open"
        onClick={() => setOpen(true)}
      >
        <PathIcon d={DOWNLOAD_ICON} />
        <span className="tool-button__label">{t('export.open')}</span>
      </button>
      {open && (
        <LoadBoundary fallback={<LoadFailed onClose={close} />}>
          <Suspense fallback={null}>
            <ExportDialog onClose={close} />
          </Suspense>
        </LoadBoundary>
      )}
    </>
  );
}

function LoadFailed({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Modal titleId="export-failed-title" onClose={onClose}>
      <h2 id="export-failed-title" tabIndex={-1}>
        {t('export.title')}
      </h2>
      <p className="error" role="alert">
        {t('export.error.load')}
      </p>
    </Modal>
  );
}
