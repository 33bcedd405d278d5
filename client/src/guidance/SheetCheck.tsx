import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { sheetGuidance } from '@dmc/shared/domain/guidance';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { localize } from '@dmc/shared/template/lookup';
import { sheetById, templateOf } from '../scene/template';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { mayUse, useCapabilities } from '../workshop/capabilities';
import { LoadBoundary } from '../components/LoadBoundary';
import { retryableLazy } from '../components/retryableLazy';

/** Fetches the check's dialog; the board fetches it ahead of need with its other parts (board/preloadedParts.ts). */
export const loadGuidanceDialog = () => import('./GuidanceDialog');
const GuidanceDialog = retryableLazy(() => loadGuidanceDialog().then((m) => m.GuidanceDialog));
import {
  guidanceItems,
  readyCheckSheetId,
  readyNeedsCheck,
  sheetCheckShown,
  type CheckMode,
} from '../workshop/guidance';
import { selectGuidanceInput, selectSheetAdvice, selectWarningsShown } from '../workshop/useGuidance';
import './guidance.css';

/** An open check: for which sheet, why, and whether it waits while the field panel is open. */
interface OpenCheck {
  readonly mode: CheckMode;
  readonly sheetId: string;
  readonly phaseId: PhaseId;
  /** "Maak actiepunt" / "Kies in dit veld" opened the field panel; the check comes back when it closes. */
  readonly suspended: boolean;
}

/** What `useSheetCheck` gives its host. */
export interface SheetCheck {
  /** Opens the check of the sheet on screen ("Controleer vel"). */
  openCheck(): void;
  /**
   * Before saying "klaar": in a discussion phase whose sheet still has advice, opens the check and
   * returns true ("Toch klaar melden" then calls `ready`); otherwise returns false.
   */
  beforeReady(ready: () => void): boolean;
  /** The dialog, when open; render it anywhere. */
  readonly dialog: ReactNode;
}

/**
 * The sheet check of the board on screen: its dialog, and the way back to it after the group made
 * an action point or a choice in the field panel. Closes when the phase moves on.
 */
export function useSheetCheck(boardId: string, fallbackFocus: () => HTMLElement | null): SheetCheck {
  const [open, setOpen] = useState<OpenCheck | null>(null);
  const readyRef = useRef<(() => void) | null>(null);
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? null);
  const fieldPanel = useAppStore((s) => s.fieldPanel);
  const input = useAppStore(selectGuidanceInput);
  const caps = useCapabilities();
  const locale = useLocale();
  const template = templateOf(boardId);
  const sheet = open ? (template.sheets.find((s) => s.id === open.sheetId) ?? null) : null;
  const items = useMemo(
    () => (sheet ? guidanceItems(sheet, sheetGuidance(sheet, input), locale) : []),
    [sheet, input, locale],
  );

  // Back from the field panel: show the check again, with what changed. Focus goes to the button
  // that opened the check first, so closing the check returns there and not to the canvas.
  useEffect(() => {
    if (!open?.suspended || fieldPanel !== null) return;
    fallbackFocus()?.focus({ preventScroll: true });
    setOpen({ ...open, suspended: false });
  }, [open, fieldPanel, fallbackFocus]);
  // The facilitator moved everyone on: this check is about a phase that is over.
  useEffect(() => {
    if (open && phaseId !== open.phaseId) setOpen(null);
  }, [open, phaseId]);

  const openCheck = useCallback(() => {
    const state = useAppStore.getState();
    if (state.flow) setOpen({ mode: 'check', sheetId: state.sheetId, phaseId: state.flow.phaseId, suspended: false });
  }, []);

  const beforeReady = useCallback(
    (ready: () => void) => {
      const state = useAppStore.getState();
      const sheetId = state.flow ? readyCheckSheetId(state.flow.phaseId) : null;
      const target = sheetId ? templateOf(boardId).sheets.find((s) => s.id === sheetId) : undefined;
      // Before the board has loaded there is nothing to judge: never stand in the way.
      if (
        !state.flow ||
        !target ||
        !state.notesLoaded ||
        !readyNeedsCheck(state.flow.phaseId, selectSheetAdvice(state, target))
      )
        return false;
      readyRef.current = ready;
      setOpen({ mode: 'ready', sheetId: target.id, phaseId: state.flow.phaseId, suspended: false });
      return true;
    },
    [boardId],
  );

  const toFieldPanel = (fieldId: string, focus: 'deferral' | 'none') => {
    if (!open) return;
    useAppStore.getState().openFieldPanel({ fieldId, focus });
    setOpen({ ...open, suspended: true });
  };

  const dialog =
    open && sheet && !open.suspended ? (
      <LoadBoundary fallback={null}>
        <Suspense fallback={null}>
          <GuidanceDialog
            mode={open.mode}
            sheet={sheet}
            items={items}
            mayDefer={mayUse(caps, 'defer', sheet.id)}
            mayChoose={mayUse(caps, 'formulate', sheet.id)}
            onDefer={(fieldId) => toFieldPanel(fieldId, 'deferral')}
            onChoose={(fieldId) => toFieldPanel(fieldId, 'none')}
            onReady={() => {
              setOpen(null);
              readyRef.current?.();
              readyRef.current = null;
            }}
            onClose={() => {
              setOpen(null);
              readyRef.current = null;
            }}
            fallbackFocus={fallbackFocus}
          />
        </Suspense>
      </LoadBoundary>
    ) : null;

  return { openCheck, beforeReady, dialog };
}

/**
 * "Controleer vel": in the phase banner while a sheet of the model is discussed, with the number
 * of points to consider, so a group can check its sheet any time. The facilitator has it too.
 */
export function SheetCheckButton({ boardId }: { boardId: string }) {
  const t = useT();
  const locale = useLocale();
  const sheetId = useAppStore((s) => s.sheetId);
  const shown = useAppStore(
    (s) => selectWarningsShown(s, s.sheetId) && s.flow !== null && sheetCheckShown(s.flow.phaseId, s.sheetId),
  );
  const input = useAppStore(selectGuidanceInput);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fallbackFocus = useCallback(() => buttonRef.current, []);
  const check = useSheetCheck(boardId, fallbackFocus);
  const sheet = sheetById(sheetId);
  const count = useMemo(
    () => (shown ? guidanceItems(sheet, sheetGuidance(sheet, input), locale).length : 0),
    [shown, sheet, input, locale],
  );
  if (!shown) return check.dialog;
  const name = localize(sheet.label, locale);
  const label =
    count === 0
      ? t('guide.checkLabelNone', { sheet: name })
      : count === 1
        ? t('guide.checkLabelOne', { sheet: name })
        : t('guide.checkLabel', { sheet: name, count });
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small button--secondary guidance-check"
        data-testid="guidance-check"
        data-count={count}
        title={label}
        onClick={check.openCheck}
      >
        <span aria-hidden="true">{count > 0 ? '⚠' : '☑'}</span>
        <span className="guidance-check__label">{t('guide.check')}</span>
        {/* In a narrow window the short form shows instead; it is part of the full name above (WCAG 2.5.3). */}
        <span className="guidance-check__short" aria-hidden="true">
          {t('guide.checkShort')}
        </span>
        <span className="visually-hidden"> ({label})</span>
        {count > 0 && (
          <span className="guidance-check__count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      {check.dialog}
    </>
  );
}
