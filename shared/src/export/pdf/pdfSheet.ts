import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import {
  BADGE_COLORS as PALETTE_BADGES,
  BADGE_METRICS,
  FIELD_TEXT_METRICS,
  NOTE_EDGES as NOTE_EDGES_HEX,
  NOTE_FILLS,
  NOTE_TEXT_METRICS,
  SHEET_COLORS,
  WORDING_METRICS,
  type BadgeKind,
  type FieldTextMetrics,
} from '../../scene/palette';
import { formulationShapes, type ScenePrimitive } from '../../scene/sheetScene';
import type { Measurers } from '../../template/fieldLayout';
import { depthOf, localize } from '../../template/lookup';
import { templateForBoard } from '../../template/plenary';
import type { CanvasTemplate, FieldTemplate, Locale, Rect, SheetTemplate } from '../../template/types';
import { countMarks, countVotes, type MarkCounts } from '../../domain/discussion';
import { NOTE_SIZE, type Note, type NoteColor } from '../../domain/note';
import { PLENARY_BOARD_ID, type ExportBoard, type WorkshopExport } from '../model';
import { hexColor, PdfCanvas, shade, type ShapeStyle } from './pdfCanvas';
import { newPdfDocument } from './pdfDocument';
import { ellipsize, fitText, textWidth, wrapText, type PdfFonts } from './pdfLayout';
import { toWinAnsi } from './pdfWinAnsi';
import { PDF_WORDS, type PdfWords } from './pdfWords';
import { chosenNoteIds } from '../reportFacts';

/**
 * One filled sheet as vector drawing, like the paper canvas: the title band, every field as its
 * tinted rounded box with title, questions and hint (the DPIA boxes inside PRIVACY), every note
 * where it lies, and each field's agreed wording. It draws in sheet units (mm) through a
 * {@link SheetFrame}, so the same routine makes an A0 page at full size and a small picture in
 * the A4 report.
 */

/** Points per millimetre (1 in = 25.4 mm = 72 pt). */
export const PT_PER_MM = 72 / 25.4;

/** Converts every colour of a palette record to pdf-lib colours. */
function pdfColors<K extends string>(colors: Readonly<Record<K, string>>): Readonly<Record<K, RGB>> {
  return Object.fromEntries(Object.entries<string>(colors).map(([key, hex]) => [key, hexColor(hex)])) as Record<K, RGB>;
}

/**
 * Note fills and edges: the one palette the canvas also shows (shared/src/scene/palette.ts), so a
 * print looks like the screen; soft enough to print text on.
 */
export const NOTE_PASTELS: Readonly<Record<NoteColor, RGB>> = pdfColors(NOTE_FILLS);

const NOTE_EDGES: Readonly<Record<NoteColor, RGB>> = pdfColors(NOTE_EDGES_HEX);

const INK = hexColor(SHEET_COLORS.ink);
const MUTED = hexColor(SHEET_COLORS.muted);
const WHITE = rgb(1, 1, 1);
const SHADOW = rgb(0.83, 0.84, 0.86);
const STAR = hexColor(SHEET_COLORS.star);
const STAR_EDGE = hexColor(SHEET_COLORS.starEdge);
/** The canvas's highlight glow (#f5b301 at 45 %) on white: print has no transparency here. */
const HALO = hexColor('#fadd8d');
const CHOSEN = hexColor(SHEET_COLORS.chosen);
const PLENARY_ACCENT = hexColor(SHEET_COLORS.formulationEdge);

/** Agreement and vote counters under a note, coloured and sized as on the canvas. */
const BADGE = { ...BADGE_METRICS, marker: 5.2 } as const;
const BADGE_COLORS: Readonly<Record<BadgeKind, { fill: RGB; ink: RGB }>> = {
  agree: pdfColors(PALETTE_BADGES.agree),
  disagree: pdfColors(PALETTE_BADGES.disagree),
  open: pdfColors(PALETTE_BADGES.open),
  votes: pdfColors(PALETTE_BADGES.votes),
};

