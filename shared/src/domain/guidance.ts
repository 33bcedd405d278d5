import type { FieldTemplate, SheetTemplate } from '../template/types';
import type { Choice, Deferral, Formulation } from './discussion';
import type { Note } from './note';

/**
 * The canvas's own instructions, checked: DOEL asks the group to choose exactly one goal ("Kies
 * er één"), the concrete questions at most two ("max 2"), and the handbook advises to consider
 * every question — answer it, or make an action point of it. Pure: the UI shows the result as
 * gentle warnings, never as a block.
 */

/** One piece of advice about one field. */
export type Guidance =
  | { readonly kind: 'choose-one'; readonly fieldId: string; readonly chosen: number }
  | { readonly kind: 'too-many'; readonly fieldId: string; readonly chosen: number; readonly max: number }
  | { readonly kind: 'empty'; readonly fieldId: string };

/** What the guidance looks at on one board. */
export interface GuidanceInput {
  readonly notes: readonly Note[];
  readonly formulations: readonly Formulation[];
  readonly choices: readonly Choice[];
  readonly deferrals: readonly Deferral[];
}

/** Choices in a field that still point at something that exists. */
function liveChoices(field: FieldTemplate, input: GuidanceInput): number {
  const noteIds = new Set(input.notes.filter((n) => n.fieldId === field.id).map((n) => n.id));
  const wording = input.formulations.some((f) => f.fieldId === field.id && f.text.trim() !== '');
  return input.choices.filter(
    (c) =>
      c.fieldId === field.id &&
      ((c.targetKind === 'note' && noteIds.has(c.targetId)) || (c.targetKind === 'formulation' && wording)),
  ).length;
}

/**
 * Advice for a sheet at the end of its discussion: fields that ask for a choice and have none or
 * too many, and fields nobody wrote anything in (no note, no wording, no action point). Nested
 * boxes count for their parent too: a note in a DPIA box means PRIVACY was considered.
 */
export function sheetGuidance(sheet: SheetTemplate, input: GuidanceInput): Guidance[] {
  const out: Guidance[] = [];
  for (const field of sheet.fields) {
    if (field.maxChosen !== undefined) {
      const chosen = liveChoices(field, input);
      if (field.maxChosen === 1 && chosen !== 1) out.push({ kind: 'choose-one', fieldId: field.id, chosen });
      else if (field.maxChosen > 1 && chosen > field.maxChosen)
        out.push({ kind: 'too-many', fieldId: field.id, chosen, max: field.maxChosen });
    }
    const family = new Set([field.id, ...sheet.fields.filter((f) => f.parentId === field.id).map((f) => f.id)]);
    const considered =
      input.notes.some((n) => n.fieldId !== null && family.has(n.fieldId)) ||
      input.formulations.some((f) => family.has(f.fieldId) && f.text.trim() !== '') ||
      input.deferrals.some((d) => family.has(d.fieldId));
    // A nested box on its own is not a question to consider; its parent is.
    if (!considered && !field.parentId) out.push({ kind: 'empty', fieldId: field.id });
  }
  return out;
}
