import { ACTION_COLUMNS, text } from '../i18n/catalogue';
import type { Locale } from '../template/types';
import type { ActionItem } from '../domain/actionItems';
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS } from '../domain/actionTexts';
import { stripBidiControls } from './text';

/**
 * The action list as CSV, for spreadsheets and task tools. Two dialects:
 * - 'excel-nl': what Excel on a Dutch Windows opens by double-click — a UTF-8 byte-order mark
 *   (without it Excel reads ANSI and garbles é), ';' as separator (the Dutch list separator,
 *   because ',' is the decimal comma), CRLF line ends;
 * - 'comma': plain RFC 4180 for everything else — no BOM, ',' and CRLF.
 * Cells are quoted per RFC 4180 and neutralised against formula injection (OWASP).
 */

/** The CSV dialect. */
export type CsvVariant = 'excel-nl' | 'comma';

/** Options of {@link actionsToCsv}. */
export interface CsvOptions {
  readonly variant: CsvVariant;
  /** Language of the header row and the status and source words. */
  readonly locale: Locale;
  /** Shows a field by its title instead of its id. */
  readonly fieldTitle?: (fieldId: string) => string;
  /** Shows a subgroup by its name instead of its id. */
  readonly groupName?: (groupId: string) => string;
}

/**
 * Characters that make a spreadsheet treat a cell as a formula, or that hide one in front of it
 * (tab, CR, a space or a quote that some spreadsheets skip before evaluating).
 */
const FORMULA_START = /^[=+\-@\t\r "]/;

/**
 * Prefixes a value that a spreadsheet would evaluate with an apostrophe, as OWASP advises:
 * "=SUM(A1)" becomes "'=SUM(A1)", shown as text. This also hits harmless values such as "-10"
 * or "+31 6 …"; showing them with an apostrophe is the price of never running a formula.
 */
export function neutralizeFormula(value: string): string {
  const visible = stripBidiControls(value);
  return FORMULA_START.test(visible) ? `'${visible}` : visible;
}

/** Quotes a cell when it contains the separator, a quote, CR or LF; quotes inside are doubled. */
export function csvCell(value: string, separator: string): string {
  const safe = neutralizeFormula(value);
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The action list as CSV text: header row, one row per action in the given order, CRLF after every row. */
export function actionsToCsv(actions: readonly ActionItem[], options: CsvOptions): string {
  const separator = options.variant === 'excel-nl' ? ';' : ',';
  const { locale } = options;
  const rows: string[][] = [ACTION_COLUMNS.map((key) => text(locale, key))];
  for (const action of actions) {
    rows.push([
      action.what,
      action.who,
      action.when,
      ACTION_STATUS_LABELS[action.status][locale],
      action.sourceFieldId === null ? '' : (options.fieldTitle?.(action.sourceFieldId) ?? action.sourceFieldId),
      action.sourceGroupId === null ? '' : (options.groupName?.(action.sourceGroupId) ?? action.sourceGroupId),
      ACTION_SOURCE_LABELS[action.sourceKind][locale],
    ]);
  }
  const body = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n');
  return `${options.variant === 'excel-nl' ? '\uFEFF' : ''}${body}\r\n`;
}
