import { ACTION_COLUMNS, countText, text } from '../i18n/catalogue';
import { localize } from '../template/lookup';
import { templateForBoard } from '../template/plenary';
import type { CanvasTemplate, FieldTemplate, Locale } from '../template/types';
import type { ActionItem } from '../domain/actionItems';
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS } from '../domain/actionTexts';
import { countMarks, countVotes } from '../domain/discussion';
import type { Note } from '../domain/note';
import { PLENARY_BOARD_ID, type ExportBoard, type WorkshopExport } from './model';
import {
  choiceLabel,
  chosenNoteIds,
  chosenWordingFields,
  formatWorkshopDate,
  reportFacilitators,
  reportParticipants,
} from './reportFacts';
import { stripBidiControls, utcDateTime } from './text';

/**
 * Markdown exports: the action list as a table and the workshop as a readable report (per
 * subgroup per field: notes with agreement counts, the group's choices and the agreed wording;
 * then the synthesis and the actions) that states what the PDF report states (reportFacts.ts). All user text is escaped, so a note can neither break the table nor inject
 * markup, links or HTML into the report.
 */

/**
 * Escapes text for inline Markdown: backslash-escapes the characters that start emphasis, code,
 * links, HTML, tables and strikethrough, a leading block marker (#, >, -, +, "1."), and turns line
 * breaks into <br> so one note stays one table cell or list item.
 */
