import type { TextMeasurer } from './fitText';
import { FONT_FAMILY } from './theme';

/** Font styles we measure; they match Konva's `fontStyle` values. */
export type FontStyle = 'normal' | 'bold' | 'italic';

const REFERENCE_SIZE = 100;
let context: CanvasRenderingContext2D | null | undefined;

function getContext(): CanvasRenderingContext2D | null {
  // Outside a browser (unit tests) there is no canvas; widths are then estimated.
  if (context === undefined)
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

const measurers = new Map<FontStyle, TextMeasurer>();

/**
 * A measurer using the browser's canvas with the same font Konva draws with. Widths are measured
 * once per text at a reference size and scaled, which is exact enough for layout.
 */
export function canvasMeasurer(style: FontStyle): TextMeasurer {
  const existing = measurers.get(style);
  if (existing) return existing;
  const cache = new Map<string, number>();
  const font = `${style} normal ${REFERENCE_SIZE}px ${FONT_FAMILY}`;
  const measurer: TextMeasurer = (text, fontSize) => {
    let width = cache.get(text);
    if (width === undefined) {
      const ctx = getContext();
      if (ctx) {
        ctx.font = font;
        width = ctx.measureText(text).width;
      } else {
        width = text.length * REFERENCE_SIZE * 0.55;
      }
      if (cache.size > 20000) cache.clear();
      cache.set(text, width);
    }
    return (width * fontSize) / REFERENCE_SIZE;
  };
  measurers.set(style, measurer);
  return measurer;
}
