import { rgb, type RGB } from 'pdf-lib';
import { getField, localize } from '../../template/lookup';
import { templateForBoard } from '../../template/plenary';
import type { CanvasTemplate, FieldTemplate, Locale, SheetTemplate } from '../../template/types';
import type { ActionItem } from '../../domain/actionItems';
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS } from '../../domain/actionTexts';
import { countMarks, countVotes, type Deferral } from '../../domain/discussion';
import type { Note } from '../../domain/note';
import { PLENARY_BOARD_ID, type ExportBoard, type WorkshopExport } from '../model';
import { hexColor, shade, type PdfCanvas } from './pdfCanvas';
import { newPdfDocument } from './pdfDocument';
import { PageFlow, type TextStyle } from './pdfFlow';
import { ellipsize, textWidth, wrapText, type PdfFonts } from './pdfLayout';
import { boardName, boardSheetDrawings, drawSheet, exportBoardOf, markSummary, type SheetDrawing } from './pdfSheet';
import { PDF_WORDS, type PdfWords } from './pdfWords';
import {
  choiceLabel,
  chosenWordingFields,
  formatWorkshopDate,
  reportFacilitators,
  reportParticipants,
} from '../reportFacts';
import { utcDateTime } from '../text';

export { formatWorkshopDate };

/**
 * The workshop report as an A4 PDF: a title page, then per subgroup (and the plenary board when
 * something was written on it) its filled sheets as vector pictures and its notes as text per
 * field, then the synthesis and the action list. The same data as the Markdown report, laid out
 * for reading and printing.
 */

/** Options of {@link workshopReportPdf}. */
export interface ReportPdfOptions {
  /** The language of the report; the workshop's language by default. */
  readonly locale?: Locale;
  /** The canvas of a board; the Discussiemodel (with the welcome sheet for plenary) by default. */
  readonly templateFor?: (boardId: string) => CanvasTemplate;
  /** A field's title in the action list; from the plenary template by default. */
  readonly fieldTitle?: (fieldId: string) => string;
}

const INK = rgb(0.12, 0.16, 0.22);
const GREY = rgb(0.42, 0.45, 0.5);
const RULE = rgb(0.82, 0.84, 0.87);
const BRAND = rgb(0.16, 0.27, 0.48);
const AMBER = rgb(0.85, 0.47, 0.02);
const COMMON = rgb(0.08, 0.5, 0.24);
const DIFFERENCE = rgb(0.75, 0.33, 0.05);
const PLENARY_COLOR = rgb(0.16, 0.27, 0.48);

const MARGINS = { top: 64, right: 56, bottom: 58, left: 56 } as const;

/** Indent of list items: room for the bullet or star. */
const ITEM_INDENT = 14;

/** The type scale of the report. */
function styles(fonts: PdfFonts) {
  return {
    title: { font: fonts.bold, size: 26, color: INK, lineHeight: 1.15 },
    h1: { font: fonts.bold, size: 18, color: INK, lineHeight: 1.2 },
    h2: { font: fonts.bold, size: 13, color: INK, lineHeight: 1.25 },
    h3: { font: fonts.bold, size: 10.5, color: INK, lineHeight: 1.3 },
    body: { font: fonts.regular, size: 10, color: INK, lineHeight: 1.35 },
    bodyBold: { font: fonts.bold, size: 10, color: INK, lineHeight: 1.35 },
    small: { font: fonts.regular, size: 8.5, color: GREY, lineHeight: 1.3 },
    smallBold: { font: fonts.bold, size: 8.5, color: GREY, lineHeight: 1.3 },
  } satisfies Record<string, TextStyle>;
}

type Styles = ReturnType<typeof styles>;

/** Everything the section writers share. */
interface ReportContext {
  readonly exp: WorkshopExport;
  readonly locale: Locale;
  readonly words: PdfWords;
  readonly fonts: PdfFonts;
  readonly style: Styles;
  readonly flow: PageFlow;
  readonly templateFor: (boardId: string) => CanvasTemplate;
  readonly fieldTitle: (fieldId: string) => string;
  readonly groupName: (groupId: string) => string;
}

