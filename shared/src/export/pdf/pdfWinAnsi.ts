/**
 * The PDF exports write text in the PDF standard fonts (Helvetica): nothing to embed or fetch,
 * small files, but they encode only WinAnsi — Latin-1 plus a few typographic characters — and
 * pdf-lib throws on anything else. Every text goes through {@link toWinAnsi} before it is
 * measured or drawn, so a note with an emoji or a name in another script never breaks an export.
 */

/** The 27 characters WinAnsi puts in 0x80–0x9F, beyond Latin-1. */
const WINANSI_EXTRAS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0) ?? 0));

/** Text that needs no change: WinAnsi characters and \n only, without a soft hyphen (U+00AD). */
const PRINTABLE = new RegExp(`^[\\n\\x20-\\x7e\\xa0-\\xac\\xae-\\xff${[...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].join('')}]*$`);

/** The character that stands in for one that cannot be printed (an emoji, a CJK character). */
export const WINANSI_FALLBACK = '?';

/** Whether a code point can be drawn in the standard fonts (\n excluded: lines are split first). */
export function isWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WINANSI_EXTRAS.has(codePoint)
  );
}

/**
 * Look-alikes for common characters outside WinAnsi, so "−", a thin space or an arrow keep their
 * meaning instead of becoming the fallback.
 */
const SUBSTITUTES: ReadonlyMap<number, string> = new Map([
  ...[0x2010, 0x2011, 0x2012, 0x2212, 0x2043].map((cp): [number, string] => [cp, '-']),
  [0x2015, '—'],
  [0x201b, '‘'],
  [0x201f, '“'],
  [0x2032, "'"],
  [0x2033, '"'],
  [0x2024, '.'],
  [0x2027, '·'],
  ...[0x25e6, 0x25aa, 0x25cf, 0x2023, 0x2219].map((cp): [number, string] => [cp, '•']),
  [0x2192, '->'],
  [0x2190, '<-'],
  [0x2194, '<->'],
  [0x21d2, '=>'],
  [0x2264, '<='],
  [0x2265, '>='],
  [0x2248, '~'],
  [0x0131, 'i'],
  [0x0142, 'l'],
  [0x0141, 'L'],
  [0x0111, 'd'],
  [0x0110, 'D'],
  [0x0127, 'h'],
  [0x0126, 'H'],
  [0x1e9e, 'SS'],
]);

/** Spaces of every width read as one ordinary space. */
const SPACE = /^[\u1680\u2000-\u200a\u202f\u205f\u3000]$/u;

/** Code points that belong to the character before them (accents, emoji joiners and modifiers). */
function isExtend(cp: number): boolean {
  return (
    /\p{M}/u.test(String.fromCodePoint(cp)) ||
    cp === 0x200d ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f)
  );
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/**
 * Splits text into user-perceived characters, enough of Unicode's rules for this job: accents,
 * emoji ZWJ sequences, skin tones, keycaps and flags stay one cluster, so each becomes at most
 * one fallback. Written out rather than Intl.Segmenter so every browser gives the same result.
 */
function clusters(text: string): string[] {
  const out: string[] = [];
  let joinNext = false;
  // Whether the last cluster is a lone regional indicator waiting for the second half of its flag.
  let openFlag = false;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const last = out.length - 1;
    const flagHalf = isRegionalIndicator(cp);
    const attach: boolean =
      last >= 0 && char !== '\n' && out[last] !== '\n' && (joinNext || isExtend(cp) || (flagHalf && openFlag));
    if (attach) out[last] += char;
    else out.push(char);
    if (flagHalf) openFlag = !(attach && openFlag);
    else if (!isExtend(cp)) openFlag = false;
    joinNext = cp === 0x200d;
  }
  return out;
}

function allWinAnsi(text: string): boolean {
  for (const char of text) if (!isWinAnsi(char.codePointAt(0) ?? 0)) return false;
  return true;
}

/** Accents and invisible format characters, which can go when they cannot be printed. */
const STRIPPABLE = /[\p{M}\p{Cf}\u{1F3FB}-\u{1F3FF}]/gu;

function convertCluster(cluster: string, fallback: string): string {
  if (cluster === '\n') return '\n';
  const composed = cluster.normalize('NFC');
  if (allWinAnsi(composed)) return composed;
  const base = composed.codePointAt(0) ?? 0;
  const substitute = SUBSTITUTES.get(base);
  if (substitute !== undefined) return substitute;
  if (base === 0x09 || SPACE.test(String.fromCodePoint(base))) return ' ';
  // Other control characters are invisible in the app too.
  if (/\p{Cc}/u.test(String.fromCodePoint(base))) return '';
  const bare = composed.replace(STRIPPABLE, '');
  // A lone accent, a soft hyphen or a zero-width space: nothing to show.
  if (bare === '') return '';
  if (allWinAnsi(bare)) return bare;
  // Compatibility forms: "ﬁ" → "fi", "ő" → "o", full-width "Ａ" → "A".
  const compatible = bare.normalize('NFKD').replace(STRIPPABLE, '');
  if (compatible !== '' && allWinAnsi(compatible)) return compatible;
  return fallback;
}

/**
 * Makes text drawable in the standard fonts: keeps Latin-1 and WinAnsi's typographic characters
 * (é ë ï ö ü á à è ç ñ € – — ‘ ’ “ ” … •), composes accents, replaces look-alikes (− → -,
 * → → ->), drops accents it cannot print (ő → o), invisible format and control characters and
 * soft hyphens, turns CR LF and line separators into \n and tabs into spaces, and replaces every
 * other character — an emoji, CJK, a ZWJ family — by one `fallback`.
 */
export function toWinAnsi(text: string, fallback: string = WINANSI_FALLBACK): string {
  // Most text is printable as it is (Dutch included): skip the per-character work. Layout
  // calls this often on the same text, so the check is one precompiled regular expression.
  if (PRINTABLE.test(text)) return text;
  // Helvetica draws a soft hyphen as a visible one, so it goes before anything else.
  const lines = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/\u00ad/g, '');
  const stand = allWinAnsi(fallback) ? fallback : WINANSI_FALLBACK;
  let out = '';
  for (const cluster of clusters(lines)) out += convertCluster(cluster, stand);
  return out;
}
