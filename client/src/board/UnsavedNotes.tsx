import { useEffect, useState } from 'react';
import { getField } from '@dmc/shared/template/lookup';
import { addNoteInField } from '../actions/commands';
import type { UnsavedItem } from '../store/recoverySlice';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { newNotesTarget, useCapabilities } from '../workshop/capabilities';
import { useBoard } from '../workshop/boardContext';
import { CopyButton } from '../components/CopyButton';
import { Modal } from '../components/Modal';

/**
 * "Niet opgeslagen": texts this person typed that the server refused after all (a phase change
 * while offline, a note deleted meanwhile). Nothing typed vanishes unseen: each text can be
 * copied, placed again as a new note where notes may be written now, or removed from the list.
 */
export function UnsavedNotes() {
  const t = useT();
  const items = useAppStore((s) => s.unsaved);
  const [open, setOpen] = useState(false);
  // The dialog closes with its last text; a later text waits behind the button again.
  useEffect(() => {
    if (items.length === 0) setOpen(false);
  }, [items.length]);
  if (items.length === 0) return null;
  return (
    <>
      <div className="unsaved-toggle">
        <button type="button" className="button button--small" data-testid="unsaved-open" onClick={() => setOpen(true)}>
          {t('unsaved.open', { count: items.length })}
        </button>
      </div>
      {open && (
        <Modal titleId="unsaved-title" onClose={() => setOpen(false)}>
          <h2 id="unsaved-title">{t('unsaved.heading')}</h2>
          <p>{t('unsaved.intro')}</p>
          <ul className="unsaved-list" data-testid="unsaved-list">
            {items.map((item) => (
              <UnsavedRow key={item.id} item={item} />
            ))}
          </ul>
        </Modal>
      )}
    </>
  );
}

function UnsavedRow({ item }: { item: UnsavedItem }) {
  const t = useT();
  const ctx = useBoard();
  const caps = useCapabilities();
  const removeUnsaved = useAppStore((s) => s.removeUnsaved);
  const found = item.kind === 'note' && item.fieldId ? getField(ctx.template, item.fieldId) : undefined;
  const mayPlace = found !== undefined && newNotesTarget(caps, found.sheet.id) !== null;
  const place = () => {
    if (!found || !addNoteInField(ctx, found.field.id, item.text, false)) return;
    removeUnsaved(item.id);
    useAppStore.getState().announce(t('unsaved.placed'));
  };
  return (
    <li className="unsaved-item" data-testid="unsaved-item" data-kind={item.kind}>
      <span className="unsaved-item__kind">{t(`unsaved.kind.${item.kind}` as MessageKey)}</span>
      <p className="unsaved-item__text" data-testid="unsaved-text">
        {item.text}
      </p>
      <div className="unsaved-item__actions">
        <CopyButton text={item.text} label={t('unsaved.copy', { text: item.text })} />
        {item.kind === 'note' &&
          (mayPlace ? (
            <button
              type="button"
              className="button button--small"
              data-testid="unsaved-place"
              aria-label={t('unsaved.placeLabel', { text: item.text })}
              onClick={place}
            >
              {t('unsaved.place')}
            </button>
          ) : (
            <span className="unsaved-item__hint">{t('unsaved.cannotPlace')}</span>
          ))}
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="unsaved-dismiss"
          aria-label={t('unsaved.dismissLabel', { text: item.text })}
          onClick={() => removeUnsaved(item.id)}
        >
          {t('unsaved.dismiss')}
        </button>
      </div>
    </li>
  );
}