export function escapeMarkdown(text: string): string {
  return stripBidiControls(text)
    .trim()
    .replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Options of the Markdown writers. */
export interface MarkdownOptions {
  readonly locale: Locale;
  readonly fieldTitle?: (fieldId: string) => string;
  readonly groupName?: (groupId: string) => string;
}

/** The report's fixed words in one language, from the catalogue. */
function markdownWords(locale: Locale) {
  return {
    actionHeaders: ACTION_COLUMNS.map((key) => text(locale, key)),
    noActions: text(locale, 'actions.none'),
    exported: text(locale, 'report.exported'),
    participants: (n: number) => countText(locale, 'report.participants', n),
    facilitation: text(locale, 'report.facilitationInline'),
    groups: text(locale, 'report.groups'),
    plenaryBoard: text(locale, 'report.plenaryBoard'),
    outside: text(locale, 'report.outside'),
    agreed: text(locale, 'report.agreed'),
    openQuestions: text(locale, 'report.openQuestions'),
    findOut: text(locale, 'report.findOut'),
    askWhom: text(locale, 'report.askWhom'),
    owner: text(locale, 'report.owner'),
    agree: text(locale, 'mark.agree'),
    disagree: text(locale, 'mark.disagree'),
    open: text(locale, 'mark.open'),
    dots: (n: number) => countText(locale, 'mark.dots', n),
    highlight: text(locale, 'mark.highlight'),
    synthesis: text(locale, 'report.synthesis'),
    plenaryWording: text(locale, 'report.plenaryWording'),
    common: text(locale, 'report.common'),
    difference: text(locale, 'report.difference'),
    cluster: text(locale, 'report.cluster'),
    actions: text(locale, 'actions.title'),
    noNotes: text(locale, 'report.noNotes'),
    missingNote: text(locale, 'report.missingNote'),
  };
}

const WORDS = { nl: markdownWords('nl'), en: markdownWords('en') } as const;

/** The action list as a Markdown table (or a line saying there are none). */
export function actionsToMarkdown(actions: readonly ActionItem[], options: MarkdownOptions): string {
  const words = WORDS[options.locale];
  if (actions.length === 0) return `_${words.noActions}_\n`;
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [row(words.actionHeaders), row(words.actionHeaders.map(() => '---'))];
  for (const action of actions) {
    lines.push(
      row(
        [
          action.what,
          action.who,
          action.when,
          ACTION_STATUS_LABELS[action.status][options.locale],
          action.sourceFieldId === null ? '' : (options.fieldTitle?.(action.sourceFieldId) ?? action.sourceFieldId),
          action.sourceGroupId === null ? '' : (options.groupName?.(action.sourceGroupId) ?? action.sourceGroupId),
          ACTION_SOURCE_LABELS[action.sourceKind][options.locale],
        ].map(escapeMarkdown),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Options of {@link workshopToMarkdown}. */
export interface WorkshopMarkdownOptions {
  readonly locale: Locale;
  /** The canvas of a board, for sheet and field titles and their order; the Discussiemodel by default. */
  readonly templateFor?: (boardId: string) => CanvasTemplate;
}

interface FieldEntry {
  readonly sheetTitle: string;
  readonly title: string;
  readonly field: FieldTemplate;
}

/** Field id → titles, in template order (Map keeps insertion order). */
function fieldIndex(template: CanvasTemplate, locale: Locale): Map<string, FieldEntry> {
  const index = new Map<string, FieldEntry>();
  for (const sheet of template.sheets) {
    const sheetTitle = `${localize(sheet.label, locale)} — ${localize(sheet.title, locale)}`;
    for (const field of sheet.fields) index.set(field.id, { sheetTitle, title: localize(field.title, locale), field });
  }
  return index;
}

/** Field ids in template order, then unknown ones alphabetically, then "outside" (null) last. */
function orderedFields(ids: Iterable<string | null>, index: ReadonlyMap<string, FieldEntry>): (string | null)[] {
  const present = new Set(ids);
  const known = [...index.keys()].filter((id) => present.has(id));
  const unknown = [...present].filter((id): id is string => id !== null && !index.has(id)).sort();
  return [...known, ...unknown, ...(present.has(null) ? [null] : [])];
}

function boardSection(board: ExportBoard, heading: string, options: WorkshopMarkdownOptions): string[] {
  const words = WORDS[options.locale];
  const template = (options.templateFor ?? templateForBoard)(board.boardId);
  const index = fieldIndex(template, options.locale);
  const marks = countMarks(board.marks);
  const votes = countVotes(board.votes);
  const highlighted = new Set(board.highlights.map((h) => h.noteId));
  const chosenNotes = chosenNoteIds(board);
  const chosenWordings = chosenWordingFields(board);
  const out = [`## ${escapeMarkdown(heading)}`, ''];
  const fieldIds = orderedFields(
    [
      ...board.notes.map((n) => n.fieldId),
      ...board.formulations.map((f) => f.fieldId),
      ...board.deferrals.map((d) => d.fieldId),
    ],
    index,
  );
  if (fieldIds.length === 0) out.push(`_${words.noNotes}_`, '');
  let sheet = '';
  for (const fieldId of fieldIds) {
    const entry = fieldId === null ? undefined : index.get(fieldId);
    if (entry !== undefined && entry.sheetTitle !== sheet) {
      sheet = entry.sheetTitle;
      out.push(`### ${escapeMarkdown(sheet)}`, '');
    }
    out.push(`#### ${escapeMarkdown(fieldId === null ? words.outside : (entry?.title ?? fieldId))}`, '');
    // The group's choice, as the PDF report words it: "✓ gekozen doel", "✓ gekozen vraag".
    const chosen = `✓ ${choiceLabel(entry?.field, options.locale)}`;
    const formulation = board.formulations.find((f) => f.fieldId === fieldId);
    if (formulation !== undefined && formulation.text.trim() !== '') {
      const choice = fieldId !== null && chosenWordings.has(fieldId) ? ` _(${chosen})_` : '';
      out.push(`**${words.agreed}:** ${escapeMarkdown(formulation.text)}${choice}`, '');
    }
    const notes = board.notes
      .filter((n) => n.fieldId === fieldId)
      .sort(
        (a, b) =>
          (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) ||
          (marks.get(b.id)?.agree ?? 0) - (marks.get(a.id)?.agree ?? 0) ||
          a.createdAt - b.createdAt ||
          (a.id < b.id ? -1 : 1),
      );
    for (const note of notes) {
      const count = marks.get(note.id);
      const facts = [
        count && count.agree > 0 ? `${count.agree} ${words.agree}` : null,
        count && count.disagree > 0 ? `${count.disagree} ${words.disagree}` : null,
        count && count.open > 0 ? `${count.open} ${words.open}` : null,
        (votes.get(note.id) ?? 0) > 0 ? words.dots(votes.get(note.id) ?? 0) : null,
        chosenNotes.has(note.id) ? chosen : null,
        highlighted.has(note.id) ? `★ ${words.highlight}` : null,
      ].filter((f): f is string => f !== null);
      out.push(`- ${escapeMarkdown(note.text) || '…'}${facts.length > 0 ? ` _(${facts.join(' · ')})_` : ''}`);
    }
    if (notes.length > 0) out.push('');
    const deferrals = board.deferrals.filter((d) => d.fieldId === fieldId);
    if (deferrals.length > 0) {
      out.push(`**${words.openQuestions}:**`, '');
      for (const d of deferrals) {
        const details = [
          d.findOut.trim() !== '' ? `${words.findOut}: ${escapeMarkdown(d.findOut)}` : null,
          d.askWhom.trim() !== '' ? `${words.askWhom}: ${escapeMarkdown(d.askWhom)}` : null,
          d.owner.trim() !== '' ? `${words.owner}: ${escapeMarkdown(d.owner)}` : null,
        ].filter((x): x is string => x !== null);
        out.push(`- ${escapeMarkdown(d.question) || '…'}${details.length > 0 ? ` — ${details.join('; ')}` : ''}`);
      }
      out.push('');
    }
  }
  return out;
}

/** The workshop as a readable Markdown report. */
export function workshopToMarkdown(exp: WorkshopExport, options: WorkshopMarkdownOptions): string {
  const words = WORDS[options.locale];
  const { workshop } = exp;
  const groupName = new Map(exp.groups.map((g) => [g.id, g.name]));
  const out: string[] = [`# ${escapeMarkdown(workshop.title) || 'Discussiemodel Learning Analytics'}`, ''];
  const meta = [workshop.institution, formatWorkshopDate(workshop.date, options.locale)]
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (meta.length > 0) out.push(meta.map(escapeMarkdown).join(' · '), '');
  // Counted as the PDF counts them: the facilitators are named, not counted.
  const people = reportParticipants(exp);
  const facilitators = reportFacilitators(exp).map((p) => escapeMarkdown(p.name));
  const facilitation = facilitators.length > 0 ? ` · ${words.facilitation}: ${facilitators.join(', ')}` : '';
  out.push(
    `_${words.exported} ${utcDateTime(workshop.exportedAt)} · ${words.participants(people.length)}${facilitation}_`,
    '',
  );

  if (exp.groups.length > 0) {
    out.push(`## ${words.groups}`, '');
    for (const group of exp.groups) {
      const size = people.filter((p) => p.groupId === group.id).length;
      out.push(`- **${escapeMarkdown(group.name)}** — ${words.participants(size)}`);
    }
    out.push('');
  }

  // Subgroup boards in the order of the groups, then the plenary board.
  const boards = [...exp.boards].sort((a, b) => rank(a.boardId) - rank(b.boardId));
  function rank(boardId: string): number {
    const i = exp.groups.findIndex((g) => g.id === boardId);
    return i === -1 ? exp.groups.length + (boardId === PLENARY_BOARD_ID ? 0 : 1) : i;
  }
  for (const board of boards) {
    const heading =
      board.boardId === PLENARY_BOARD_ID ? words.plenaryBoard : (groupName.get(board.boardId) ?? board.boardId);
    out.push(...boardSection(board, heading, options));
  }

  const { clusters, plenaryFormulations } = exp.synthesis;
  if (clusters.length > 0 || plenaryFormulations.length > 0) {
    out.push(`## ${words.synthesis}`, '');
    const index = fieldIndex((options.templateFor ?? templateForBoard)(PLENARY_BOARD_ID), options.locale);
    const notesById = new Map<string, { note: Note; boardId: string }>();
    for (const board of exp.boards)
      for (const note of board.notes) notesById.set(note.id, { note, boardId: board.boardId });
    const fieldIds = orderedFields(
      [...clusters.map((c) => c.fieldId), ...plenaryFormulations.map((f) => f.fieldId)],
      index,
    );
    for (const fieldId of fieldIds) {
      if (fieldId === null) continue;
      out.push(`### ${escapeMarkdown(index.get(fieldId)?.title ?? fieldId)}`, '');
      const wording = plenaryFormulations.find((f) => f.fieldId === fieldId);
      if (wording !== undefined && wording.text.trim() !== '')
        out.push(`**${words.plenaryWording}:** ${escapeMarkdown(wording.text)}`, '');
      for (const cluster of clusters.filter((c) => c.fieldId === fieldId)) {
        const kind =
          cluster.kind === 'common' ? words.common : cluster.kind === 'difference' ? words.difference : words.cluster;
        out.push(`- **${kind}**${cluster.label.trim() !== '' ? `: ${escapeMarkdown(cluster.label)}` : ''}`);
        for (const itemId of cluster.itemIds) {
          const found = notesById.get(itemId);
          if (found === undefined) {
            out.push(`  - _${words.missingNote}_`);
            continue;
          }
          const from =
            found.boardId === PLENARY_BOARD_ID ? words.plenaryBoard : (groupName.get(found.boardId) ?? found.boardId);
          out.push(`  - ${escapeMarkdown(found.note.text) || '…'} _(${escapeMarkdown(from)})_`);
        }
      }
      out.push('');
    }
  }

  out.push(`## ${words.actions}`, '');
  const fieldTitles = fieldIndex((options.templateFor ?? templateForBoard)(PLENARY_BOARD_ID), options.locale);
  out.push(
    actionsToMarkdown(exp.actions, {
      locale: options.locale,
      fieldTitle: (id) => fieldTitles.get(id)?.title ?? id,
      groupName: (id) => groupName.get(id) ?? id,
    }),
  );
  return out.join('\n');
}
