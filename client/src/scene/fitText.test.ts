import { describe, expect, it } from 'vitest';
import { createTextFitter, fitText, wrapText, type TextMeasurer } from './fitText';

// Every character is half the font size wide: easy to reason about, like a monospace font.
const measure: TextMeasurer = (text, fontSize) => Array.from(text).length * fontSize * 0.5;
const box = { width: 54, height: 54, maxFontSize: 14, minFontSize: 5, lineHeight: 1.2 };

describe('wrapText', () => {
  it('wraps greedily on spaces', () => {
    // At size 10 a line holds 10.8 characters.
    expect(wrapText('aaa bbb ccc ddd', 54, 10, measure)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('keeps explicit newlines and empty lines', () => {
    expect(wrapText('a\n\nb', 54, 10, measure)).toEqual(['a', '', 'b']);
  });

  it('puts a long word on its own line, or breaks it when asked', () => {
    expect(wrapText('x abcdefghijklmno', 54, 10, measure)).toEqual(['x', 'abcdefghijklmno']);
    // At size 10 a piece holds 9 letters and its hyphen; "g|h" (two consonants) is the last good break.
    expect(wrapText('abcdefghijklmno', 54, 10, measure, true)).toEqual(['abcdefg-', 'hijklmno']);
  });

  it('breaks a word at its own hyphen first, then between syllables, never leaving a single letter', () => {
    // The QA finding: "Brightspace-logdata" came out as "Brights-pace-l-ogdata".
    expect(wrapText('Brightspace-logdata', 66, 10, measure, true)).toEqual(['Brightspace-', 'logdata']);
    expect(wrapText('Studieadviseurs', 54, 10, measure, true)).toEqual(['Studie-', 'adviseurs']);
    expect(wrapText('Kwaliteitsverbetering', 60, 10, measure, true)).toEqual(['Kwaliteits-', 'verbetering']);
    for (const word of ['Onderwijsonderzoek', 'Studievoortgangsgegevens', 'privacyverklaring', 'Brightspace-logdata']) {
      const lines = wrapText(word, 40, 10, measure, true);
      expect(lines.join('').replace(/-/g, '')).toBe(word.replace(/-/g, ''));
      for (const line of lines) {
        expect(measure(line, 10)).toBeLessThanOrEqual(40);
        expect(line.replace(/-$/, '').length).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('fitText', () => {
  it('uses the largest size for short text', () => {
    const fitted = fitText('Hi', box, measure);
    expect(fitted.fontSize).toBe(14);
    expect(fitted.lines).toEqual(['Hi']);
    expect(fitted.truncated).toBe(false);
  });

  it('shrinks until the text fits in width and height', () => {
    const text = 'Studenten willen misschien niet meewerken, voelen zich bekeken';
    const fitted = fitText(text, box, measure);
    expect(fitted.fontSize).toBeLessThan(14);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(5);
    expect(fitted.truncated).toBe(false);
    for (const line of fitted.lines) expect(measure(line, fitted.fontSize)).toBeLessThanOrEqual(54);
    expect(fitted.lines.length * fitted.fontSize * 1.2).toBeLessThanOrEqual(54);
    // One step larger would not fit.
    const bigger = fitted.fontSize + 0.5;
    const wrapped = wrapText(text, 54, bigger, measure);
    const fitsBigger = wrapped.length * bigger * 1.2 <= 54 && wrapped.every((line) => measure(line, bigger) <= 54);
    expect(fitsBigger).toBe(false);
  });

  it('shrinks a single long word rather than breaking it', () => {
    const fitted = fitText('Onderwijsonderzoek', box, measure);
    expect(fitted.lines).toEqual(['Onderwijsonderzoek']);
    expect(measure('Onderwijsonderzoek', fitted.fontSize)).toBeLessThanOrEqual(54);
  });

  it('breaks a long word when that allows a clearly larger font', () => {
    // Whole, "Studentbegeleiding" (18 chars) needs size 6; broken, it fits at a larger size.
    const fitted = fitText('Studentbegeleiding', { ...box, breakWordsBelow: 8 }, measure);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(7.5);
    expect(fitted.lines[0]?.endsWith('-')).toBe(true);
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.join('').replace(/-/g, '')).toBe('Studentbegeleiding');
    // Without the option the word stays whole.
    expect(fitText('Studentbegeleiding', box, measure).lines).toEqual(['Studentbegeleiding']);
  });

  it('breaks a long Dutch compound at a syllable with a hyphen, as the PDF sheets do (issue 11, bug 7)', () => {
    const word = 'studieloopbaanbegeleiders';
    const fitted = fitText(word, { ...box, breakWordsBelow: 8 }, measure);
    expect(fitted.lines.length).toBeGreaterThan(1);
    for (const line of fitted.lines.slice(0, -1)) expect(line).toMatch(/\p{L}-$/u);
    expect(fitted.lines.map((line) => line.replace(/-$/, '')).join('')).toBe(word);
  });

  it('cuts off with an ellipsis what does not fit at the smallest size', () => {
    const fitted = fitText('woord '.repeat(200), box, measure);
    expect(fitted.fontSize).toBe(5);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines.length).toBe(Math.floor(54 / 6));
    expect(fitted.lines[fitted.lines.length - 1]?.endsWith('…')).toBe(true);
    for (const line of fitted.lines) expect(measure(line, 5)).toBeLessThanOrEqual(54);
  });

  it('returns no lines for empty or blank text', () => {
    expect(fitText('  \n ', box, measure).lines).toEqual([]);
  });
});

describe('createTextFitter', () => {
  it('caches per text', () => {
    let calls = 0;
    const counting: TextMeasurer = (text, size) => {
      calls++;
      return measure(text, size);
    };
    const fit = createTextFitter(box, counting);
    const first = fit('een notitie');
    const afterFirst = calls;
    expect(fit('een notitie')).toBe(first);
    expect(calls).toBe(afterFirst);
  });
});

describe('fitText skips the sizes that cannot fit', () => {
  /** The plain scan: every size from the largest down, the first whose wrap fits. */
  function scan(text: string, breakWords: boolean): number | null {
    for (let size = box.maxFontSize; size >= box.minFontSize - 1e-9; size -= 0.5) {
      const lines = wrapText(text, box.width, size, measure, breakWords);
      const fits =
        lines.length * size * box.lineHeight <= box.height + 1e-9 && lines.every((l) => measure(l, size) <= box.width);
      if (fits) return size;
    }
    return null;
  }

  it('finds the same size as trying every size, for short, long and unbreakable texts', () => {
    const words = ['AVG', 'privacy', 'studievoortgang', 'de', 'docenten', 'Kwaliteitsverbetering', 'ik', 'data'];
    const sizes = new Set<number>();
    for (let n = 1; n <= 24; n++) {
      const text = Array.from({ length: n }, (_, i) => words[(i * 5 + n) % words.length]).join(' ');
      const expected = scan(text, false);
      if (expected === null) continue;
      sizes.add(expected);
      expect(fitText(text, box, measure).fontSize, text).toBe(expected);
    }
    // Texts from one word to many: the sizes found range widely, most of them below the largest.
    expect(sizes.size).toBeGreaterThanOrEqual(4);
  });
});
