import { useEffect, useState, type RefObject } from 'react';
import type { ActionContext } from '../actions/types';
import { useBoard } from '../workshop/boardContext';
import type { Notice } from '../store';
import { translate, useLocale, useT } from '../i18n';
import { screenToSheet } from '../scene/viewport';
import { sheetById } from '../scene/template';
import { viewportOf } from '../store/viewportControl';
import { readonlyReason, reasonText, selectCapabilities } from '../workshop/capabilities';
import { addCardAtPoint, fieldTitleOf, mayAddCard } from './cardNote';
import { cardFromDrop, isCardDrag } from '../components/cardDrag';

/**
 * The canvas as a drop target for inspiration cards: while a card is dragged over it, it says
 * whether the card can become a note here (and if not, why not — the phase, the sheet, a closed
 * workshop); a drop makes a note of the card's text centred under the pointer.
 */

/** The notice that says why a card cannot become a note here now (the phase, the sheet, a closed workshop, a full board). */
export function refusalNotice(ctx: ActionContext, reason: 'readonly' | 'refused'): Omit<Notice, 'id'> {
  if (reason === 'refused') return { tone: 'info', key: 'deck.refused' };
  const state = ctx.store.getState();
  const why = readonlyReason(selectCapabilities(state), state.sheetId);
  if (!why) return { tone: 'info', key: 'deck.cannotAdd' };
  return {
    tone: 'info',
    key: 'deck.readonly',
    vars: { reason: reasonText(why, (key, vars) => translate(state.locale, key, vars), ctx.template, state.locale) },
  };
}

/** What a card dragged over the canvas would do. */
export type CardDropState = 'none' | 'allowed' | 'refused';

/** Makes the element a drop target for cards; returns what a drag over it would do now. */
export function useCardDrop(containerRef: RefObject<HTMLElement | null>): CardDropState {
  const ctx = useBoard();
  const [state, setState] = useState<CardDropState>('none');

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onOver = (e: DragEvent) => {
      if (!isCardDrag(e.dataTransfer)) return;
      const allowed = mayAddCard(ctx);
      // Without preventDefault the browser refuses the drop (and shows so with its cursor).
      if (allowed) e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = allowed ? 'copy' : 'none';
      setState(allowed ? 'allowed' : 'refused');
    };
    const onLeave = (e: DragEvent) => {
      if (!(e.relatedTarget instanceof Node && el.contains(e.relatedTarget))) setState('none');
    };
    const onEnd = () => setState('none');
    const onDrop = (e: DragEvent) => {
      setState('none');
      const card = cardFromDrop(e.dataTransfer);
      if (!card) return;
      e.preventDefault();
      const store = ctx.store.getState();
      const box = el.getBoundingClientRect();
      const point = screenToSheet(viewportOf(store, sheetById(store.sheetId)), {
        x: e.clientX - box.left,
        y: e.clientY - box.top,
      });
      const result = addCardAtPoint(ctx, card.text, point);
      if (result.ok) {
        const field = fieldTitleOf(ctx, result.fieldId);
        store.announce(
          field ? translate(store.locale, 'deck.added', { field }) : translate(store.locale, 'deck.addedOutside'),
        );
        el.focus({ preventScroll: true });
      } else {
        store.showNotice(refusalNotice(ctx, result.reason));
      }
    };
    el.addEventListener('dragenter', onOver);
    el.addEventListener('dragover', onOver);
    el.addEventListener('dragleave', onLeave);
    el.addEventListener('drop', onDrop);
    window.addEventListener('dragend', onEnd);
    window.addEventListener('drop', onEnd);
    return () => {
      el.removeEventListener('dragenter', onOver);
      el.removeEventListener('dragover', onOver);
      el.removeEventListener('dragleave', onLeave);
      el.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', onEnd);
      window.removeEventListener('drop', onEnd);
    };
  }, [containerRef, ctx]);

  return state;
}

/** The message over the canvas while a card is dragged over it. */
export function CardDropHint({ state }: { state: CardDropState }) {
  const t = useT();
  const locale = useLocale();
  const { store, template } = useBoard();
  if (state === 'none') return null;
  const s = store.getState();
  const reason = state === 'refused' ? readonlyReason(selectCapabilities(s), s.sheetId) : null;
  return (
    <div className={`card-drop-hint card-drop-hint--${state}`} data-testid="card-drop-hint" data-state={state}>
      {state === 'allowed'
        ? t('deck.drop.allowed')
        : reason
          ? t('deck.drop.refusedBecause', { reason: reasonText(reason, t, template, locale) })
          : t('deck.cannotAdd')}
    </div>
  );
}
