/**
 * Word wrap with the width measurement injected: used by the canvas (with the browser's
 * measurements) and by shared code that must know how the canvas lays out text, with an
 * estimate (see fieldLayout.ts). All sizes are in the same units (sheet units on the canvas).
 */

/** Width of `text` set at `fontSize`. */
export type TextMeasurer = (text: string, fontSize: number) => number;

/**
 * Greedy word wrap. Explicit newlines are kept. A word wider than the line is put on its own
 * line, or, with `breakWords`, split over several lines.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  measure: TextMeasurer,
  breakWords = false,
): string[] {
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