/** Note text, as on the canvas but allowed smaller: a print is read from close by. */
const NOTE_TEXT = {
  padding: NOTE_TEXT_METRICS.padding,
  maxSize: NOTE_TEXT_METRICS.maxFontSize,
  minSize: 2.4,
  lineHeight: NOTE_TEXT_METRICS.lineHeight,
  breakWordsBelow: 6.5,
} as const;

/** Where a sheet lies on a page: its top-left corner in page points, and points per sheet unit. */
export interface SheetFrame {
  readonly left: number;
  readonly top: number;
  readonly scale: number;
}

/** Everything one sheet shows. */
export interface SheetDrawing {
  readonly sheet: SheetTemplate;
  readonly locale: Locale;
  /** The notes on this sheet. */
  readonly notes: readonly Note[];
  readonly marks: ReadonlyMap<string, MarkCounts>;
  readonly votes: ReadonlyMap<string, number>;
  readonly highlighted: ReadonlySet<string>;
  /** Note ids the group chose (DOEL, concrete questions). */
  readonly chosen: ReadonlySet<string>;
  /** Field id → the wording the group agreed on. */
  readonly formulations: ReadonlyMap<string, string>;
  readonly templateTitle: string;
  readonly workshopTitle: string;
  readonly boardName: string;
  /** The subgroup's colour, for the title band. */
  readonly accent: RGB;
}

/** Options that choose a board's template and language. */
export interface BoardSheetOptions {
  readonly locale: Locale;
  /** The canvas of a board; the Discussiemodel (with the welcome sheet for plenary) by default. */
  readonly templateFor?: (boardId: string) => CanvasTemplate;
}

/** The board of a subgroup or the plenary, empty when nothing was written on it yet. */
export function exportBoardOf(exp: WorkshopExport, boardId: string): ExportBoard {
  const found = exp.boards.find((b) => b.boardId === boardId);
  if (found !== undefined) return found;
  if (boardId !== PLENARY_BOARD_ID && !exp.groups.some((g) => g.id === boardId)) {
    throw new Error(`Unknown board "${boardId}": neither "${PLENARY_BOARD_ID}" nor a subgroup`);
  }
  return { boardId, notes: [], marks: [], votes: [], formulations: [], deferrals: [], highlights: [], choices: [] };
}

/** The name a board goes by in the exports: its subgroup's name, or "Plenair bord". */
export function boardName(exp: WorkshopExport, boardId: string, words: PdfWords): string {
  if (boardId === PLENARY_BOARD_ID) return words.plenaryBoard;
  return exp.groups.find((g) => g.id === boardId)?.name ?? boardId;
}

/** The drawing of every sheet of a board's template, in template order. */
export function boardSheetDrawings(exp: WorkshopExport, boardId: string, options: BoardSheetOptions): SheetDrawing[] {
  const words = PDF_WORDS[options.locale];
  const board = exportBoardOf(exp, boardId);
  const template = (options.templateFor ?? templateForBoard)(boardId);
  const group = exp.groups.find((g) => g.id === boardId);
  const formulations = new Map<string, string>();
  for (const f of board.formulations) if (f.text.trim() !== '') formulations.set(f.fieldId, f.text.trim());
  // On the plenary board the wording the plenary settled on is the outcome to print.
  if (boardId === PLENARY_BOARD_ID) {
    for (const f of exp.synthesis.plenaryFormulations)
      if (f.text.trim() !== '') formulations.set(f.fieldId, f.text.trim());
  }
  const shared = {
    locale: options.locale,
    marks: countMarks(board.marks),
    votes: countVotes(board.votes),
    highlighted: new Set(board.highlights.map((h) => h.noteId)),
    // A choice counts while the note still lies in the field it was chosen in (as on screen).
    chosen: chosenNoteIds(board),
    formulations,
    templateTitle: localize(template.title, options.locale),
    workshopTitle: exp.workshop.title.trim() || words.untitled,
    boardName: boardName(exp, boardId, words),
    accent: group === undefined ? PLENARY_ACCENT : hexColor(group.color, PLENARY_ACCENT),
  };
  return template.sheets.map((sheet) => ({
    ...shared,
    sheet,
    notes: board.notes.filter((n) => n.sheetId === sheet.id),
  }));
}

