import { text, type PlainTextKey } from '../i18n/catalogue';
import { TABLE_ROLE_LABELS, isTableRole } from '../domain/roles';
import type { ActionItem } from '../domain/actionItems';
import type { MarkValue } from '../domain/discussion';
import { getField, localize } from '../template/lookup';
import { templateForBoard } from '../template/plenary';
import type { Locale } from '../template/types';
import { csvCell } from './csv';
import { escapeMarkdown } from './markdown';
import { PLENARY_BOARD_ID, type WorkshopExport } from './model';
import { utcDateTime } from './text';

/**
 * One participant's own data (AVG art. 15 and 20): who they are in the workshop and every record
 * they made, read from the workshop's export — only theirs, never anyone else's. The "Mijn
 * gegevens" dialog shows it; the download writes it as JSON, Markdown or CSV.
 */

/** The `format` of the JSON download, so the file says what it is. */
export const OWN_DATA_FORMAT = 'discussiemodel-canvas-own-data';

/** A note of theirs, where it lies. */
export interface OwnNote {
  readonly id: string;
  /** 'plenary', a subgroup id, or 'draft' for a note still in their private draft. */
  readonly boardId: string;
  readonly sheetId: string;
  readonly fieldId: string | null;
  readonly text: string;
  readonly color: string;
  readonly createdAt: number;
}

/** A mark or dot of theirs, with the text of the note it is on (which may be someone else's). */
export interface OwnMark {
  readonly boardId: string;
  readonly noteId: string;
  readonly noteText: string;
  readonly value: MarkValue;
}
export interface OwnVote {
  readonly boardId: string;
  readonly noteId: string;
  readonly noteText: string;
}

/** An agreed wording they saved last. */
export interface OwnWording {
  readonly boardId: string;
  readonly fieldId: string;
  readonly text: string;
  readonly updatedAt: number;
}

/** A question they put aside as a draft action point. */
export interface OwnDeferral {
  readonly boardId: string;
  readonly fieldId: string;
  readonly question: string;
  readonly findOut: string;
  readonly askWhom: string;
  readonly owner: string;
  readonly createdAt: number;
}

/** An action item they made, or that is on their name. */
export interface OwnAction {
  readonly id: string;
  readonly what: string;
  readonly who: string;
  readonly when: string;
  readonly status: ActionItem['status'];
  readonly createdAt: number;
  readonly createdByMe: boolean;
  readonly assignedToMe: boolean;
}

/** Everything stored about one participant. */
export interface OwnData {
  readonly format: typeof OWN_DATA_FORMAT;
  readonly version: 1;
  readonly exportedAt: number;
  readonly workshop: { readonly id: string; readonly title: string; readonly date: string; readonly expiresAt: number };
  readonly participant: {
    readonly id: string;
    readonly name: string;
    readonly role: 'facilitator' | 'participant';
    readonly tableRole: string | null;
    readonly joinedAt: number;
  };
  /** The subgroups their records lie on, by board id, so a reader can name them. */
  readonly boards: Readonly<Record<string, string>>;
  readonly notes: readonly OwnNote[];
  readonly marks: readonly OwnMark[];
  readonly votes: readonly OwnVote[];
  readonly wordings: readonly OwnWording[];
  readonly deferrals: readonly OwnDeferral[];
  readonly actions: readonly OwnAction[];
}

/** Who the data is about, as the workshop record knows them. */
export interface OwnDataPerson {
  readonly id: string;
  readonly name: string;
  readonly role: 'facilitator' | 'participant';
  readonly tableRole: string | null;
  readonly joinedAt: number;
}

