import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { Modal } from '../components/Modal';
import { useT } from '../i18n';

/** What a confirmation asks. */
export interface ConfirmRequest {
  readonly title: string;
  /** Paragraphs or a list explaining what will happen. */
  readonly body: ReactNode;
  readonly confirmLabel: string;
  /** Red confirm button for what cannot be undone. */
  readonly danger?: boolean;
}

interface PendingConfirm extends ConfirmRequest {
  readonly resolve: (ok: boolean) => void;
}

/**
 * Asks the facilitator to confirm something before it happens to everyone. `ask` resolves true
 * on confirm, false on cancel, Escape or a click outside; render `dialog` somewhere in the tree.
 */
export function useConfirm(): {
  readonly ask: (request: ConfirmRequest) => Promise<boolean>;
  readonly dialog: ReactNode;
} {
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setPending({ ...request, resolve });
      }),
    [],
  );
  const finish = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending ? <ConfirmDialog request={pending} onDone={finish} /> : null;
  return { ask, dialog };
}

/** A small modal with a question, an explanation, and confirm / cancel. */
export function ConfirmDialog({ request, onDone }: { request: ConfirmRequest; onDone: (ok: boolean) => void }) {
  const t = useT();
  const titleId = useId();
  const done = useRef(false);
  const close = (ok: boolean) => {
    // The backdrop and Escape both close; answer once.
    if (done.current) return;
    done.current = true;
    onDone(ok);
  };
  return (
    <Modal titleId={titleId} onClose={() => close(false)}>
      <div className="fac-confirm">
        <h2 id={titleId} tabIndex={-1}>
          {request.title}
        </h2>
        <div className="fac-confirm__body">{request.body}</div>
        <div className="fac-confirm__actions">
          <button
            type="button"
            className="button button--secondary"
            data-testid="confirm-cancel"
            onClick={() => close(false)}
          >
            {t('fac.confirm.cancel')}
          </button>
          <button
            type="button"
            className={request.danger ? 'button fac-button--danger' : 'button button--primary'}
            data-testid="confirm-ok"
            onClick={() => close(true)}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