/** Label and value rows (label in bold in its own column), kept together row by row. */
function facts(ctx: ReportContext, rows: readonly (readonly [string, string])[]): void {
  const { flow, style } = ctx;
  const labelWidth =
    Math.max(...rows.map(([label]) => textWidth(style.bodyBold.font, `${label}`, style.bodyBold.size))) + 14;
  const lineHeight = style.body.size * 1.4;
  for (const [label, value] of rows) {
    const lines = wrapText(style.body.font, value, style.body.size, flow.width - labelWidth);
    flow.block(lines.length * lineHeight + 2, (canvas, left, top) => {
      const baseline = top - style.body.size;
      canvas.text(label, left, baseline, style.bodyBold.font, style.bodyBold.size, INK);
      lines.forEach((line, i) =>
        canvas.text(line, left + labelWidth, baseline - i * lineHeight, style.body.font, style.body.size, INK),
      );
    });
  }
}

/** A heading with a coloured bar before it: a subgroup's colour. */
function coloredHeading(ctx: ReportContext, text: string, color: RGB): void {
  const { flow, style } = ctx;
  const lines = wrapText(style.h1.font, text, style.h1.size, flow.width - 14);
  const lineHeight = style.h1.size * 1.2;
  flow.block(lines.length * lineHeight + 6, (canvas, left, top) => {
    canvas.rect(left, top - lines.length * lineHeight, 5, lines.length * lineHeight, { fill: color }, 1.5);
    lines.forEach((line, i) =>
      canvas.text(line, left + 14, top - style.h1.size * 0.95 - i * lineHeight, style.h1.font, style.h1.size, INK),
    );
  });
}

function groupColor(ctx: ReportContext, boardId: string): RGB {
  const group = ctx.exp.groups.find((g) => g.id === boardId);
  return group === undefined ? PLENARY_COLOR : hexColor(group.color, PLENARY_COLOR);
}

function titlePage(ctx: ReportContext): void {
  const { exp, flow, style, words, locale } = ctx;
  const { workshop } = exp;
  const template = ctx.templateFor(PLENARY_BOARD_ID);
  flow.newPage();
  flow.paragraph(localize(template.title, locale).toUpperCase(), { ...style.smallBold, color: BRAND });
  flow.gap(10);
  flow.paragraph(words.report, { ...style.h2, font: ctx.fonts.regular, color: GREY });
  flow.gap(4);
  flow.paragraph(workshop.title.trim() || words.untitled, style.title);
  flow.gap(18);

  // Counted as the Markdown report counts them (reportFacts.ts).
  const people = reportParticipants(exp);
  const facilitators = reportFacilitators(exp);
  const rows: [string, string][] = [];
  if (workshop.institution.trim() !== '') rows.push([words.institution, workshop.institution.trim()]);
  if (workshop.date.trim() !== '') rows.push([words.date, formatWorkshopDate(workshop.date, locale)]);
  rows.push([words.participantsLabel, words.participants(people.length)]);
  if (facilitators.length > 0) rows.push([words.facilitation, facilitators.map((p) => p.name).join(', ')]);
  facts(ctx, rows);

  if (exp.groups.length > 0 || people.some((p) => p.groupId === null)) {
    flow.gap(18);
    flow.paragraph(words.groups, style.h2, { keepWithNext: 40 });
    flow.gap(4);
    const swatch = (color: RGB) => (canvas: PdfCanvas, left: number, baseline: number) =>
      canvas.rect(left - ITEM_INDENT, baseline - 0.5, 9, 9, { fill: color }, 2);
    const groupEntry = (name: string, members: readonly string[], color: RGB) => {
      flow.paragraphs(
        [
          { text: `${name} (${words.participants(members.length)})`, style: style.bodyBold, indent: ITEM_INDENT },
          { text: members.join(', '), style: style.body, indent: ITEM_INDENT },
        ].filter((p) => p.text !== ''),
        { marker: swatch(color) },
      );
      flow.gap(6);
    };
    for (const group of exp.groups) {
      groupEntry(
        group.name,
        people.filter((p) => p.groupId === group.id).map((p) => p.name),
        hexColor(group.color, PLENARY_COLOR),
      );
    }
    const loose = people.filter((p) => p.groupId === null || !exp.groups.some((g) => g.id === p.groupId));
    if (loose.length > 0)
      groupEntry(
        words.noGroup,
        loose.map((p) => p.name),
        RULE,
      );
  }
  flow.gap(24);
  flow.paragraph(`${words.exported} ${utcDateTime(workshop.exportedAt)}`, style.small);
}

