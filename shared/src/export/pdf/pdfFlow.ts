import { PageSizes, type PDFDocument, type PDFFont, type RGB } from 'pdf-lib';
import { PdfCanvas, type ShapeStyle } from './pdfCanvas';
import { wrapText } from './pdfLayout';

/**
 * Text that flows down pages: a cursor that starts a new page when the next piece does not fit.
 * Short pieces (a note with its counts, a table row) are kept together on one page, so a page
 * break never cuts a note in half; only a piece taller than a whole page is split, line by line.
 */

/** A4 portrait, in points. */
export const A4_PORTRAIT: readonly [number, number] = PageSizes.A4;

/** Margins in points. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** How a run of text is set. */
export interface TextStyle {
  readonly font: PDFFont;
  readonly size: number;
  readonly color: RGB;
  /** Line distance as a multiple of the size; 1.3 by default. */
  readonly lineHeight?: number;
}

/** One paragraph of a kept-together piece. */
export interface FlowParagraph {
  readonly text: string;
  readonly style: TextStyle;
  /** Distance from the content's left edge. */
  readonly indent?: number;
  /** Space above this paragraph. */
  readonly spaceBefore?: number;
}

/** A line laid out, ready to draw. */
interface FlowLine {
  readonly text: string;
  readonly style: TextStyle;
  readonly indent: number;
  /** Space above the line box (paragraph spacing). */
  readonly before: number;
  readonly height: number;
}

/** A table column: its heading and its share of the width. */
export interface FlowColumn {
  readonly title: string;
  readonly share: number;
}

/** Cell padding in tables. */
const CELL_PAD = 4;

