import { fieldsOf } from '@dmc/shared/template/lookup';
import type { CanvasTemplate } from '@dmc/shared/template/types';

/**
 * The presenter's route through a board in the presentations: every top-level field of every
 * sheet, in template order (a field with nested boxes, like PRIVACY, is shown whole).
 */

/** A field on a sheet. */
export interface FieldRef {
  readonly sheetId: string;
  readonly fieldId: string;
}

/** The fields a presenter steps through, in order. */
export function presenterFields(template: CanvasTemplate): FieldRef[] {
  return template.sheets.flatMap((sheet) => fieldsOf(sheet).map((field) => ({ sheetId: sheet.id, fieldId: field.id })));
}

/**
 * The field after (+1) or before (−1) the current one; from nothing, "next" is the first field.
 * Null at either end. A nested field counts as its place in the order of its parent.
 */
export function presenterStep(template: CanvasTemplate, current: FieldRef | null, direction: 1 | -1): FieldRef | null {
  const order = presenterFields(template);
  if (!current) return direction === 1 ? (order[0] ?? null) : null;
  const sheet = template.sheets.find((s) => s.id === current.sheetId);
  const parent = sheet?.fields.find((f) => f.id === current.fieldId)?.parentId;
  const fieldId = parent ?? current.fieldId;
  const index = order.findIndex((f) => f.sheetId === current.sheetId && f.fieldId === fieldId);
  if (index < 0) return direction === 1 ? (order[0] ?? null) : null;
  return order[index + direction] ?? null;
}

/** Position of the current field in the route, 1-based, and the route's length. */
export function presenterPosition(
  template: CanvasTemplate,
  current: FieldRef | null,
): { index: number; count: number } {
  const order = presenterFields(template);
  const index = current ? order.findIndex((f) => f.sheetId === current.sheetId && f.fieldId === current.fieldId) : -1;
  return { index: index + 1, count: order.length };
}

/**
 * Where a presentation starts: the first field of the route with a note in it (or in a box nested
 * in it), so the presenter does not open on "no field chosen yet"; the first field of the route
 * when the board is empty.
 */
export function firstPresentedField(
  template: CanvasTemplate,
  notes: readonly { readonly sheetId: string; readonly fieldId: string | null }[],
): FieldRef | null {
  const filled = new Set<string>();
  for (const note of notes) {
    const sheet = template.sheets.find((s) => s.id === note.sheetId);
    const field = sheet?.fields.find((f) => f.id === note.fieldId);
    if (field) filled.add(`${note.sheetId}:${field.parentId ?? field.id}`);
  }
  const order = presenterFields(template);
  return order.find((f) => filled.has(`${f.sheetId}:${f.fieldId}`)) ?? order[0] ?? null;
}
