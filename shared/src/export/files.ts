import { text } from '../i18n/catalogue';
import { getField, localize, templateForBoard } from '../template/index';
import type { Locale } from '../template/types';
import { actionsToCsv } from './csv';
import { actionsToIcs } from './ics';
import { actionsToJson, toBackupJson } from './json';
import { actionsToMarkdown, workshopToMarkdown } from './markdown';
import { PLENARY_BOARD_ID, type WorkshopExport } from './model';

/**
 * The downloadable files of a workshop, by name: one place that knows each format's file name,
 * media type and how to make it, used by the server's export endpoint and the browser alike.
 */

/** The text formats (PDF and PNG are made elsewhere: they need fonts or a canvas). */
export const TEXT_EXPORT_FORMATS = [
  'actions.csv',
  'actions-comma.csv',
  'actions.md',
  'actions.ics',
  'actions.json',
  'report.md',
  'backup.json',
] as const;

/** One of the text formats. */
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number];

/** Whether a string names a text format. */
export function isTextExportFormat(value: string): value is TextExportFormat {
  return (TEXT_EXPORT_FORMATS as readonly string[]).includes(value);
}

/** A file ready to be downloaded. */
export interface ExportFile {
  readonly filename: string;
  readonly mediaType: string;
  readonly body: string;
}

/** A file-name-safe form of a label: "Tafel Noord — ÉÉN" → "tafel-noord-een" (empty when nothing is left). */
export function slugify(text: string, maxLength = 40): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** A file-name-safe version of the workshop title, e.g. "learning-analytics-vu". */
export function fileStem(exp: WorkshopExport): string {
  return slugify(exp.workshop.title, 60) || 'workshop';
}

/**
 * A board in file names: its subgroup's name ("tafel-noord"), or "plenair-bord" / "plenary-board";
 * never the internal id. A subgroup whose name has nothing file-safe is numbered ("groep-2").
 */
export function boardFileLabel(exp: WorkshopExport, boardId: string, locale: Locale): string {
  if (boardId === PLENARY_BOARD_ID) return text(locale, 'file.plenaryBoard');
  const index = exp.groups.findIndex((g) => g.id === boardId);
  const group = exp.groups[index];
  if (group === undefined) return slugify(boardId) || text(locale, 'file.group');
  return slugify(group.name) || `${text(locale, 'file.group')}-${index + 1}`;
}

/** The A0 sheets of a board as one PDF: "<workshop>-<board>-A0.pdf", e.g. "la-vu-tafel-noord-A0.pdf". */
export function sheetsPdfFileName(exp: WorkshopExport, boardId: string, locale: Locale): string {
  return `${fileStem(exp)}-${boardFileLabel(exp, boardId, locale)}-A0.pdf`;
}

/** One sheet of a board as a picture: "<workshop>-<board>-<sheet>.png", e.g. "la-vu-tafel-noord-vel-1.png". */
export function sheetPngFileName(exp: WorkshopExport, boardId: string, sheetLabel: string, locale: Locale): string {
  const sheet = slugify(sheetLabel);
  return `${[fileStem(exp), boardFileLabel(exp, boardId, locale), sheet].filter((part) => part !== '').join('-')}.png`;
}

/** Makes one of the text exports. */
export function textExport(
  format: TextExportFormat,
  exp: WorkshopExport,
  options: { locale?: Locale; now?: number; uidDomain?: string } = {},
): ExportFile {
  const locale = options.locale ?? exp.workshop.language;
  const groupNames = new Map(exp.groups.map((g) => [g.id, g.name]));
  const fieldTitle = (fieldId: string) => {
    const found = getField(templateForBoard('plenary'), fieldId);
    return found ? localize(found.field.title, locale) : fieldId;
  };
  const groupName = (groupId: string) => groupNames.get(groupId) ?? groupId;
  const stem = fileStem(exp);
  const actionsWord = text(locale, 'file.actions');
  switch (format) {
    case 'actions.csv':
      return {
        filename: `${stem}-${actionsWord}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        body: actionsToCsv(exp.actions, { variant: 'excel-nl', locale, fieldTitle, groupName }),
      };
    case 'actions-comma.csv':
      return {
        filename: `${stem}-${actionsWord}-comma.csv`,
        mediaType: 'text/csv; charset=utf-8',
        body: actionsToCsv(exp.actions, { variant: 'comma', locale, fieldTitle, groupName }),
      };
    case 'actions.md':
      return {
        filename: `${stem}-${actionsWord}.md`,
        mediaType: 'text/markdown; charset=utf-8',
        body: actionsToMarkdown(exp.actions, { locale, fieldTitle, groupName }),
      };
    case 'actions.ics':
      return {
        filename: `${stem}-${actionsWord}.ics`,
        mediaType: 'text/calendar; charset=utf-8',
        body: actionsToIcs(exp.actions, {
          workshopTitle: exp.workshop.title,
          now: options.now ?? Date.now(),
          uidDomain: options.uidDomain ?? 'discussiemodel-canvas.local',
          locale,
          fieldTitle,
          groupName,
        }),
      };
    case 'actions.json':
      return {
        filename: `${stem}-${actionsWord}.json`,
        mediaType: 'application/json; charset=utf-8',
        body: actionsToJson(exp, { locale, fieldTitle, groupName, now: options.now ?? Date.now() }),
      };
    case 'report.md':
      return {
        filename: `${stem}-${text(locale, 'file.report')}.md`,
        mediaType: 'text/markdown; charset=utf-8',
        body: workshopToMarkdown(exp, { locale, templateFor: templateForBoard }),
      };
    case 'backup.json':
      return { filename: `${stem}-backup.json`, mediaType: 'application/json; charset=utf-8', body: toBackupJson(exp) };
  }
}