/** Draws in sheet units: converts millimetres (y down from the sheet's top) to page points. */
class SheetPen {
  constructor(
    readonly canvas: PdfCanvas,
    readonly frame: SheetFrame,
  ) {}

  x(mm: number): number {
    return this.frame.left + mm * this.frame.scale;
  }

  y(mm: number): number {
    return this.frame.top - mm * this.frame.scale;
  }

  rect(r: Rect, style: ShapeStyle, radius = 0): void {
    const s = this.frame.scale;
    const scaled: ShapeStyle = { ...style, lineWidth: (style.lineWidth ?? 0.3) * s };
    this.canvas.rect(this.x(r.x), this.y(r.y + r.height), r.width * s, r.height * s, scaled, radius * s);
  }

  text(line: string, x: number, baseline: number, font: PDFFont, size: number, color: RGB): void {
    this.canvas.text(line, this.x(x), this.y(baseline), font, size * this.frame.scale, color);
  }

  textRight(line: string, right: number, baseline: number, font: PDFFont, size: number, color: RGB): void {
    this.canvas.textRight(line, this.x(right), this.y(baseline), font, size * this.frame.scale, color);
  }

  circle(cx: number, cy: number, radius: number, style: ShapeStyle): void {
    // Only filled circles are drawn here, so the stroke width needs no scaling.
    this.canvas.circle(this.x(cx), this.y(cy), radius * this.frame.scale, style);
  }

  star(cx: number, cy: number, radius: number, style: ShapeStyle): void {
    const scaled: ShapeStyle = { ...style, lineWidth: (style.lineWidth ?? 0.3) * this.frame.scale };
    this.canvas.star(this.x(cx), this.y(cy), radius * this.frame.scale, scaled);
  }
}

/** The title band above the fields: "Vel 1 — Doel en doelgroep" and the canvas title left, workshop and board right. */
function drawTitleBand(pen: SheetPen, fonts: PdfFonts, d: SheetDrawing): void {
  const { sheet } = d;
  const fieldTop = Math.min(...sheet.fields.map((f) => f.rect.y), 120);
  const left = Math.min(...sheet.fields.map((f) => f.rect.x), 30);
  const right = Math.max(...sheet.fields.map((f) => f.rect.x + f.rect.width), sheet.width - 30);
  const leftWidth = (right - left) * 0.62;
  const rightWidth = (right - left) * 0.34;
  const title = `${localize(sheet.label, d.locale)} — ${localize(sheet.title, d.locale)}`;
  // Shrinks to one line (down to 18), then is cut: the band has room for one line only.
  const size = Math.max(18, Math.min(30, (30 * leftWidth) / Math.max(1, textWidth(fonts.bold, toWinAnsi(title), 30))));
  pen.text(ellipsize(fonts.bold, title, size, leftWidth), left, fieldTop - 78 + size * 0.85, fonts.bold, size, INK);
  pen.text(
    ellipsize(fonts.regular, d.templateTitle, 13, leftWidth),
    left,
    fieldTop - 38 + 13 * 0.85,
    fonts.regular,
    13,
    MUTED,
  );
  pen.textRight(
    ellipsize(fonts.bold, d.workshopTitle, 13, rightWidth),
    right,
    fieldTop - 78 + 13 * 0.85 + 4,
    fonts.bold,
    13,
    INK,
  );
  const name = ellipsize(fonts.bold, d.boardName, 13, rightWidth - 14);
  pen.textRight(name, right, fieldTop - 38 + 13 * 0.85, fonts.bold, 13, d.accent);
  const swatch = right - textWidth(fonts.bold, name, 13) - 13;
  pen.rect({ x: swatch, y: fieldTop - 38 + 1, width: 9, height: 9 }, { fill: d.accent }, 2);
}