/** Field ids in template order, unknown ones after it (alphabetically), "outside" (null) last. */
function orderFields(ids: Iterable<string | null>, sheet: SheetTemplate | undefined): (string | null)[] {
  const present = new Set(ids);
  const known = (sheet?.fields ?? []).map((f) => f.id).filter((id) => present.has(id));
  const unknown = [...present].filter((id): id is string => id !== null && !known.includes(id)).sort();
  return [...known, ...unknown, ...(present.has(null) ? [null] : [])];
}

/** "PRIVACY — Documentatie" for a nested field, its own title otherwise. */
function fieldHeading(field: FieldTemplate, sheet: SheetTemplate, locale: Locale): string {
  const parent = field.parentId === undefined ? undefined : sheet.fields.find((f) => f.id === field.parentId);
  const title = localize(field.title, locale);
  return parent === undefined ? title : `${localize(parent.title, locale)} — ${title}`;
}

function noteOrder(board: ExportBoard) {
  const marks = countMarks(board.marks);
  const votes = countVotes(board.votes);
  // Most dots first, then most agreement, then the order they were written in (as the Markdown report).
  return (a: Note, b: Note) =>
    (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) ||
    (marks.get(b.id)?.agree ?? 0) - (marks.get(a.id)?.agree ?? 0) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : 1);
}

/** The agreed wording as a tinted box with a label. */
function wordingBox(ctx: ReportContext, label: string, text: string, tint: RGB): void {
  const { flow, style } = ctx;
  flow.paragraphs(
    [
      { text: label.toUpperCase(), style: { ...style.smallBold, color: INK }, indent: 8 },
      { text, style: style.body, indent: 8, spaceBefore: 2 },
    ],
    { background: { fill: tint, stroke: shade(tint, -0.25), lineWidth: 0.6 }, padding: 6 },
  );
  flow.gap(6);
}

function bullet(ctx: ReportContext) {
  return (canvas: PdfCanvas, left: number, baseline: number) =>
    canvas.text('•', left - ITEM_INDENT + 3, baseline, ctx.fonts.regular, ctx.style.body.size, GREY);
}

function star(canvas: PdfCanvas, left: number, baseline: number): void {
  canvas.star(left - ITEM_INDENT + 5, baseline + 3.4, 4.6, { fill: AMBER });
}

/** The notes of one field (or of none: "outside the fields") with counts, wording and open questions. */
function fieldNotes(ctx: ReportContext, drawing: SheetDrawing, board: ExportBoard, fieldId: string | null): void {
  const { flow, style, words, locale } = ctx;
  const { sheet } = drawing;
  const field = fieldId === null ? undefined : sheet.fields.find((f) => f.id === fieldId);
  const heading =
    fieldId === null
      ? words.outside
      : field !== undefined
        ? fieldHeading(field, sheet, locale)
        : ctx.fieldTitle(fieldId);
  flow.paragraph(heading, style.h3, { spaceBefore: 0, keepWithNext: 44 });
  flow.gap(3);
  const wording = fieldId === null ? undefined : drawing.formulations.get(fieldId);
  // The group's choice, worded as in the Markdown report ("gekozen doel", "gekozen vraag").
  const choice = choiceLabel(field, locale);
  if (wording !== undefined) {
    const chosen = fieldId !== null && chosenWordingFields(board).has(fieldId);
    wordingBox(
      ctx,
      chosen ? `${words.agreed} · ${choice}` : words.agreed,
      wording,
      shade(field === undefined ? RULE : hexColor(field.tint), 0.2),
    );
  }

  const notes = drawing.notes.filter((n) => n.fieldId === fieldId).sort(noteOrder(board));
  for (const note of notes) {
    const highlighted = drawing.highlighted.has(note.id);
    const votes = drawing.votes.get(note.id) ?? 0;
    const details = [
      markSummary(drawing.marks.get(note.id), words),
      votes > 0 ? words.dots(votes) : '',
      drawing.chosen.has(note.id) ? choice : '',
      highlighted ? words.highlight : '',
    ].filter((d) => d !== '');
    flow.paragraphs(
      [
        { text: note.text.trim() || '…', style: style.body, indent: ITEM_INDENT },
        ...(details.length > 0 ? [{ text: details.join(' · '), style: style.small, indent: ITEM_INDENT }] : []),
      ],
      { marker: highlighted ? star : bullet(ctx) },
    );
    flow.gap(3);
  }

  const deferrals =
    fieldId === null ? [] : board.deferrals.filter((d) => d.fieldId === fieldId && d.sheetId === sheet.id);
  if (deferrals.length > 0) {
    flow.gap(2);
    flow.paragraph(words.openQuestions, { ...style.smallBold, color: INK }, { keepWithNext: 24 });
    flow.gap(2);
    for (const deferral of deferrals) deferralEntry(ctx, deferral);
  }
  flow.gap(8);
}