/** The records of one participant in a workshop's export: only those that are theirs. */
export function ownData(
  exp: WorkshopExport,
  person: OwnDataPerson,
  meta: { readonly exportedAt: number; readonly expiresAt: number },
): OwnData {
  const me = person.id;
  const noteText = new Map<string, string>();
  for (const board of exp.boards) for (const note of board.notes) noteText.set(note.id, note.text);
  const notes: OwnNote[] = [];
  const marks: OwnMark[] = [];
  const votes: OwnVote[] = [];
  const wordings: OwnWording[] = [];
  const deferrals: OwnDeferral[] = [];
  for (const board of exp.boards) {
    const boardId = board.boardId;
    for (const n of board.notes) if (n.authorId === me) notes.push(noteOf(n, boardId));
    for (const m of board.marks)
      if (m.participantId === me)
        marks.push({ boardId, noteId: m.noteId, noteText: noteText.get(m.noteId) ?? '', value: m.value });
    for (const v of board.votes)
      if (v.participantId === me) votes.push({ boardId, noteId: v.noteId, noteText: noteText.get(v.noteId) ?? '' });
    for (const f of board.formulations)
      if (f.updatedBy === me) wordings.push({ boardId, fieldId: f.fieldId, text: f.text, updatedAt: f.updatedAt });
    for (const d of board.deferrals)
      if (d.createdBy === me)
        deferrals.push({
          boardId,
          fieldId: d.fieldId,
          question: d.question,
          findOut: d.findOut,
          askWhom: d.askWhom,
          owner: d.owner,
          createdAt: d.createdAt,
        });
  }
  for (const draft of exp.drafts ?? [])
    if (draft.participantId === me) for (const n of draft.notes) notes.push(noteOf(n, 'draft'));
  const actions: OwnAction[] = exp.actions
    .filter((a) => a.createdBy === me || a.whoParticipantId === me)
    .map((a) => ({
      id: a.id,
      what: a.what,
      who: a.who,
      when: a.when,
      status: a.status,
      createdAt: a.createdAt,
      createdByMe: a.createdBy === me,
      assignedToMe: a.whoParticipantId === me,
    }));
  return {
    format: OWN_DATA_FORMAT,
    version: 1,
    exportedAt: meta.exportedAt,
    workshop: { id: exp.workshop.id, title: exp.workshop.title, date: exp.workshop.date, expiresAt: meta.expiresAt },
    participant: { ...person },
    boards: Object.fromEntries(exp.groups.map((g) => [g.id, g.name])),
    notes: notes.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    marks,
    votes,
    wordings,
    deferrals,
    actions,
  };
}

function noteOf(n: WorkshopExport['boards'][number]['notes'][number], boardId: string): OwnNote {
  return {
    id: n.id,
    boardId,
    sheetId: n.sheetId,
    fieldId: n.fieldId,
    text: n.text,
    color: n.color,
    createdAt: n.createdAt,
  };
}

/** How many records of each kind, for the dialog's summary. */
export function ownDataCounts(
  data: OwnData,
): Record<'notes' | 'marks' | 'votes' | 'wordings' | 'deferrals' | 'actions', number> {
  return {
    notes: data.notes.length,
    marks: data.marks.length,
    votes: data.votes.length,
    wordings: data.wordings.length,
    deferrals: data.deferrals.length,
    actions: data.actions.length,
  };
}

/** The formats of the download. */
export const OWN_DATA_FORMATS = ['json', 'md', 'csv'] as const;
export type OwnDataFormat = (typeof OWN_DATA_FORMATS)[number];

/** A download of one's own data: file name, media type and body. */
export function ownDataFile(
  data: OwnData,
  format: OwnDataFormat,
  locale: Locale,
): { filename: string; mediaType: string; body: string } {
  const stem = text(locale, 'file.ownData');
  switch (format) {
    case 'json':
      return {
        filename: `${stem}.json`,
        mediaType: 'application/json; charset=utf-8',
        body: JSON.stringify(data, null, 2),
      };
    case 'md':
      return { filename: `${stem}.md`, mediaType: 'text/markdown; charset=utf-8', body: ownDataMarkdown(data, locale) };
    case 'csv':
      return { filename: `${stem}.csv`, mediaType: 'text/csv; charset=utf-8', body: ownDataCsv(data, locale) };
  }
}

/** Where a record lies, in words: "Subgroep A · Doel" (board name from the export's groups). */
function place(boardId: string, fieldId: string | null, locale: Locale, data: OwnData) {
  const board =
    boardId === PLENARY_BOARD_ID
      ? text(locale, 'own.board.plenary')
      : boardId === 'draft'
        ? text(locale, 'own.private')
        : (data.boards[boardId] ?? boardId);
  const field = fieldId
    ? getField(templateForBoard(boardId === 'draft' ? PLENARY_BOARD_ID : boardId), fieldId)
    : undefined;
  return { board, field: field ? localize(field.field.title, locale) : (fieldId ?? '') };
}

