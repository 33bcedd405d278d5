import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import type { CanvasTemplate, SheetTemplate } from '@dmc/shared/template/types';

/** The canvas this client shows. One template for now; components read everything from it. */
export const template: CanvasTemplate = discussiemodelTemplate;

/** The sheet with this id, or the first sheet. */
export function sheetById(sheetId: string): SheetTemplate {
  const sheet = template.sheets.find((s) => s.id === sheetId) ?? template.sheets[0];
  if (!sheet) throw new Error('the template has no sheets');
  return sheet;
}
