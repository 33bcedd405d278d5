import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ellipsize, fitText, textWidth, wrapText } from './pdfLayout';
import { wrapText as canvasWrap } from '../../template/textWrap';
import { compactText } from './pdfText.testing';

let regular: PDFFont;
let bold: PDFFont;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  regular = await doc.embedFont(StandardFonts.Helvetica);
  bold = await doc.embedFont(StandardFonts.HelveticaBold);
});

const LONG =
  'Studenten willen misschien niet meewerken, voelen zich bekeken; docenten ervaren weerstand omdat dit een instrument geeft om af te rekenen op kwaliteit van hun onderwijs.';

describe('textWidth', () => {
  it('sums character advances without kerning, as a Tj draws them', () => {
    // "AV" is a kerning pair: pdf-lib's own width subtracts it, a Tj operator does not.
    expect(textWidth(regular, 'AV', 10)).toBeCloseTo(
      regular.widthOfTextAtSize('A', 10) + regular.widthOfTextAtSize('V', 10),
      6,
    );
    expect(textWidth(regular, 'abc', 20)).toBeCloseTo(2 * textWidth(regular, 'abc', 10), 6);
    expect(textWidth(bold, 'abc', 10)).toBeGreaterThan(textWidth(regular, 'abc', 10));
  });

  it('measures characters the font cannot encode as the fallback instead of throwing', () => {
    expect(textWidth(regular, '😀', 10)).toBeCloseTo(textWidth(regular, '?', 10), 6);
  });
});

describe('wrapText', () => {
  it('keeps every line within the width and every word in order', () => {
    for (const width of [40, 80, 150, 400]) {
      const lines = wrapText(regular, LONG, 10, width);
      for (const line of lines) expect(textWidth(regular, line, 10)).toBeLessThanOrEqual(width + 1e-9);
      expect(compactText(lines.join(' '))).toBe(compactText(LONG));
    }
  });

  it("keeps the author's line breaks and breaks a word longer than a line with a hyphen", () => {
    expect(wrapText(regular, 'Data uit Canvas\nen Osiris', 10, 500)).toEqual(['Data uit Canvas', 'en Osiris']);
    const word = 'x'.repeat(200);
    const lines = wrapText(regular, word, 10, 50);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line.endsWith('-')).toBe(true);
    expect(lines.map((line) => line.replace(/-$/, '')).join('')).toBe(word);
  });

  it('breaks a long Dutch compound as the canvas does: at a syllable, with a hyphen (issue 11, bug 7)', () => {
    const word = 'studieloopbaanbegeleiders';
    const size = 10;
    const width = textWidth(regular, 'studieloopbaanbeg', size);
    const lines = wrapText(regular, word, size, width);
    // Not "studieloopbaanbeg" / "eleiders": every piece but the last ends in a hyphen.
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/\p{L}-$/u);
    expect(lines.map((line) => line.replace(/-$/, '')).join('')).toBe(word);
    for (const line of lines) expect(textWidth(regular, line, size)).toBeLessThanOrEqual(width + 1e-9);
    // The same breaks as the canvas's word wrap, given the same measurements.
    const measure = (text: string, at: number) => textWidth(regular, text, at);
    expect(lines).toEqual(canvasWrap(word, width, size, measure, true));
    expect(wrapText(regular, `Met ${word} praten`, size, width)).toEqual(
      canvasWrap(`Met ${word} praten`, width, size, measure, true),
    );
  });

  it('makes the text WinAnsi-safe on the way', () => {
    expect(wrapText(regular, 'Goed 👍 idee', 10, 500)).toEqual(['Goed ? idee']);
  });
});

describe('fitText', () => {
  it('uses the largest size at which the text fits', () => {
    const short = fitText([{ text: 'Kort', font: regular }], 100, 100, { maxSize: 14, minSize: 2 });
    expect(short.size).toBe(14);
    expect(short.truncated).toBe(false);
    const long = fitText([{ text: LONG, font: regular }], 54, 54, { maxSize: 14, minSize: 2 });
    expect(long.size).toBeLessThan(14);
    expect(long.height).toBeLessThanOrEqual(54);
    expect(long.truncated).toBe(false);
    expect(compactText(long.paragraphs.flatMap((p) => p.lines).join(''))).toBe(compactText(LONG));
  });

  it('cuts text that does not fit even at the smallest size, ending in an ellipsis', () => {
    const fitted = fitText([{ text: LONG.repeat(10), font: regular }], 54, 30, { maxSize: 14, minSize: 3 });
    expect(fitted.truncated).toBe(true);
    expect(fitted.size).toBe(3);
    expect(fitted.height).toBeLessThanOrEqual(30);
    const lines = fitted.paragraphs.flatMap((p) => p.lines);
    expect(lines[lines.length - 1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(regular, line, 3)).toBeLessThanOrEqual(54 + 1e-9);
  });

  it('shrinks rather than cut a word, down to the size below which cutting is allowed', () => {
    const word = 'studievoortgang';
    const wide = textWidth(regular, word, 1);
    // At 14 the word is wider than the box; the text shrinks until it fits whole.
    const fitted = fitText([{ text: `Inzicht in ${word}`, font: regular }], 54, 54, {
      maxSize: 14,
      minSize: 2.4,
      breakWordsBelow: 6.5,
    });
    expect(fitted.size * wide).toBeLessThanOrEqual(54);
    expect(fitted.paragraphs[0]?.lines).toContain(word);
    // A word too long even at 6.5 is cut, at the largest size that then fits.
    const long = fitText([{ text: 'x'.repeat(80), font: regular }], 54, 54, {
      maxSize: 14,
      minSize: 2.4,
      breakWordsBelow: 6.5,
    });
    expect(long.size).toBeLessThanOrEqual(6.5);
    const pieces = long.paragraphs[0]?.lines ?? [];
    for (const line of pieces.slice(0, -1)) expect(line.endsWith('-')).toBe(true);
    expect(pieces.map((line) => line.replace(/-$/, '')).join('')).toBe('x'.repeat(80));
  });

  it('sets several paragraphs at one size, each in its font', () => {
    const fitted = fitText(
      [
        { text: 'Vraag een', font: regular },
        { text: 'Kies er één', font: bold },
      ],
      200,
      100,
      { maxSize: 10, minSize: 4 },
    );
    expect(fitted.paragraphs.map((p) => p.font)).toEqual([regular, bold]);
    expect(fitted.paragraphs[1]?.lines).toEqual(['Kies er één']);
  });
});

describe('ellipsize', () => {
  it('shortens a line to the width with an ellipsis and leaves a fitting one alone', () => {
    expect(ellipsize(regular, 'Tafel A', 10, 500)).toBe('Tafel A');
    const cut = ellipsize(regular, LONG, 10, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(regular, cut, 10)).toBeLessThanOrEqual(100);
  });
});
