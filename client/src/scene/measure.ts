import type { TextMeasurer } from './fitText';
import { FONT_FAMILY } from './theme';

/** Font styles we measure; they match Konva's `fontStyle` values. */
export type FontStyle = 'normal' | 'bold' | 'italic';

const REFERENCE_SIZE = 100;
let context: CanvasRenderingContext2D | null | undefined;
/** The font last set on `context` (only this module sets it). */
let contextFont = '';

function getContext(): CanvasRenderingContext2D | null {
  // Outside a browser (unit tests) there is no canvas; widths are then estimated.
  if (context === undefined)
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

const measurers = new Map<FontStyle, TextMeasurer>();

/**
 * The canvas font for a style and size, as Konva's Text sets it (FONT_FAMILY already quotes the
 * names with spaces, which is all Konva's normalisation does): measured and drawn text agree.
 */
export function canvasFont(style: FontStyle, size: number): string {
  return `${style} normal ${size}px ${FONT_FAMILY}`;
}

/**
 * A measurer using the browser's canvas with the same font Konva draws with. Widths are measured
 * once per word at a reference size and scaled, and a text's width is the sum of its words and
 * spaces (the wrapping asks for many candidate lines made of the same words; kerning across a
 * space is below what the layout can see), which is exact enough for layout.
 */
export function canvasMeasurer(style: FontStyle): TextMeasurer {
  const existing = measurers.get(style);
  if (existing) return existing;
  const cache = new Map<string, number>();
  const font = canvasFont(style, REFERENCE_SIZE);
  const word = (text: string): number => {
    let width = cache.get(text);
    if (width === undefined) {
      const ctx = getContext();
      if (ctx) {
        // Setting a context's font parses it, even when unchanged: only on a change of style.
        if (contextFont !== font) {
          ctx.font = font;
          contextFont = font;
        }
        width = ctx.measureText(text).width;
      } else {
        width = text.length * REFERENCE_SIZE * 0.55;
      }
      if (cache.size > 20000) cache.clear();
      cache.set(text, width);
    }
    return width;
  };
  // Candidate lines come back at every font size the fitting tries: their sums are kept too.
  const sums = new Map<string, number>();
  const measurer: TextMeasurer = (text, fontSize) => {
    const known = sums.get(text);
    if (known !== undefined) return (known * fontSize) / REFERENCE_SIZE;
    let width = 0;
    let start = 0;
    for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', start)) {
      if (i > start) width += word(text.slice(start, i));
      width += word(' ');
      start = i + 1;
    }
    if (start < text.length) width += word(start === 0 ? text : text.slice(start));
    if (sums.size > 20000) sums.clear();
    sums.set(text, width);
    return (width * fontSize) / REFERENCE_SIZE;
  };
  measurers.set(style, measurer);
  return measurer;
}