/** Field metrics in sheet units: the canvas's text metrics (palette.ts) with print's corners and edges. */
type FieldMetrics = FieldTextMetrics & { readonly radius: number; readonly stroke: number };

const TOP_FIELD: FieldMetrics = { ...FIELD_TEXT_METRICS.top, radius: 7, stroke: 1.2 };
const NESTED_FIELD: FieldMetrics = { ...FIELD_TEXT_METRICS.nested, radius: 4, stroke: 1 };

/** Formulation box metrics: the canvas's (shared/src/scene/palette.ts), with print's smaller minimum. */
const WORDING = {
  top: { ...WORDING_METRICS.top, minSize: 6.5 },
  nested: { ...WORDING_METRICS.nested, minSize: 4.5 },
} as const;

/** A block of lines in one font and size, its top at `y`. */
interface LaidBlock {
  readonly lines: readonly string[];
  readonly font: PDFFont;
  readonly size: number;
  readonly lineHeight: number;
  readonly color: RGB;
  readonly y: number;
}

/** A field's printed texts at the largest scale whose bottom stays within `maxHeader` of the top. */
function layoutFieldTexts(
  field: FieldTemplate,
  d: SheetDrawing,
  fonts: PdfFonts,
  m: FieldMetrics,
  maxHeader: number,
  minScale: number,
  minTitleScale = 0.85,
) {
  const { rect } = field;
  const width = rect.width - 2 * m.pad;
  const compose = (scale: number) => {
    const blocks: LaidBlock[] = [];
    let y = rect.y + m.pad;
    const add = (text: string, font: PDFFont, size: number, lineHeight: number, color: RGB, gapAfter: number) => {
      const lines = wrapText(font, text, size, width);
      blocks.push({ lines, font, size, lineHeight, color, y });
      y += lines.length * size * lineHeight + gapAfter;
    };
    // Titles shrink less than questions: they are what people scan for (as on the canvas).
    add(localize(field.title, d.locale), fonts.bold, m.title * Math.max(scale, minTitleScale), 1.15, INK, m.titleGap);
    for (const question of field.questions)
      add(localize(question, d.locale), fonts.regular, m.question * scale, 1.22, INK, m.questionGap);
    if (field.hint !== undefined)
      add(localize(field.hint, d.locale), fonts.bold, m.hint * scale, 1.22, MUTED, m.questionGap);
    return { blocks, bottom: y + 2 };
  };
  let layout = compose(1);
  for (let scale = 1; scale >= minScale - 1e-9; scale -= 0.02) {
    layout = compose(scale);
    if (layout.bottom - rect.y <= maxHeader) break;
  }
  return layout;
}

/** The wording's lines for a width and a height limit, shrunk (to `minSize`) before they are cut. */
function layoutWording(
  text: string,
  fonts: PdfFonts,
  w: (typeof WORDING)['top' | 'nested'],
  width: number,
  maxHeight: number,
) {
  const room = Math.max(w.fontSize * w.lineHeight, maxHeight - 2 * w.padding - w.titleSize * 1.4);
  const fitted = fitText([{ text, font: fonts.regular }], width - 2 * w.padding - 3, room, {
    maxSize: w.fontSize,
    minSize: w.minSize,
    lineHeight: w.lineHeight,
  });
  return { fitted, height: 2 * w.padding + w.titleSize * 1.4 + fitted.height };
}

