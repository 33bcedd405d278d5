import { wrapText, type TextMeasurer } from '@dmc/shared/template/textWrap';

/**
 * Wrapping and shrink-to-fit for text in a box, with the width measurement injected so the logic
 * is testable without a canvas. All sizes are in the same units (sheet units on the canvas). The
 * word wrap itself is shared (the demo workshop lays out notes with it too).
 */

export { wrapText };
export type { TextMeasurer };

/** The box and the range of font sizes to try. */
export interface FitTextOptions {
  readonly width: number;
  readonly height: number;
  readonly maxFontSize: number;
  readonly minFontSize: number;
  /** Font size decrement between tries. */
  readonly step?: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight?: number;
  /**
   * When keeping words whole would need a font smaller than this, words may be hyphenated instead
   * if that allows a clearly larger font (long Dutch compounds would otherwise make notes unreadable).
   */
  readonly breakWordsBelow?: number;
}

/** Text laid out to fit a box. */
export interface FittedText {
  readonly fontSize: number;
  readonly lines: readonly string[];
  /** True when even the smallest size was too big and the text was cut off with an ellipsis. */
  readonly truncated: boolean;
}

const ELLIPSIS = '…';

/** Whether wrapped lines fit the box at a font size. */
function fits(lines: readonly string[], fontSize: number, options: FitTextOptions, measure: TextMeasurer): boolean {
  const lineHeight = options.lineHeight ?? 1.2;
  if (lines.length * fontSize * lineHeight > options.height + 1e-9) return false;
  return lines.every((line) => measure(line, fontSize) <= options.width + 1e-9);
}

/**
 * A font size above which the text cannot fit the box whatever the wrapping: every line holds at
 * most `width` of the words' own widths (spaces and hyphens only add to them), so `n` lines at
 * size `s` need n ≥ words·s / width, and n·s·lineHeight ≤ height — hence s ≤ √(height·width / (words·lineHeight)).
 */
function largestPossible(text: string, options: FitTextOptions, measure: TextMeasurer): number {
  let words = 0;
  for (const word of text.split(/\s+/)) if (word !== '') words += measure(word, 1);
  if (words <= 0) return Infinity;
  return Math.sqrt((options.height * options.width) / (words * (options.lineHeight ?? 1.2)));
}

function largestFit(
  text: string,
  options: FitTextOptions,
  measure: TextMeasurer,
  breakWords: boolean,
): FittedText | null {
  const step = options.step ?? 0.5;
  const largest = largestPossible(text, options, measure);
  for (let size = options.maxFontSize; size >= options.minFontSize - 1e-9; size -= step) {
    // Sizes at which the words alone need more room than the box has cannot fit: not tried.
    if (size > largest + 1e-9) continue;
    const lines = wrapText(text, options.width, size, measure, breakWords);
    if (fits(lines, size, options, measure)) return { fontSize: size, lines, truncated: false };
  }
  return null;
}

/**
 * The largest font size (from max down to min, by `step`) at which the wrapped text fits the
 * box without breaking words; at the minimum size words are broken and overflow is cut off.
 */
export function fitText(text: string, options: FitTextOptions, measure: TextMeasurer): FittedText {
  const lineHeight = options.lineHeight ?? 1.2;
  const trimmed = text.replace(/\s+$/, '');
  if (trimmed === '') return { fontSize: options.maxFontSize, lines: [], truncated: false };

  const whole = largestFit(trimmed, options, measure, false);
  const breakBelow = options.breakWordsBelow;
  if (whole && (breakBelow === undefined || whole.fontSize >= breakBelow)) return whole;
  if (breakBelow !== undefined) {
    const broken = largestFit(trimmed, options, measure, true);
    if (broken && (!whole || broken.fontSize >= whole.fontSize * 1.25)) return broken;
  }
  if (whole) return whole;

  const size = options.minFontSize;
  const lines = wrapText(trimmed, options.width, size, measure, true);
  const maxLines = Math.max(1, Math.floor((options.height + 1e-9) / (size * lineHeight)));
  if (lines.length <= maxLines) return { fontSize: size, lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last !== '' && measure(last + ELLIPSIS, size) > options.width) last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = last.replace(/\s+$/, '') + ELLIPSIS;
  return { fontSize: size, lines: kept, truncated: true };
}

/** A `fitText` for one box and measurer that remembers its answers per text. */
export function createTextFitter(
  options: FitTextOptions,
  measure: TextMeasurer,
  capacity = 2000,
): (text: string) => FittedText {
  const cache = new Map<string, FittedText>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    const result = fitText(text, options, measure);
    // Simple bound: forget everything when full; notes on one board are far fewer than this.
    if (cache.size >= capacity) cache.clear();
    cache.set(text, result);
    return result;
  };
}
