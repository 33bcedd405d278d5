import { StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';
import { wrapText as wrapWords } from '../../template/textWrap';
import { isWinAnsi, toWinAnsi, WINANSI_FALLBACK } from './pdfWinAnsi';

/**
 * Measuring, wrapping and shrinking text for the PDF exports. Units are whatever the caller
 * uses (millimetres on a sheet, points in the report): widths scale linearly with the size.
 */

/** The two fonts every PDF export uses: standard fonts, so nothing is embedded or fetched. */
export interface PdfFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Adds Helvetica and Helvetica-Bold to a document. */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
}

/** Per font, the advance of each character at size 1, measured once. */
const advances = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width of (WinAnsi) text at a size. Summed per character, without kerning: pdf-lib's own
 * width adds kerning pairs, but a Tj operator draws without them, so that would under-measure.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let table = advances.get(font);
  if (table === undefined) {
    table = new Map();
    advances.set(font, table);
  }
  let width = 0;
  for (const char of text) {
    let advance = table.get(char);
    if (advance === undefined) {
      // pdf-lib throws on characters the font cannot encode; they are drawn as the fallback.
      advance = font.widthOfTextAtSize(isWinAnsi(char.codePointAt(0) ?? 0) ? char : WINANSI_FALLBACK, 1);
      table.set(char, advance);
    }
    width += advance;
  }
  return width * size;
}

/**
 * Wraps text into lines no wider than `maxWidth`: greedy, at spaces, keeping the author's line
 * breaks. A word longer than a line is broken as the canvas breaks it (shared word wrap: at its
 * own hyphens first, then at a syllable-like point, with a hyphen at the break), so a sheet's PDF
 * reads like the board. The text is made WinAnsi-safe first, so the lines can be drawn as they are.
 */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  return wrapWords(toWinAnsi(text), maxWidth, size, (line, at) => textWidth(font, line, at), true);
}

/** Shortens one line with an ellipsis until it fits. */
export function ellipsize(font: PDFFont, line: string, size: number, maxWidth: number): string {
  const safe = toWinAnsi(line).replace(/\n/g, ' ');
  if (textWidth(font, safe, size) <= maxWidth) return safe;
  const chars = [...safe];
  while (chars.length > 0 && textWidth(font, `${chars.join('').trimEnd()}…`, size) > maxWidth) chars.pop();
  return chars.length === 0 ? '' : `${chars.join('').trimEnd()}…`;
}

/** One paragraph to fit: its text and the font it is set in. */
export interface FitParagraph {
  readonly text: string;
  readonly font: PDFFont;
}

/** Paragraphs set at one size, with their lines. */
export interface FittedText {
  readonly size: number;
  readonly lineHeight: number;
  readonly paragraphs: readonly { readonly font: PDFFont; readonly lines: readonly string[] }[];
  /** The height the lines take, paragraph gaps included. */
  readonly height: number;
  /** Whether text was cut off because even the smallest size did not fit. */
  readonly truncated: boolean;
}

/** How {@link fitText} may size text. */
export interface FitOptions {
  readonly maxSize: number;
  readonly minSize: number;
  /** Line distance as a multiple of the size. */
  readonly lineHeight?: number;
  /** Extra space between paragraphs, as a multiple of the size. */
  readonly paragraphGap?: number;
  /**
   * Above this size a word is never cut over two lines: the text shrinks instead (as on the
   * canvas, where it is 6.5). By default words are cut only at the smallest size.
   */
  readonly breakWordsBelow?: number;
}

function layoutAt(paragraphs: readonly FitParagraph[], size: number, width: number, lineHeight: number, gap: number) {
  const laid = paragraphs.map((p) => ({ font: p.font, lines: wrapText(p.font, p.text, size, width) }));
  const lineCount = laid.reduce((n, p) => n + p.lines.length, 0);
  return { laid, height: lineCount * size * lineHeight + Math.max(0, laid.length - 1) * size * gap };
}

/**
 * Sets paragraphs in a box at the largest size (from maxSize down to minSize, in small steps)
 * at which they fit; at minSize, lines that still do not fit are dropped and the last one kept
 * ends in an ellipsis.
 */
export function fitText(
  paragraphs: readonly FitParagraph[],
  width: number,
  height: number,
  options: FitOptions,
): FittedText {
  const lineHeight = options.lineHeight ?? 1.2;
  const gap = options.paragraphGap ?? 0.35;
  const step = Math.max((options.maxSize - options.minSize) / 24, options.minSize / 20);
  const breakBelow = options.breakWordsBelow ?? options.minSize;
  // The widest word at size 1: above breakBelow, a size at which it does not fit is skipped.
  const widestWord = Math.max(
    0,
    ...paragraphs.flatMap((p) =>
      toWinAnsi(p.text)
        .split(/\s+/)
        .map((word) => textWidth(p.font, word, 1)),
    ),
  );
  for (let size = options.maxSize; size > options.minSize; size -= step) {
    if (size > breakBelow && widestWord * size > width) continue;
    const { laid, height: used } = layoutAt(paragraphs, size, width, lineHeight, gap);
    if (used <= height) return { size, lineHeight, paragraphs: laid, height: used, truncated: false };
  }
  const size = options.minSize;
  const { laid, height: used } = layoutAt(paragraphs, size, width, lineHeight, gap);
  if (used <= height) return { size, lineHeight, paragraphs: laid, height: used, truncated: false };
  // Keep whole lines while they fit, then mark the cut on the last one kept.
  const kept: { font: PDFFont; lines: string[] }[] = [];
  let room = height;
  for (const paragraph of laid) {
    const gapHere = kept.length > 0 ? size * gap : 0;
    const fit = Math.floor((room - gapHere) / (size * lineHeight));
    if (fit <= 0) break;
    const lines = paragraph.lines.slice(0, fit);
    kept.push({ font: paragraph.font, lines });
    room -= gapHere + lines.length * size * lineHeight;
    if (lines.length < paragraph.lines.length) break;
  }
  const last = kept[kept.length - 1];
  if (last !== undefined && last.lines.length > 0) {
    const index = last.lines.length - 1;
    last.lines[index] = ellipsize(last.font, `${last.lines[index] ?? ''}…`, size, width);
  }
  const lineCount = kept.reduce((n, p) => n + p.lines.length, 0);
  return {
    size,
    lineHeight,
    paragraphs: kept,
    height: lineCount * size * lineHeight + Math.max(0, kept.length - 1) * size * gap,
    truncated: true,
  };
}