/** The agreed wording in `box`: the shared sheet scene's box (sheetScene.ts), as on the canvas. */
function drawWording(
  pen: SheetPen,
  fonts: PdfFonts,
  d: SheetDrawing,
  field: FieldTemplate,
  box: Rect,
  w: (typeof WORDING)['top' | 'nested'],
  fitted: ReturnType<typeof fitText>,
): void {
  const layout = {
    ...box,
    padding: w.padding,
    titleSize: w.titleSize,
    fontSize: fitted.size,
    lineHeight: fitted.lineHeight,
    lines: fitted.paragraphs.flatMap((p) => p.lines),
  };
  const nested = field.parentId !== undefined;
  const shapes = formulationShapes(
    field.id,
    layout,
    nested,
    PDF_WORDS[d.locale].agreed,
    null,
    pdfMeasurers(fonts).bold,
  );
  paintScene(pen, fonts, [shapes]);
}

/**
 * A field: its tinted box with title, questions and hint, and its agreed wording. As on the
 * canvas the wording lies across the bottom of a field; for a field with nested boxes (PRIVACY)
 * it goes in the band above them instead, so it hides none of the DPIA boxes. Returns the
 * wording's drawing, to be done after the notes (on top of them).
 */
function drawField(pen: SheetPen, fonts: PdfFonts, d: SheetDrawing, field: FieldTemplate): (() => void) | null {
  const nested = field.parentId !== undefined;
  const m = nested ? NESTED_FIELD : TOP_FIELD;
  const w = nested ? WORDING.nested : WORDING.top;
  const { rect } = field;
  const tint = hexColor(field.tint);
  pen.rect(rect, { fill: tint, stroke: shade(tint, nested ? -0.3 : -0.18), lineWidth: m.stroke }, m.radius);
  const children = d.sheet.fields.filter((f) => f.parentId === field.id);
  const bandBottom = children.length > 0 ? Math.min(...children.map((c) => c.rect.y)) - 4 : rect.y + rect.height;
  const wording = d.formulations.get(field.id);
  const boxWidth = rect.width - 2 * w.margin;
  let texts;
  let finish: (() => void) | null = null;
  if (children.length === 0) {
    texts = layoutFieldTexts(
      field,
      d,
      fonts,
      m,
      Math.max(rect.height * 0.5, rect.height - NOTE_SIZE - 2 * m.pad),
      m.minScale,
    );
    if (wording !== undefined) {
      const { fitted, height } = layoutWording(
        wording,
        fonts,
        w,
        boxWidth,
        Math.max(w.titleSize + w.fontSize * w.lineHeight + 2 * w.padding, rect.height * w.share),
      );
      const box = { x: rect.x + w.margin, y: rect.y + rect.height - w.margin - height, width: boxWidth, height };
      finish = () => drawWording(pen, fonts, d, field, box, w, fitted);
    }
  } else {
    const band = bandBottom - rect.y;
    const wanted = wording === undefined ? 0 : layoutWording(wording, fonts, w, boxWidth, band * 0.5).height + 4;
    // The band above nested boxes is short: with a wording in it, the texts may shrink further.
    texts =
      wording === undefined
        ? layoutFieldTexts(field, d, fonts, m, band, m.minScale)
        : layoutFieldTexts(field, d, fonts, m, band - wanted, 0.45, 0.6);
    if (wording !== undefined) {
      const { fitted, height } = layoutWording(wording, fonts, w, boxWidth, bandBottom - texts.bottom - 2);
      const box = { x: rect.x + w.margin, y: bandBottom - height, width: boxWidth, height };
      finish = () => drawWording(pen, fonts, d, field, box, w, fitted);
    }
  }
  // Lines that would still run out of the field's band are left out rather than overprinted.
  for (const block of texts.blocks) {
    block.lines.forEach((line, i) => {
      const top = block.y + i * block.size * block.lineHeight;
      if (top + block.size > bandBottom) return;
      pen.text(line, rect.x + m.pad, top + block.size * 0.85, block.font, block.size, block.color);
    });
  }
  return finish;
}

