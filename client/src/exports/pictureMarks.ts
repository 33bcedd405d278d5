import type { Choice, Deferral, Formulation } from '@dmc/shared/domain/discussion';
import type { Note } from '@dmc/shared/domain/note';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { isNoteChosen, isWordingChosen } from '../workshop/guidance';

/**
 * What a sheet picture marks besides the notes' counters, from the exported board's own records
 * (not the board on screen): the notes and wordings the group chose ("✓ GEKOZEN") and each
 * field's open questions ("⚑ 2") — as the board and the A0 PDF show them. Pure.
 */

/** The marks of one sheet. */
export interface PictureMarks {
  /** Notes the group chose, while they lie in the field they were chosen in. */
  readonly chosenNotes: ReadonlySet<string>;
  /** Fields that ask for a choice whose agreed wording the group chose. */
  readonly chosenWordings: ReadonlySet<string>;
  /** Open questions (draft action points) per field of the sheet; fields without any are left out. */
  readonly openPoints: ReadonlyMap<string, number>;
}

/** The records the marks come from. */
export interface MarkSources {
  readonly choices: readonly Choice[];
  readonly deferrals: readonly Deferral[];
  readonly formulations: readonly Formulation[];
}

/** The marks of a sheet of a board. */
export function pictureMarks(sheet: SheetTemplate, notes: readonly Note[], board: MarkSources): PictureMarks {
  const chosenNotes = new Set(
    notes.filter((n) => n.sheetId === sheet.id && isNoteChosen(board.choices, n)).map((n) => n.id),
  );
  const chosenWordings = new Set<string>();
  const openPoints = new Map<string, number>();
  for (const field of sheet.fields) {
    const wording = board.formulations.find((f) => f.fieldId === field.id)?.text;
    // As the board: only a field that asks for a choice shows its wording as chosen.
    if (field.maxChosen !== undefined && isWordingChosen(board.choices, field.id, wording))
      chosenWordings.add(field.id);
    const open = board.deferrals.filter((d) => d.fieldId === field.id).length;
    if (open > 0) openPoints.set(field.id, open);
  }
  return { chosenNotes, chosenWordings, openPoints };
}
