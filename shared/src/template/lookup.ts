import type { CanvasTemplate, FieldTemplate, Locale, LocalizedText, SheetTemplate } from './types';
import { LOCALES } from './types';

/** The sheet with the given id, or undefined. */
export function getSheet(template: CanvasTemplate, sheetId: string): SheetTemplate | undefined {
  return template.sheets.find((sheet) => sheet.id === sheetId);
}

/** The field with the given id together with the sheet it lies on, or undefined. */
export function getField(
  template: CanvasTemplate,
  fieldId: string,
): { field: FieldTemplate; sheet: SheetTemplate } | undefined {
  for (const sheet of template.sheets) {
    const field = sheet.fields.find((f) => f.id === fieldId);
    if (field !== undefined) return { field, sheet };
  }
  return undefined;
}

/** The innermost field containing the point (edges count as inside), or undefined. */
export function fieldAt(sheet: SheetTemplate, x: number, y: number): FieldTemplate | undefined {
  let best: FieldTemplate | undefined;
  let bestDepth = -1;
  for (const field of sheet.fields) {
    const { rect } = field;
    const inside = x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
    if (!inside) continue;
    // Only strictly deeper fields win, so on a shared edge the first sibling in sheet order does.
    const depth = depthOf(sheet, field);
    if (depth > bestDepth) {
      best = field;
      bestDepth = depth;
    }
  }
  return best;
}

/** Whether a field's notes may be marked "kunnen we nu niet beantwoorden" (its template says it asks questions). */
export function asksQuestions(template: CanvasTemplate, fieldId: string | null): boolean {
  return fieldId !== null && getField(template, fieldId)?.field.asksQuestions === true;
}

/** The fields directly under `parentId`, or the top-level fields when it is omitted; in sheet order. */
export function fieldsOf(sheet: SheetTemplate, parentId?: string): readonly FieldTemplate[] {
  return sheet.fields.filter((field) => field.parentId === parentId);
}

/** The text in the given locale, falling back to the default locale when that text is empty. */
export function localize(text: LocalizedText, locale: Locale): string {
  const value = text[locale];
  return value.trim() !== '' ? value : text[LOCALES[0]];
}

/** How deep a field is nested: 0 for a top-level field, 1 for a box inside it, and so on. */
export function depthOf(sheet: SheetTemplate, field: FieldTemplate): number {
  let depth = 0;
  let current: FieldTemplate | undefined = field;
  // Bounded by the field count so that a malformed (cyclic) template cannot loop forever.
  while (current?.parentId !== undefined && depth < sheet.fields.length) {
    const parentId: string = current.parentId;
    current = sheet.fields.find((f) => f.id === parentId);
    depth++;
  }
  return depth;
}
