import { useMemo } from 'react';
import { sheetGuidance, type Guidance, type GuidanceInput } from '@dmc/shared/domain/guidance';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { useAppStore, type AppState } from '../store';
import { choiceWarnings, fieldWarningsShown } from './guidance';

/**
 * The guidance from the store: the board's records as `sheetGuidance` reads them, and whether the
 * warnings show on the board on screen now. Memoised, so the canvas redraws only on a change.
 */

let inputCache: { notes: AppState['boardNotes']; discussion: AppState['discussion']; value: GuidanceInput } | null =
  null;

/**
 * What the guidance looks at: the notes of the board document (private drafts are not the
 * group's yet) and the board's wordings, choices and action points.
 */
export function selectGuidanceInput(s: AppState): GuidanceInput {
  if (inputCache && inputCache.notes === s.boardNotes && inputCache.discussion === s.discussion)
    return inputCache.value;
  const value: GuidanceInput = {
    notes: s.boardNotes,
    formulations: s.discussion.formulations,
    choices: s.discussion.choices,
    deferrals: s.discussion.deferrals,
  };
  inputCache = { notes: s.boardNotes, discussion: s.discussion, value };
  return value;
}

/** The advice for a sheet of the board on screen, right now. */
export function selectSheetAdvice(s: AppState, sheet: SheetTemplate): Guidance[] {
  return sheetGuidance(sheet, selectGuidanceInput(s));
}

/** Whether the choice warnings show on this sheet now (the board is loaded, the phase discusses it, the workshop is open). */
export function selectWarningsShown(s: AppState, sheetId: string): boolean {
  const closed = s.settings?.closed ?? s.session?.workshop.closed ?? false;
  return s.flow !== null && s.notesLoaded && !closed && fieldWarningsShown(s.flow.phaseId, sheetId);
}

/** The advice for a sheet, re-computed when the board's records change. */
export function useSheetAdvice(sheet: SheetTemplate): readonly Guidance[] {
  const input = useAppStore(selectGuidanceInput);
  return useMemo(() => sheetGuidance(sheet, input), [sheet, input]);
}

const NONE: ReadonlyMap<string, Guidance> = new Map();

/** The choice warnings to show on the fields of a sheet now, by field (none when they do not show). */
export function useChoiceWarnings(sheet: SheetTemplate): ReadonlyMap<string, Guidance> {
  const shown = useAppStore((s) => selectWarningsShown(s, sheet.id));
  const advice = useSheetAdvice(sheet);
  return useMemo(() => (shown ? choiceWarnings(advice) : NONE), [shown, advice]);
}