/** Pages of a document, filled from top to bottom. */
export class PageFlow {
  private readonly canvases: PdfCanvas[] = [];
  /** The y (points from the bottom) of the top of the free space on the current page. */
  private cursor = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly margins: Margins,
    readonly size: readonly [number, number] = A4_PORTRAIT,
  ) {}

  /** Every page so far, in order. */
  get pages(): readonly PdfCanvas[] {
    return this.canvases;
  }

  /** The left edge of the content. */
  get left(): number {
    return this.margins.left;
  }

  /** The width of the content. */
  get width(): number {
    return this.size[0] - this.margins.left - this.margins.right;
  }

  /** The height a page offers to content. */
  get pageHeight(): number {
    return this.size[1] - this.margins.top - this.margins.bottom;
  }

  /** The current page (a new one if there is none yet). */
  get canvas(): PdfCanvas {
    return this.canvases[this.canvases.length - 1] ?? this.newPage();
  }

  /** Height left on the current page. */
  get remaining(): number {
    if (this.canvases.length === 0) return this.pageHeight;
    return this.cursor - this.margins.bottom;
  }

  /** Whether nothing has been placed on the current page yet. */
  get atPageTop(): boolean {
    return this.canvases.length > 0 && this.cursor >= this.size[1] - this.margins.top;
  }

  /** Starts a new page and returns it. */
  newPage(): PdfCanvas {
    const canvas = new PdfCanvas(this.doc.addPage([this.size[0], this.size[1]]));
    this.canvases.push(canvas);
    this.cursor = this.size[1] - this.margins.top;
    return canvas;
  }

  /** Moves to a new page unless `height` still fits on this one (or this page is still empty). */
  ensure(height: number): void {
    if (this.canvases.length === 0) this.newPage();
    else if (height > this.remaining && !this.atPageTop) this.newPage();
  }

  /** Vertical space; at a page top it is dropped, so pages do not start with a gap. */
  gap(height: number): void {
    if (this.canvases.length === 0 || this.atPageTop) return;
    this.cursor -= Math.min(height, this.remaining);
  }

  /** Reserves `height` (on a new page if needed) and lets `draw` paint it; `top` is its upper edge. */
  block(height: number, draw: (canvas: PdfCanvas, left: number, top: number) => void): void {
    this.ensure(height);
    draw(this.canvas, this.left, this.cursor);
    this.cursor -= height;
  }

  private layout(paragraphs: readonly FlowParagraph[], rightInset: number): FlowLine[] {
    const lines: FlowLine[] = [];
    for (const p of paragraphs) {
      const indent = p.indent ?? 0;
      const height = p.style.size * (p.style.lineHeight ?? 1.3);
      wrapText(p.style.font, p.text, p.style.size, this.width - indent - rightInset).forEach((text, i) => {
        lines.push({ text, style: p.style, indent, before: i === 0 ? (p.spaceBefore ?? 0) : 0, height });
      });
    }
    return lines;
  }

  /**
   * Places paragraphs as one piece: on this page if the whole piece fits, else on the next; a
   * piece taller than a page flows over pages. `marker` draws beside the first line (a bullet,
   * a star); `keepWithNext` asks for that much room below the piece on the same page, so a
   * heading does not end a page.
   */
  paragraphs(
    paragraphs: readonly FlowParagraph[],
    options: {
      marker?: (canvas: PdfCanvas, left: number, baseline: number) => void;
      keepWithNext?: number;
      background?: ShapeStyle;
      padding?: number;
    } = {},
  ): void {
    const pad = options.background === undefined ? 0 : (options.padding ?? 6);
    // Inside a box the text keeps the same distance from the right edge as from the left.
    const lines = this.layout(
      paragraphs,
      options.background === undefined ? 0 : Math.max(pad, Math.min(...paragraphs.map((p) => p.indent ?? 0))),
    );
    if (lines.length === 0) return;
    const total = lines.reduce((sum, l) => sum + l.before + l.height, 0) + 2 * pad;
    this.ensure(Math.min(total + (options.keepWithNext ?? 0), this.pageHeight));
    let index = 0;
    let first = true;
    while (index < lines.length) {
      // Take the lines that fit on this page (at least one, so a page always makes progress).
      let height = 2 * pad;
      let end = index;
      while (end < lines.length) {
        const line = lines[end];
        if (line === undefined) break;
        const add = (end === index ? 0 : line.before) + line.height;
        if (end > index && height + add > this.remaining) break;
        height += add;
        end++;
      }
      const canvas = this.canvas;
      if (options.background !== undefined)
        canvas.rect(this.left, this.cursor - height, this.width, height, options.background, 3);
      let y = this.cursor - pad;
      for (let i = index; i < end; i++) {
        const line = lines[i];
        if (line === undefined) continue;
        if (i > index) y -= line.before;
        const baseline = y - line.style.size * (0.8 + ((line.style.lineHeight ?? 1.3) - 1) / 2);
        // The marker goes first, so text read back from the file has it before the item, not inside it.
        if (first && options.marker !== undefined) options.marker(canvas, this.left + line.indent, baseline);
        first = false;
        canvas.text(line.text, this.left + line.indent, baseline, line.style.font, line.style.size, line.style.color);
        y -= line.height;
      }
      this.cursor -= height;
      index = end;
      if (index < lines.length) this.newPage();
    }
  }

  /** One paragraph, kept together. */
  paragraph(
    text: string,
    style: TextStyle,
    options: { indent?: number; spaceBefore?: number; keepWithNext?: number } = {},
  ): void {
    this.paragraphs([{ text, style, indent: options.indent, spaceBefore: options.spaceBefore }], {
      keepWithNext: options.keepWithNext,
    });
  }

  /**
   * A table with wrapping cells. A row stays on one page when it can; the header row is repeated
   * on every page the table continues on.
   */
  table(
    columns: readonly FlowColumn[],
    rows: readonly (readonly string[])[],
    header: TextStyle,
    body: TextStyle,
    headerFill: RGB,
    stripe: RGB,
  ): void {
    const totalShare = columns.reduce((sum, c) => sum + c.share, 0);
    const widths = columns.map((c) => (this.width * c.share) / totalShare);
    const lineHeight = (style: TextStyle) => style.size * (style.lineHeight ?? 1.25);
    const cellLines = (cells: readonly string[], style: TextStyle) =>
      widths.map((w, i) => wrapText(style.font, cells[i] ?? '', style.size, w - 2 * CELL_PAD));
    const headerLines = cellLines(
      columns.map((c) => c.title),
      header,
    );
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight(header) + 2 * CELL_PAD;

    const drawRow = (
      lines: readonly (readonly string[])[],
      from: number,
      count: number,
      style: TextStyle,
      fill: RGB | undefined,
    ) => {
      const height = count * lineHeight(style) + 2 * CELL_PAD;
      const canvas = this.canvas;
      if (fill !== undefined) canvas.rect(this.left, this.cursor - height, this.width, height, { fill });
      let x = this.left;
      lines.forEach((cell, c) => {
        cell.slice(from, from + count).forEach((text, i) => {
          const baseline = this.cursor - CELL_PAD - i * lineHeight(style) - style.size * 0.85;
          canvas.text(text, x + CELL_PAD, baseline, style.font, style.size, style.color);
        });
        x += widths[c] ?? 0;
      });
      this.cursor -= height;
    };
    const drawHeader = () => drawRow(headerLines, 0, Math.max(...headerLines.map((l) => l.length)), header, headerFill);

    this.ensure(headerHeight + lineHeight(body) * 2 + 2 * CELL_PAD);
    drawHeader();
    rows.forEach((cells, r) => {
      const lines = cellLines(cells, body);
      const count = Math.max(1, ...lines.map((l) => l.length));
      const fill = r % 2 === 1 ? stripe : undefined;
      let from = 0;
      // Whether the current page was started for this row: then it takes what fits, no more breaks.
      let fresh = false;
      while (from < count) {
        const fits = Math.floor((this.remaining - 2 * CELL_PAD) / lineHeight(body));
        const rest = count - from;
        // A row that would be split moves to a new page if it fits whole there.
        if (
          !fresh &&
          fits < rest &&
          (fits < 1 || rest * lineHeight(body) + 2 * CELL_PAD <= this.pageHeight - headerHeight)
        ) {
          this.newPage();
          drawHeader();
          fresh = true;
          continue;
        }
        const take = Math.min(rest, Math.max(1, fits));
        drawRow(lines, from, take, body, fill);
        from += take;
        fresh = false;
        if (from < count) {
          this.newPage();
          drawHeader();
          fresh = true;
        }
      }
    });
  }
}
