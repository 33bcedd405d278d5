import {
  appendBezierCurve,
  beginText,
  clip,
  closePath,
  endPath,
  endText,
  fill,
  fillAndStroke,
  LineCapStyle,
  LineJoinStyle,
  lineTo,
  moveText,
  moveTo,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setDashPattern,
  setFillingColor,
  setFontAndSize,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingColor,
  showText,
  stroke,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { textWidth } from './pdfLayout';
import { toWinAnsi } from './pdfWinAnsi';

/**
 * Vector drawing on one PDF page, in page points (origin bottom-left). Writes content-stream
 * operators itself instead of calling page.drawText: that one registers the font under a new
 * random resource name on every call, which grows a page's resources with each line of text and
 * makes the output differ from run to run.
 */

/** How a shape is painted. */
export interface ShapeStyle {
  readonly fill?: RGB;
  readonly stroke?: RGB;
  readonly lineWidth?: number;
  readonly dash?: readonly number[];
}

/** A colour from "#rgb" or "#rrggbb"; `fallback` for anything else (a CSS name, rgb()). */
export function hexColor(css: string, fallback: RGB = rgb(0.9, 0.9, 0.9)): RGB {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(css.trim());
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  const parts = long !== null ? long.slice(1) : short !== null ? short.slice(1).map((d) => d + d) : null;
  if (parts === null) return fallback;
  const [r, g, b] = parts.map((p) => parseInt(p, 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

/** A colour mixed with white (amount 1 = white) or, for negative amounts, with black. */
export function shade(color: RGB, amount: number): RGB {
  const mix = (c: number) => (amount >= 0 ? c + (1 - c) * amount : c * (1 + amount));
  return rgb(mix(color.red), mix(color.green), mix(color.blue));
}

/** Rounds to 1/1000 pt: far below what a printer shows, and it keeps the content streams short. */
function q(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Control points of a quarter circle as a cubic Bézier curve. */
const KAPPA = 0.5523;

/** Draws on one page. */
export class PdfCanvas {
  private readonly fontKeys = new Map<PDFFont, PDFName>();

  constructor(readonly page: PDFPage) {}

  /** The page's resource name for a font, registered once under a stable name. */
  private fontKey(font: PDFFont): PDFName {
    let key = this.fontKeys.get(font);
    if (key === undefined) {
      key = PDFName.of(font.name.replace(/[^A-Za-z0-9]/g, ''));
      this.page.node.setFontDictionary(key, font.ref);
      this.fontKeys.set(font, key);
    }
    return key;
  }

  /** One line of text with its baseline at (x, y); made WinAnsi-safe, line breaks become spaces. */
  text(line: string, x: number, y: number, font: PDFFont, size: number, color: RGB): void {
    const safe = toWinAnsi(line).replace(/\n/g, ' ');
    if (safe === '' || size <= 0) return;
    this.page.pushOperators(
      beginText(),
      setFillingColor(color),
      setFontAndSize(this.fontKey(font), q(size)),
      moveText(q(x), q(y)),
      showText(font.encodeText(safe)),
      endText(),
    );
  }

  /** One line of text ending at x. */
  textRight(line: string, x: number, y: number, font: PDFFont, size: number, color: RGB): void {
    const safe = toWinAnsi(line).replace(/\n/g, ' ');
    this.text(safe, x - textWidth(font, safe, size), y, font, size, color);
  }

  /** Paints a path built by `path` with a style. */
  private paint(path: PDFOperator[], style: ShapeStyle): void {
    const lineWidth = style.lineWidth ?? 1;
    const stroking = style.stroke !== undefined && lineWidth > 0;
    if (style.fill === undefined && !stroking) return;
    const ops: PDFOperator[] = [pushGraphicsState()];
    if (style.fill !== undefined) ops.push(setFillingColor(style.fill));
    if (stroking && style.stroke !== undefined) {
      ops.push(setStrokingColor(style.stroke), setLineWidth(q(lineWidth)));
      if (style.dash !== undefined) ops.push(setDashPattern(style.dash.map(q), 0));
    }
    ops.push(...path, style.fill !== undefined ? (stroking ? fillAndStroke() : fill()) : stroke(), popGraphicsState());
    this.page.pushOperators(...ops);
  }

  /** A rectangle with its lower-left corner at (x, y), rounded when radius > 0. */
  rect(x: number, y: number, width: number, height: number, style: ShapeStyle, radius = 0): void {
    const r = Math.max(0, Math.min(radius, width / 2, height / 2));
    if (r === 0) {
      this.paint([rectangle(q(x), q(y), q(width), q(height))], style);
      return;
    }
    const k = r * KAPPA;
    const right = x + width;
    const top = y + height;
    this.paint(
      [
        moveTo(q(x + r), q(y)),
        lineTo(q(right - r), q(y)),
        appendBezierCurve(q(right - r + k), q(y), q(right), q(y + r - k), q(right), q(y + r)),
        lineTo(q(right), q(top - r)),
        appendBezierCurve(q(right), q(top - r + k), q(right - r + k), q(top), q(right - r), q(top)),
        lineTo(q(x + r), q(top)),
        appendBezierCurve(q(x + r - k), q(top), q(x), q(top - r + k), q(x), q(top - r)),
        lineTo(q(x), q(y + r)),
        appendBezierCurve(q(x), q(y + r - k), q(x + r - k), q(y), q(x + r), q(y)),
        closePath(),
      ],
      style,
    );
  }

  /** A circle around (cx, cy). */
  circle(cx: number, cy: number, radius: number, style: ShapeStyle): void {
    const k = radius * KAPPA;
    this.paint(
      [
        moveTo(q(cx + radius), q(cy)),
        appendBezierCurve(q(cx + radius), q(cy + k), q(cx + k), q(cy + radius), q(cx), q(cy + radius)),
        appendBezierCurve(q(cx - k), q(cy + radius), q(cx - radius), q(cy + k), q(cx - radius), q(cy)),
        appendBezierCurve(q(cx - radius), q(cy - k), q(cx - k), q(cy - radius), q(cx), q(cy - radius)),
        appendBezierCurve(q(cx + k), q(cy - radius), q(cx + radius), q(cy - k), q(cx + radius), q(cy)),
        closePath(),
      ],
      style,
    );
  }

  /** A five-pointed star around (cx, cy), point up: the mark of a highlighted note. */
  star(cx: number, cy: number, radius: number, style: ShapeStyle): void {
    const path: PDFOperator[] = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? radius : radius * 0.45;
      const angle = Math.PI / 2 + (i * Math.PI) / 5;
      const px = q(cx + r * Math.cos(angle));
      const py = q(cy + r * Math.sin(angle));
      path.push(i === 0 ? moveTo(px, py) : lineTo(px, py));
    }
    path.push(closePath());
    this.paint(path, style);
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, color: RGB, width: number): void {
    this.paint([moveTo(q(x1), q(y1)), lineTo(q(x2), q(y2))], { stroke: color, lineWidth: width });
  }

  /** Connected strokes with round ends and joins: a check mark, a cross arm. */
  polyline(points: readonly (readonly [number, number])[], color: RGB, width: number): void {
    const [first, ...rest] = points;
    if (first === undefined) return;
    this.page.pushOperators(
      pushGraphicsState(),
      setStrokingColor(color),
      setLineWidth(q(width)),
      setLineCap(LineCapStyle.Round),
      setLineJoin(LineJoinStyle.Round),
      moveTo(q(first[0]), q(first[1])),
      ...rest.map(([x, y]) => lineTo(q(x), q(y))),
      stroke(),
      popGraphicsState(),
    );
  }

  /** Runs `draw` with everything outside the rectangle cut away (notes lying off the sheet). */
  clipped(x: number, y: number, width: number, height: number, draw: () => void): void {
    this.page.pushOperators(pushGraphicsState(), rectangle(q(x), q(y), q(width), q(height)), clip(), endPath());
    draw();
    this.page.pushOperators(popGraphicsState());
  }
}
