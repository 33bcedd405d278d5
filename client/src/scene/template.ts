import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { plenaryTemplate, templateForBoard } from '@dmc/shared/template/plenary';
import type { CanvasTemplate, SheetTemplate } from '@dmc/shared/template/types';

/**
 * The canvases this client shows. Each board has its template (`templateForBoard`): a subgroup
 * board has both sheets of the model, the plenary board also the welcome sheet. Sheet ids are
 * unique across them, so a sheet can be found by id alone.
 */

/** The template of a subgroup board (both sheets of the model). */
export const template: CanvasTemplate = discussiemodelTemplate;

/** Every sheet any board can have (the plenary template has them all). */
export const ALL_SHEETS: readonly SheetTemplate[] = plenaryTemplate.sheets;

/** The sheet with this id, or the first sheet. */
export function sheetById(sheetId: string): SheetTemplate {
  const sheet = ALL_SHEETS.find((s) => s.id === sheetId) ?? template.sheets[0];
  if (!sheet) throw new Error('the template has no sheets');
  return sheet;
}

/** The template of a board (`plenary` or a subgroup id). */
export function templateOf(boardId: string): CanvasTemplate {
  return templateForBoard(boardId);
}
