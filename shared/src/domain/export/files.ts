import { getField, localize, templateForBoard } from '../../template/index';
import type { Locale } from '../../template/types';
import { actionsToCsv } from './csv';
import { actionsToIcs } from './ics';
import { actionsToJson, toBackupJson } from './json';
import { actionsToMarkdown, workshopToMarkdown } from './markdown';
import type { WorkshopExport } from './model';

/**
 * The downloadable files of a workshop, by name: one place that knows each format's file name,
 * media type and how to make it, used by the server's export endpoint and the browser alike.
 */

/** The text formats (PDF and PNG are made elsewhere: they need fonts or a canvas). */
export const TEXT_EXPORT_FORMATS = ['actions.csv', 'actions-comma.csv', 'actions.md', 'actions.ics', 'actions.json', 'report.md', 'backup.json'] as const;

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

/** A file-name-safe version of the workshop title, e.g. "learning-analytics-vu". */
export function fileStem(exp: WorkshopExport): string {
  const stem = exp.workshop.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'workshop';
}

/** Makes one of the text exports. */
export function textExport(format: TextExportFormat, exp: WorkshopExport, options: { locale?: Locale; now?: number; uidDomain?: string } = {}): ExportFile {
  const locale = options.locale ?? exp.workshop.language;
  const groupNames = new Map(exp.groups.map((g) => [g.id, g.name]));
  const fieldTitle = (fieldId: string) => {
    const found = getField(templateForBoard('plenary'), fieldId);
    return found ? localize(found.field.title, locale) : fieldId;
  };
  const groupName = (groupId: string) => groupNames.get(groupId) ?? groupId;
  const stem = fileStem(exp);
  const actionsWord = locale === 'en' ? 'actions' : 'acties';
  switch (format) {
    case 'actions.csv':
      return { filename: `${stem}-${actionsWord}.csv`, mediaType: 'text/csv; charset=utf-8', body: actionsToCsv(exp.actions, { variant: 'excel-nl', locale, fieldTitle, groupName }) };
    case 'actions-comma.csv':
      return { filename: `${stem}-${actionsWord}-comma.csv`, mediaType: 'text/csv; charset=utf-8', body: actionsToCsv(exp.actions, { variant: 'comma', locale, fieldTitle, groupName }) };
    case 'actions.md':
      return { filename: `${stem}-${actionsWord}.md`, mediaType: 'text/markdown; charset=utf-8', body: actionsToMarkdown(exp.actions, { locale, fieldTitle, groupName }) };
    case 'actions.ics':
      return {
        filename: `${stem}-${actionsWord}.ics`,
        mediaType: 'text/calendar; charset=utf-8',
        body: actionsToIcs(exp.actions, { workshopTitle: exp.workshop.title, now: options.now ?? Date.now(), uidDomain: options.uidDomain ?? 'discussiemodel-canvas.local', locale, fieldTitle, groupName }),
      };
    case 'actions.json':
      return {
        filename: `${stem}-${actionsWord}.json`,
        mediaType: 'application/json; charset=utf-8',
        body: actionsToJson(exp, { locale, fieldTitle, groupName, now: options.now ?? Date.now() }),
      };
    case 'report.md':
      return { filename: `${stem}-${locale === 'en' ? 'report' : 'verslag'}.md`, mediaType: 'text/markdown; charset=utf-8', body: workshopToMarkdown(exp, { locale, templateFor: templateForBoard }) };
    case 'backup.json':
      return { filename: `${stem}-backup.json`, mediaType: 'application/json; charset=utf-8', body: toBackupJson(exp) };
  }
}