function deferralEntry(ctx: ReportContext, deferral: Deferral): void {
  const { flow, style, words } = ctx;
  const details = [
    deferral.findOut.trim() !== '' ? `${words.findOut}: ${deferral.findOut.trim()}` : '',
    deferral.askWhom.trim() !== '' ? `${words.askWhom}: ${deferral.askWhom.trim()}` : '',
    deferral.owner.trim() !== '' ? `${words.owner}: ${deferral.owner.trim()}` : '',
  ].filter((d) => d !== '');
  const actions = ctx.exp.actions.filter((a) => a.sourceDeferralId === deferral.id);
  flow.paragraphs(
    [
      { text: deferral.question.trim() || '…', style: style.body, indent: ITEM_INDENT },
      ...(details.length > 0 ? [{ text: details.join('; '), style: style.small, indent: ITEM_INDENT }] : []),
      ...actions.map((a) => ({
        text: `${words.actionMade}: ${actionLine(ctx, a)}`,
        style: { ...style.small, color: BRAND },
        indent: ITEM_INDENT,
      })),
    ],
    {
      marker: (canvas, left, baseline) =>
        canvas.text('?', left - ITEM_INDENT + 2, baseline, ctx.fonts.bold, style.body.size, AMBER),
    },
  );
  flow.gap(3);
}

function actionLine(ctx: ReportContext, action: ActionItem): string {
  const who = action.who.trim();
  const meta = [who, action.when, ACTION_STATUS_LABELS[action.status][ctx.locale]].filter((s) => s !== '');
  return `${action.what.replace(/\s+/g, ' ').trim()} (${meta.join(', ')})`;
}

/** Whether the board itself has something on a sheet (the plenary's synthesis wording does not count). */
function hasContent(board: ExportBoard, sheet: SheetTemplate): boolean {
  return (
    board.notes.some((n) => n.sheetId === sheet.id) ||
    board.deferrals.some((d) => d.sheetId === sheet.id) ||
    board.formulations.some((f) => f.text.trim() !== '' && sheet.fields.some((field) => field.id === f.fieldId))
  );
}

/** The sheets of a board as pictures, scaled so the first two fit the rest of the page. */
function sheetPictures(ctx: ReportContext, drawings: readonly SheetDrawing[]): void {
  const { flow, fonts } = ctx;
  if (drawings.length === 0) return;
  const gap = 12;
  const widest = Math.max(...drawings.map((d) => d.sheet.width));
  const firstTwo = drawings.slice(0, 2).reduce((sum, d) => sum + d.sheet.height, 0);
  const scale = Math.min(flow.width / widest, (flow.remaining - gap * Math.min(2, drawings.length)) / firstTwo);
  for (const drawing of drawings) {
    const width = drawing.sheet.width * scale;
    const height = drawing.sheet.height * scale;
    flow.block(height + gap, (canvas, left, top) => {
      const x = left + (flow.width - width) / 2;
      drawSheet(canvas, fonts, { left: x, top, scale }, drawing);
      canvas.rect(x, top - height, width, height, { stroke: RULE, lineWidth: 0.75 });
    });
  }
}

