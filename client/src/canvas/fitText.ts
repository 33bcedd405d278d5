/**
 * Wrapping and shrink-to-fit for text in a box, with the width measurement injected so the logic
 * is testable without a canvas. All sizes are in the same units (sheet units on the canvas).
 */

/** Width of `text` set at `fontSize`. */
export type TextMeasurer = (text: string, fontSize: number) => number;

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

/**
 * Greedy word wrap. Explicit newlines are kept. A word wider than the line is put on its own
 * line, or, with `breakWords`, split over several lines.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: TextMeasurer, breakWords = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, fontSize) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (breakWords && measure(word, fontSize) > maxWidth) {
        const pieces = splitWord(word, maxWidth, fontSize, measure);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      } else {
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Splits a word that is too wide into pieces that fit, each but the last ending in a hyphen. */
function splitWord(word: string, maxWidth: number, fontSize: number, measure: TextMeasurer): string[] {
  // The word's own hyphens first: "Brightspace-logdata" breaks as "Brightspace-" / "logdata".
  const parts = word.split(/(?<=-)(?=.)/u);
  const pieces: string[] = [];
  let line = '';
  for (const part of parts) {
    if (measure(line + part, fontSize) <= maxWidth) {
      line += part;
      continue;
    }
    if (line !== '') pieces.push(line);
    if (measure(part, fontSize) <= maxWidth) {
      line = part;
      continue;
    }
    const inner = breakInside(part, maxWidth, fontSize, measure);
    pieces.push(...inner.slice(0, -1));
    line = inner[inner.length - 1] ?? '';
  }
  pieces.push(line);
  return pieces;
}

const VOWEL = /^[aeiouyàáâäèéêëìíîïòóôöùúûü]$/iu;
const LETTER = /^\p{L}$/u;
/** Dutch vowel pairs that are one sound: never split between them. */
const DIGRAPHS = new Set(['aa', 'ee', 'oo', 'uu', 'ie', 'ei', 'ij', 'ui', 'ou', 'au', 'eu', 'oe']);
/** Fewest letters left on either side of a break inside a word. */
const MIN_PIECE = 2;

/**
 * How good a break between `a` and `b` (followed by `c`) is, by a rough Dutch/English syllable
 * rule — no dictionary, so an approximation: between two vowels that are not one sound
 * ("studie|adviseurs") or after a linking s ("kwaliteits|verbetering") is best, before a single
 * consonant between vowels ("stu|dent") is good, between two consonants is fair; 0 never.
 */
function breakScore(a: string, b: string, c: string | undefined): number {
  if (!LETTER.test(a) || !LETTER.test(b)) return 0;
  const va = VOWEL.test(a);
  const vb = VOWEL.test(b);
  const vc = c !== undefined && VOWEL.test(c);
  if (va && vb) return DIGRAPHS.has(`${a}${b}`.toLowerCase()) ? 0 : 3;
  if (b.toLowerCase() === 's' && c !== undefined && !vc) return 0;
  if (a.toLowerCase() === 's' && !vb) return 3;
  if (va && !vb && vc) return 2;
  if (!va && !vb) return 1.5;
  return 0;
}

/** Breaks a word without hyphens into pieces that fit, at the best syllable-like point near the line's end. */
function breakInside(word: string, maxWidth: number, fontSize: number, measure: TextMeasurer): string[] {
  const chars = Array.from(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const rest = chars.slice(start);
    if (measure(rest.join(''), fontSize) <= maxWidth) {
      pieces.push(rest.join(''));
      break;
    }
    // The longest head that fits with its hyphen (at least one letter, even if it does not fit).
    let fit = 0;
    while (fit < rest.length - 1 && measure(`${rest.slice(0, fit + 1).join('')}-`, fontSize) <= maxWidth) fit++;
    fit = Math.max(1, fit);
    let cut = fit;
    let best = 0;
    // Only breaks that keep most of the line, and leave a few letters on both sides.
    for (let i = fit; i >= Math.max(MIN_PIECE, Math.ceil(fit * 0.5)); i--) {
      if (rest.length - i < MIN_PIECE) continue;
      const score = breakScore(rest[i - 1] ?? '', rest[i] ?? '', rest[i + 1]);
      if (score > best) {
        best = score;
        cut = i;
      }
    }
    if (best === 0 && rest.length - fit < MIN_PIECE && fit > MIN_PIECE) cut = rest.length - MIN_PIECE;
    pieces.push(`${rest.slice(0, cut).join('')}-`);
    start += cut;
  }
  return pieces;
}

/** Whether wrapped lines fit the box at a font size. */
function fits(lines: readonly string[], fontSize: number, options: FitTextOptions, measure: TextMeasurer): boolean {
  const lineHeight = options.lineHeight ?? 1.2;
  if (lines.length * fontSize * lineHeight > options.height + 1e-9) return false;
  return lines.every((line) => measure(line, fontSize) <= options.width + 1e-9);
}

function largestFit(text: string, options: FitTextOptions, measure: TextMeasurer, breakWords: boolean): FittedText | null {
  const step = options.step ?? 0.5;
  for (let size = options.maxFontSize; size >= options.minFontSize - 1e-9; size -= step) {
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
export function createTextFitter(options: FitTextOptions, measure: TextMeasurer, capacity = 2000): (text: string) => FittedText {
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
