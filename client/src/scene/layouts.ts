import { localize } from '@dmc/shared/template/lookup';
import type { CanvasTemplate, FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import {
  layoutSheetField,
  layoutSheetHeader,
  type FieldLayout,
  type Measurers,
  type SheetHeaderLayout,
} from './fieldLayout';
import { canvasMeasurer } from './measure';

/** Browser measurers for the three font styles we draw. */
export function browserMeasurers(): Measurers {
  return { normal: canvasMeasurer('normal'), bold: canvasMeasurer('bold'), italic: canvasMeasurer('italic') };
}

const fieldCache = new Map<string, FieldLayout>();
const headerCache = new Map<string, SheetHeaderLayout>();

/**
 * The layout of a field in a locale, computed once. Nested boxes of one parent share the text
 * size of the most crowded of them, so the boxes read as one set.
 */
export function fieldLayoutFor(sheet: SheetTemplate, field: FieldTemplate, locale: Locale): FieldLayout {
  const key = `${sheet.id}|${field.id}|${locale}`;
  let layout = fieldCache.get(key);
  if (!layout) {
    layout = layoutSheetField(sheet, field, locale, browserMeasurers());
    fieldCache.set(key, layout);
  }
  return layout;
}

/** The layout of a sheet's heading in a locale, computed once. */
export function sheetHeaderFor(template: CanvasTemplate, sheet: SheetTemplate, locale: Locale): SheetHeaderLayout {
  const key = `${template.id}|${sheet.id}|${locale}`;
  let layout = headerCache.get(key);
  if (!layout) {
    layout = layoutSheetHeader(sheet, localize(template.title, locale), locale, browserMeasurers());
    headerCache.set(key, layout);
  }
  return layout;
}