/** Agreement counts as text: "eens 2 · oneens 1 · open 0" (✓/✗ are not in the standard fonts). */
export function markSummary(counts: MarkCounts | undefined, words: PdfWords): string {
  if (counts === undefined || counts.agree + counts.disagree + counts.open === 0) return '';
  return `${words.agree} ${counts.agree} · ${words.disagree} ${counts.disagree} · ${words.open} ${counts.open}`;
}

/**
 * The counters under a note as on the canvas: pills with a marker and a number, centred on the
 * note's bottom edge. The ✓, ✗ and ● markers are drawn as lines and a dot (the standard fonts
 * have no such glyphs); "?" is plain text.
 */
function drawBadges(pen: SheetPen, fonts: PdfFonts, note: Note, counts: Record<BadgeKind, number>): void {
  const kinds = (['agree', 'disagree', 'open', 'votes'] as const).filter((k) => counts[k] > 0);
  const sized = kinds.map((kind) => {
    const text = String(counts[kind]);
    return { kind, text, width: BADGE.marker + 1.4 + textWidth(fonts.bold, text, BADGE.fontSize) + 2 * BADGE.padding };
  });
  const total = sized.reduce((sum, b) => sum + b.width, 0) + BADGE.gap * Math.max(0, sized.length - 1);
  let x = note.x + (NOTE_SIZE - total) / 2;
  const y = note.y + BADGE.top;
  for (const badge of sized) {
    const colors = BADGE_COLORS[badge.kind];
    pen.rect(
      { x, y, width: badge.width, height: BADGE.height },
      { fill: colors.fill, stroke: shade(colors.fill, -0.35), lineWidth: 0.5 },
      BADGE.height / 2,
    );
    const mx = x + BADGE.padding;
    const my = y + BADGE.height / 2;
    const s = BADGE.marker;
    const stroke = 0.9 * pen.frame.scale;
    const at = (px: number, py: number): [number, number] => [pen.x(px), pen.y(py)];
    if (badge.kind === 'agree')
      pen.canvas.polyline(
        [at(mx, my), at(mx + s * 0.35, my + s * 0.38), at(mx + s, my - s * 0.45)],
        colors.ink,
        stroke,
      );
    else if (badge.kind === 'disagree') {
      pen.canvas.polyline([at(mx + 0.3, my - s * 0.42), at(mx + s - 0.3, my + s * 0.42)], colors.ink, stroke);
      pen.canvas.polyline([at(mx + 0.3, my + s * 0.42), at(mx + s - 0.3, my - s * 0.42)], colors.ink, stroke);
    } else if (badge.kind === 'votes') pen.circle(mx + s / 2, my, s * 0.42, { fill: colors.ink });
    else
      pen.text(
        '?',
        mx + (s - textWidth(fonts.bold, '?', BADGE.fontSize)) / 2,
        my + BADGE.fontSize * 0.36,
        fonts.bold,
        BADGE.fontSize,
        colors.ink,
      );
    pen.text(badge.text, mx + s + 1.4, my + BADGE.fontSize * 0.36, fonts.bold, BADGE.fontSize, colors.ink);
    x += badge.width + BADGE.gap;
  }
}