/** One's own data as a readable Markdown document; every user text escaped. */
export function ownDataMarkdown(data: OwnData, locale: Locale): string {
  const t = (key: PlainTextKey) => text(locale, key);
  const lines: string[] = [`# ${escapeMarkdown(text(locale, 'own.title', { title: data.workshop.title }))}`, ''];
  const p = data.participant;
  lines.push(`- ${t('own.name')}: ${escapeMarkdown(p.name)}`);
  lines.push(`- ${t('own.role')}: ${p.role}`);
  if (p.tableRole && isTableRole(p.tableRole))
    lines.push(`- ${t('own.tableRole')}: ${localize(TABLE_ROLE_LABELS[p.tableRole], locale)}`);
  lines.push(`- ${t('own.joined')}: ${utcDateTime(p.joinedAt)}`);
  lines.push(`- ${t('own.exported')}: ${utcDateTime(data.exportedAt)}`);
  const section = (heading: string, items: string[]) => {
    lines.push('', `## ${heading} (${items.length})`, '');
    lines.push(...(items.length === 0 ? [t('own.none')] : items));
  };
  section(
    t('own.notes'),
    data.notes.map((n) => {
      const where = place(n.boardId, n.fieldId, locale, data);
      return `- ${escapeMarkdown(n.text) || '…'} — ${escapeMarkdown(where.board)}${where.field ? `, ${escapeMarkdown(where.field)}` : ''} (${utcDateTime(n.createdAt)})`;
    }),
  );
  section(
    t('own.marks'),
    data.marks.map((m) => `- ${t(`own.mark.${m.value}`)} ${t('own.onNote')} “${escapeMarkdown(m.noteText)}”`),
  );
  section(
    t('own.votes'),
    data.votes.map((v) => `- ${t('own.onNote')} “${escapeMarkdown(v.noteText)}”`),
  );
  section(
    t('own.wordings'),
    data.wordings.map((w) => {
      const where = place(w.boardId, w.fieldId, locale, data);
      return `- ${escapeMarkdown(where.field)}: ${escapeMarkdown(w.text)} (${utcDateTime(w.updatedAt)})`;
    }),
  );
  section(
    t('own.deferrals'),
    data.deferrals.map((d) => `- ${escapeMarkdown(d.question)} (${utcDateTime(d.createdAt)})`),
  );
  section(
    t('own.actions'),
    data.actions.map((a) => {
      const how = [a.createdByMe ? t('own.created') : '', a.assignedToMe ? t('own.assigned') : '']
        .filter(Boolean)
        .join(', ');
      return `- ${escapeMarkdown(a.what)}${a.when ? ` (${a.when})` : ''} — ${how}`;
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** One's own data as CSV (comma, RFC 4180): one row per record. */
export function ownDataCsv(data: OwnData, locale: Locale): string {
  const t = (key: PlainTextKey) => text(locale, key);
  const rows: string[][] = [
    [
      t('own.csv.kind'),
      t('own.csv.board'),
      t('own.csv.field'),
      t('own.csv.text'),
      t('own.csv.value'),
      t('own.csv.time'),
    ],
  ];
  for (const n of data.notes) {
    const where = place(n.boardId, n.fieldId, locale, data);
    rows.push([t('own.notes'), where.board, where.field, n.text, '', utcDateTime(n.createdAt)]);
  }
  for (const m of data.marks)
    rows.push([
      t('own.marks'),
      place(m.boardId, null, locale, data).board,
      '',
      m.noteText,
      t(`own.mark.${m.value}`),
      '',
    ]);
  for (const v of data.votes)
    rows.push([t('own.votes'), place(v.boardId, null, locale, data).board, '', v.noteText, '', '']);
  for (const w of data.wordings) {
    const where = place(w.boardId, w.fieldId, locale, data);
    rows.push([t('own.wordings'), where.board, where.field, w.text, '', utcDateTime(w.updatedAt)]);
  }
  for (const d of data.deferrals) {
    const where = place(d.boardId, d.fieldId, locale, data);
    rows.push([t('own.deferrals'), where.board, where.field, d.question, '', utcDateTime(d.createdAt)]);
  }
  for (const a of data.actions) rows.push([t('own.actions'), '', '', a.what, a.when, utcDateTime(a.createdAt)]);
  return rows.map((row) => row.map((cell) => csvCell(cell, ',')).join(',')).join('\r\n') + '\r\n';
}