function boardSection(ctx: ReportContext, boardId: string): void {
  const { exp, flow, style, words, locale } = ctx;
  const board = exportBoardOf(exp, boardId);
  const all = boardSheetDrawings(exp, boardId, { locale, templateFor: ctx.templateFor });
  // Subgroups filled both sheets by design; the plenary board shows only the sheets it used.
  const drawings = boardId === PLENARY_BOARD_ID ? all.filter((d) => hasContent(board, d.sheet)) : all;
  flow.newPage();
  coloredHeading(ctx, boardName(exp, boardId, words), groupColor(ctx, boardId));
  const members = exp.participants.filter((p) => p.role === 'participant' && p.groupId === boardId).map((p) => p.name);
  if (members.length > 0) flow.paragraph(`${words.members}: ${members.join(', ')}`, style.small);
  flow.gap(10);
  sheetPictures(ctx, drawings);

  const withNotes = drawings.filter((d) => hasContent(board, d.sheet));
  // Notes on a sheet the template does not know (an older template) still belong in the report.
  const known = new Set(all.map((d) => d.sheet.id));
  const strays = board.notes.filter((n) => !known.has(n.sheetId));
  flow.gap(6);
  flow.paragraph(words.notesPerField, style.h2, { keepWithNext: 60 });
  flow.gap(4);
  if (withNotes.length === 0 && strays.length === 0) {
    flow.paragraph(words.noNotes, style.body);
    return;
  }
  for (const drawing of withNotes) {
    const { sheet } = drawing;
    flow.paragraph(
      `${localize(sheet.label, locale)} — ${localize(sheet.title, locale)}`,
      { ...style.h2, size: 11.5, color: groupColor(ctx, boardId) },
      { keepWithNext: 60 },
    );
    flow.gap(4);
    const ids = orderFields(
      [
        ...drawing.notes.map((n) => n.fieldId),
        ...sheet.fields.filter((f) => drawing.formulations.has(f.id)).map((f) => f.id),
        ...board.deferrals.filter((d) => d.sheetId === sheet.id).map((d) => d.fieldId),
      ],
      sheet,
    );
    for (const fieldId of ids) fieldNotes(ctx, drawing, board, fieldId);
  }
  if (strays.length > 0) {
    const first = all[0];
    if (first === undefined) return;
    flow.paragraph(words.otherFields, { ...style.h2, size: 11.5 }, { keepWithNext: 60 });
    const pseudo: SheetDrawing = {
      ...first,
      sheet: { ...first.sheet, fields: [] },
      notes: strays,
      formulations: new Map(),
    };
    for (const fieldId of orderFields(
      strays.map((n) => n.fieldId),
      undefined,
    ))
      fieldNotes(ctx, pseudo, board, fieldId);
  }
}

function synthesisSection(ctx: ReportContext): void {
  const { exp, flow, style, words, locale } = ctx;
  const { clusters, plenaryFormulations } = exp.synthesis;
  flow.newPage();
  coloredHeading(ctx, words.synthesis, PLENARY_COLOR);
  flow.gap(6);
  const wordings = plenaryFormulations.filter((f) => f.text.trim() !== '');
  if (clusters.length === 0 && wordings.length === 0) {
    flow.paragraph(words.noSynthesis, style.body);
    return;
  }
  const template = ctx.templateFor(PLENARY_BOARD_ID);
  const order = template.sheets.flatMap((s) => s.fields.map((f) => f.id));
  const ids = [...new Set([...clusters.map((c) => c.fieldId), ...wordings.map((f) => f.fieldId)])].sort(
    (a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : 1),
  );
  const notes = new Map<string, { note: Note; boardId: string }>();
  for (const board of exp.boards) for (const note of board.notes) notes.set(note.id, { note, boardId: board.boardId });
  for (const fieldId of ids) {
    const found = getField(template, fieldId);
    flow.paragraph(
      found === undefined ? ctx.fieldTitle(fieldId) : fieldHeading(found.field, found.sheet, locale),
      style.h3,
      { keepWithNext: 44 },
    );
    flow.gap(3);
    const wording = wordings.find((f) => f.fieldId === fieldId);
    if (wording !== undefined)
      wordingBox(
        ctx,
        words.plenaryWording,
        wording.text.trim(),
        shade(found === undefined ? RULE : hexColor(found.field.tint), 0.2),
      );
    for (const cluster of clusters.filter((c) => c.fieldId === fieldId)) {
      const kind =
        cluster.kind === 'common' ? words.common : cluster.kind === 'difference' ? words.difference : words.cluster;
      const color = cluster.kind === 'common' ? COMMON : cluster.kind === 'difference' ? DIFFERENCE : INK;
      const label = cluster.label.trim();
      flow.paragraph(label === '' ? kind : `${kind}: ${label}`, { ...style.bodyBold, color }, { keepWithNext: 20 });
      flow.gap(2);
      for (const itemId of cluster.itemIds) {
        const item = notes.get(itemId);
        const text =
          item === undefined
            ? words.missingNote
            : `${item.note.text.trim() || '…'} (${boardName(exp, item.boardId, words)})`;
        flow.paragraphs([{ text, style: item === undefined ? style.small : style.body, indent: ITEM_INDENT }], {
          marker: bullet(ctx),
        });
        flow.gap(2);
      }
      flow.gap(6);
    }
    flow.gap(6);
  }
}