/** One note as on the canvas: paper with a shadow, text fitted and centred, star, counters. */
function drawNote(pen: SheetPen, fonts: PdfFonts, d: SheetDrawing, note: Note): void {
  const n = NOTE_SIZE;
  const fill = NOTE_PASTELS[note.color] ?? NOTE_PASTELS.yellow;
  const edge = NOTE_EDGES[note.color] ?? NOTE_EDGES.yellow;
  const highlighted = d.highlighted.has(note.id);
  if (highlighted) pen.rect({ x: note.x - 5, y: note.y - 5, width: n + 10, height: n + 10 }, { fill: HALO }, 5);
  pen.rect({ x: note.x + 0.6, y: note.y + 1.2, width: n, height: n }, { fill: SHADOW }, 1.5);
  pen.rect({ x: note.x, y: note.y, width: n, height: n }, { fill, stroke: edge, lineWidth: 0.6 }, 1.5);
  const inner = n - 2 * NOTE_TEXT.padding;
  const text = note.text.trim() === '' ? '…' : note.text.trim();
  const fitted = fitText([{ text, font: fonts.regular }], inner, inner, {
    maxSize: NOTE_TEXT.maxSize,
    minSize: NOTE_TEXT.minSize,
    lineHeight: NOTE_TEXT.lineHeight,
    breakWordsBelow: NOTE_TEXT.breakWordsBelow,
  });
  const lineStep = fitted.size * fitted.lineHeight;
  let baseline = note.y + NOTE_TEXT.padding + Math.max(0, (inner - fitted.height) / 2) + fitted.size * 0.85;
  for (const paragraph of fitted.paragraphs) {
    for (const line of paragraph.lines) {
      pen.text(
        line,
        note.x + (n - textWidth(paragraph.font, line, fitted.size)) / 2,
        baseline,
        paragraph.font,
        fitted.size,
        INK,
      );
      baseline += lineStep;
    }
  }
  if (d.chosen.has(note.id)) {
    // Above the note, like the canvas's labels, so it covers none of the text.
    const label = PDF_WORDS[d.locale].chosen.toUpperCase();
    const width = textWidth(fonts.bold, label, 5.5) + 4;
    pen.rect({ x: note.x, y: note.y - 9.5, width, height: 8 }, { fill: CHOSEN }, 2);
    pen.text(label, note.x + 2, note.y - 9.5 + 5.9, fonts.bold, 5.5, WHITE);
  }
  if (highlighted) pen.star(note.x + n - 3, note.y + 3, 7.2, { fill: STAR, stroke: STAR_EDGE, lineWidth: 0.8 });
  const marks = d.marks.get(note.id);
  const counts = {
    agree: marks?.agree ?? 0,
    disagree: marks?.disagree ?? 0,
    open: marks?.open ?? 0,
    votes: d.votes.get(note.id) ?? 0,
  };
  if (counts.agree + counts.disagree + counts.open + counts.votes > 0) drawBadges(pen, fonts, note, counts);
}

/** The PDF fonts as the shared scene's measurers (print has no italic: it sets those in regular). */
function pdfMeasurers(fonts: PdfFonts): Measurers {
  const regular = (text: string, size: number) => textWidth(fonts.regular, toWinAnsi(text), size);
  return { normal: regular, italic: regular, bold: (text, size) => textWidth(fonts.bold, toWinAnsi(text), size) };
}

/**
 * Prints the shared scene's primitives (sheetScene.ts) at an offset in sheet units. Print has no
 * shadows, and corners rounded one by one are drawn square; a line's baseline sits at 0.85 of its
 * size below the line's top, as everywhere on the sheet.
 */
function paintScene(pen: SheetPen, fonts: PdfFonts, shapes: readonly ScenePrimitive[], dx = 0, dy = 0): void {
  for (const shape of shapes) {
    if (shape.kind === 'group') {
      paintScene(pen, fonts, shape.children, dx + shape.x, dy + shape.y);
    } else if (shape.kind === 'rect') {
      const radius = typeof shape.cornerRadius === 'number' ? shape.cornerRadius : 0;
      const style: ShapeStyle = {
        fill: shape.fill === undefined ? undefined : hexColor(shape.fill),
        stroke: shape.stroke === undefined ? undefined : hexColor(shape.stroke),
        lineWidth: shape.strokeWidth,
      };
      pen.rect({ x: dx + shape.x, y: dy + shape.y, width: shape.width, height: shape.height }, style, radius);
    } else {
      const font = shape.style === 'bold' ? fonts.bold : fonts.regular;
      const step = shape.fontSize * (shape.lineHeight ?? 1);
      const free = shape.height === undefined ? 0 : shape.height - shape.lines.length * step;
      const top = dy + shape.y + (shape.verticalAlign === 'middle' ? free / 2 : 0);
      shape.lines.forEach((text, i) => {
        const line =
          shape.ellipsis && shape.width !== undefined ? ellipsize(font, text, shape.fontSize, shape.width) : text;
        const left =
          shape.align === 'center' && shape.width !== undefined
            ? (shape.width - textWidth(font, toWinAnsi(line), shape.fontSize)) / 2
            : 0;
        const baseline = top + i * step + shape.fontSize * 0.85;
        pen.text(line, dx + shape.x + left, baseline, font, shape.fontSize, hexColor(shape.fill));
      });
    }
  }
}

