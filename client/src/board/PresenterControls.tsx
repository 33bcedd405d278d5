import { useEffect } from 'react';
import { localize, getField } from '@dmc/shared/template/lookup';
import { isPresenterOf } from '@dmc/shared/domain/policies';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { firstPresentedField, presenterPosition, presenterStep } from '../workshop/presenter';
import { useBoard } from '../workshop/boardContext';
import { useSessionClient } from './workshopContext';

/**
 * For the presenter in the presentations (or the facilitator, when nobody else presents):
 * "Vorig veld / Volgend veld" through the fields of both sheets; everyone's view follows. It starts
 * on the first field with notes, so nobody has to press "Volgend veld" first.
 */
export function PresenterControls() {
  const t = useT();
  const locale = useLocale();
  const { template } = useBoard();
  const session = useSessionClient();
  const presenting = useAppStore((s) => {
    const me = s.session?.participant;
    return isPresenterOf(s.flow, me ? { id: me.id, role: me.role } : null, s.boardId);
  });
  const sheetId = useAppStore((s) => s.flow?.presenterSheetId ?? null);
  const fieldId = useAppStore((s) => s.flow?.presenterFieldId ?? null);
  const notesLoaded = useAppStore((s) => s.notesLoaded);
  const notes = useAppStore((s) => s.notes);
  const unstarted = presenting && (sheetId === null || fieldId === null);
  // A presentation opens on the group's first field with notes, once the board has loaded.
  useEffect(() => {
    if (!unstarted || !notesLoaded || !session) return;
    const start = firstPresentedField(template, notes);
    if (start) session.present(start.sheetId, start.fieldId);
  }, [unstarted, notesLoaded, notes, session, template]);
  if (!presenting || !session) return null;
  const current = sheetId && fieldId ? { sheetId, fieldId } : null;
  const prev = presenterStep(template, current, -1);
  const next = presenterStep(template, current, 1);
  const { index, count } = presenterPosition(template, current);
  const field = fieldId ? getField(template, fieldId) : undefined;
  return (
    <section className="presenter" aria-label={t('presenter.region')} data-testid="presenter-controls">
      <span className="presenter__you">{t('presenter.you')}</span>
      <button
        type="button"
        className="button button--small button--secondary"
        data-testid="present-prev"
        disabled={!prev}
        onClick={() => prev && session.present(prev.sheetId, prev.fieldId)}
      >
        ‹ {t('presenter.prev')}
      </button>
      <span className="presenter__position" aria-live="polite">
        {field && index > 0
          ? t('presenter.position', { index, count, field: localize(field.field.title, locale) })
          : t('presenter.notStarted')}
      </span>
      <button
        type="button"
        className="button button--small button--primary"
        data-testid="present-next"
        disabled={!next}
        onClick={() => next && session.present(next.sheetId, next.fieldId)}
      >
        {t('presenter.next')} ›
      </button>
    </section>
  );
}