function rank(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

function actionSection(ctx: ReportContext): void {
  const { exp, flow, style, words, locale } = ctx;
  flow.newPage();
  coloredHeading(ctx, words.actions, PLENARY_COLOR);
  flow.gap(6);
  if (exp.actions.length === 0) {
    flow.paragraph(words.noActions, style.body);
    return;
  }
  const [what, who, when, status, source] = words.actionHeaders;
  const rows = exp.actions.map((a) => [
    a.what,
    a.who,
    a.when,
    ACTION_STATUS_LABELS[a.status][locale],
    [
      ACTION_SOURCE_LABELS[a.sourceKind][locale],
      a.sourceFieldId === null ? '' : ctx.fieldTitle(a.sourceFieldId),
      a.sourceGroupId === null ? '' : ctx.groupName(a.sourceGroupId),
    ]
      .filter((s) => s !== '')
      .join(' · '),
  ]);
  flow.table(
    [
      { title: what, share: 40 },
      { title: who, share: 16 },
      { title: when, share: 13 },
      { title: status, share: 10 },
      { title: source, share: 21 },
    ],
    rows,
    { ...style.smallBold, color: INK, lineHeight: 1.25 },
    { ...style.body, size: 9, lineHeight: 1.3 },
    rgb(0.9, 0.92, 0.95),
    rgb(0.965, 0.97, 0.98),
  );
}

/** Header (the workshop title, from page 2) and footer ("pagina 3 van 12") on every page. */
function pageFurniture(ctx: ReportContext): void {
  const { flow, fonts, words, exp, locale } = ctx;
  const pages = flow.pages;
  const [width, height] = flow.size;
  const title = exp.workshop.title.trim() || words.untitled;
  const template = localize(ctx.templateFor(PLENARY_BOARD_ID).title, locale);
  pages.forEach((canvas, index) => {
    if (index > 0) {
      canvas.text(ellipsize(fonts.regular, title, 8, flow.width), MARGINS.left, height - 38, fonts.regular, 8, GREY);
      canvas.line(MARGINS.left, height - 44, width - MARGINS.right, height - 44, RULE, 0.6);
    }
    const pageText = words.page(index + 1, pages.length);
    canvas.line(MARGINS.left, 42, width - MARGINS.right, 42, RULE, 0.6);
    canvas.textRight(pageText, width - MARGINS.right, 30, fonts.regular, 8, GREY);
    const room = flow.width - textWidth(fonts.regular, pageText, 8) - 20;
    canvas.text(ellipsize(fonts.regular, template, 8, room), MARGINS.left, 30, fonts.regular, 8, GREY);
  });
}

/** The workshop report as an A4 PDF (title page, boards with sheets and notes, synthesis, actions). */
export async function workshopReportPdf(exp: WorkshopExport, opts: ReportPdfOptions = {}): Promise<Uint8Array> {
  const locale = opts.locale ?? exp.workshop.language;
  const words = PDF_WORDS[locale];
  const templateFor = opts.templateFor ?? templateForBoard;
  const plenary = templateFor(PLENARY_BOARD_ID);
  const { doc, fonts } = await newPdfDocument({
    title: exp.workshop.title.trim() || words.untitled,
    subject: `${words.report} — ${localize(plenary.title, locale)}`,
    locale,
    createdAt: exp.workshop.exportedAt,
  });
  const groups = new Map(exp.groups.map((g) => [g.id, g.name]));
  const ctx: ReportContext = {
    exp,
    locale,
    words,
    fonts,
    style: styles(fonts),
    flow: new PageFlow(doc, MARGINS),
    templateFor,
    fieldTitle:
      opts.fieldTitle ??
      ((fieldId) => {
        const found = getField(plenary, fieldId);
        return found === undefined ? fieldId : localize(found.field.title, locale);
      }),
    groupName: (groupId) => groups.get(groupId) ?? groupId,
  };
  titlePage(ctx);
  for (const group of exp.groups) boardSection(ctx, group.id);
  const plenaryBoard = exp.boards.find((b) => b.boardId === PLENARY_BOARD_ID);
  if (
    plenaryBoard !== undefined &&
    (plenaryBoard.notes.length > 0 || plenaryBoard.deferrals.length > 0 || plenaryBoard.formulations.length > 0)
  ) {
    boardSection(ctx, PLENARY_BOARD_ID);
  }
  synthesisSection(ctx);
  actionSection(ctx);
  pageFurniture(ctx);
  return doc.save();
}