/** Draws a whole sheet into a frame on a page; nothing is drawn outside the sheet's area. */
export function drawSheet(canvas: PdfCanvas, fonts: PdfFonts, frame: SheetFrame, d: SheetDrawing): void {
  const pen = new SheetPen(canvas, frame);
  const { sheet } = d;
  const s = frame.scale;
  canvas.clipped(frame.left, frame.top - sheet.height * s, sheet.width * s, sheet.height * s, () => {
    canvas.rect(frame.left, frame.top - sheet.height * s, sheet.width * s, sheet.height * s, { fill: WHITE });
    drawTitleBand(pen, fonts, d);
    // Parents before the boxes nested in them, so the nested ones lie on top.
    const fields = [...sheet.fields].sort((a, b) => depthOf(sheet, a) - depthOf(sheet, b));
    const wordings = fields.map((field) => drawField(pen, fonts, d, field));
    // A note wholly off the sheet would only add invisible text; one partly on it is clipped.
    const visible = (n: Note) =>
      n.x + NOTE_SIZE > -5 && n.y + NOTE_SIZE > -10 && n.x - 5 < sheet.width && n.y - 10 < sheet.height;
    const notes = d.notes.filter(visible).sort((a, b) => a.z - b.z || a.createdAt - b.createdAt);
    for (const note of notes) drawNote(pen, fonts, d, note);
    // The agreed wording is the field's outcome: on top, so no note hides it (as on the canvas).
    for (const finish of wordings) finish?.();
  });
}

/** Adds one page the size of the sheet (A0 landscape for the Discussiemodel) with the sheet on it at 1:1. */
export function sheetToPdfPage(doc: PDFDocument, fonts: PdfFonts, d: SheetDrawing): PDFPage {
  const page = doc.addPage([d.sheet.width * PT_PER_MM, d.sheet.height * PT_PER_MM]);
  drawSheet(new PdfCanvas(page), fonts, { left: 0, top: page.getHeight(), scale: PT_PER_MM }, d);
  return page;
}

/** Options of {@link sheetsToA0Pdf}. */
export interface SheetPdfOptions {
  /** The language of the printed texts; the workshop's language by default. */
  readonly locale?: Locale;
  readonly templateFor?: (boardId: string) => CanvasTemplate;
  /** Only these sheets (in template order); every sheet of the board's template by default. */
  readonly sheetIds?: readonly string[];
}

/** A board's sheets as a PDF, one full-size page (A0 landscape) per sheet, for printing like the paper canvas. */
export async function sheetsToA0Pdf(
  exp: WorkshopExport,
  boardId: string,
  opts: SheetPdfOptions = {},
): Promise<Uint8Array> {
  const locale = opts.locale ?? exp.workshop.language;
  const wanted = opts.sheetIds === undefined ? null : new Set(opts.sheetIds);
  const drawings = boardSheetDrawings(exp, boardId, { locale, templateFor: opts.templateFor }).filter(
    (d) => wanted === null || wanted.has(d.sheet.id),
  );
  const first = drawings[0];
  if (first === undefined) throw new Error(`Board "${boardId}" has none of the requested sheets`);
  const { doc, fonts } = await newPdfDocument({
    title: `${first.workshopTitle} — ${first.boardName}`,
    subject: first.templateTitle,
    locale,
    createdAt: exp.workshop.exportedAt,
  });
  for (const drawing of drawings) sheetToPdfPage(doc, fonts, drawing);
  return doc.save();
}
