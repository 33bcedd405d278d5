import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isWinAnsi, toWinAnsi } from './pdfWinAnsi';

let helvetica: PDFFont;

beforeAll(async () => {
  helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

/** Whether pdf-lib's Helvetica can encode a text (it throws when it cannot). */
function encodable(text: string): boolean {
  try {
    helvetica.encodeText(text);
    return true;
  } catch {
    return false;
  }
}

describe('isWinAnsi', () => {
  it('agrees with what pdf-lib can encode, for every code point of the Basic Multilingual Plane', () => {
    const disagreements: string[] = [];
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (isWinAnsi(cp) !== encodable(char)) disagreements.push(cp.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('toWinAnsi', () => {
  it('keeps Dutch letters and the typographic characters WinAnsi has', () => {
    const dutch = 'é ë ï ö ü á à è ç ñ Ë Ï É € – — ‘ ’ “ ” … • · ß ½ © ²';
    expect(toWinAnsi(dutch)).toBe(dutch);
    expect(toWinAnsi("Kansen en risico's: coördinatie, reünie, naïef, één")).toBe(
      "Kansen en risico's: coördinatie, reünie, naïef, één",
    );
  });

  it('composes accents typed as separate marks', () => {
    expect(toWinAnsi('Cafe\u0301 e\u0308en')).toBe('Café ëen');
  });

  it('replaces an emoji, with its skin tone, ZWJ sequence or flag, by one fallback', () => {
    expect(toWinAnsi('Goed idee 👍')).toBe('Goed idee ?');
    expect(toWinAnsi('Top 👍🏽!')).toBe('Top ?!');
    expect(toWinAnsi('Gezin 👨‍👩‍👧‍👦 komt')).toBe('Gezin ? komt');
    expect(toWinAnsi('🇳🇱🇧🇪')).toBe('??');
    expect(toWinAnsi('❤️ zorg')).toBe('? zorg');
    expect(toWinAnsi('Stap 1️⃣')).toBe('Stap 1');
  });

  it('replaces CJK and other scripts per character, and uses the fallback given', () => {
    expect(toWinAnsi('数据 analyse')).toBe('?? analyse');
    expect(toWinAnsi('Привет', '*')).toBe('******');
    // A fallback that is itself not printable is not used.
    expect(toWinAnsi('数', '😀')).toBe('?');
  });

  it('maps look-alikes and drops accents it cannot print', () => {
    expect(toWinAnsi('−5 ‐ 3 → ok ≤ 2')).toBe('-5 - 3 -> ok <= 2');
    expect(toWinAnsi('Łódź, Gdańsk, Ővári, Çelik, İzmir')).toBe('Lódz, Gdansk, Ovári, Çelik, Izmir');
    expect(toWinAnsi('ﬁnanciën ＡＢ')).toBe('financiën AB');
  });

  it('removes control and invisible characters, keeps line breaks, turns tabs and odd spaces into spaces', () => {
    expect(toWinAnsi('a\u0000b\u0007c\u200bd\ufeffe\u00adf')).toBe('abcdef');
    expect(toWinAnsi('regel 1\r\nregel 2\rregel 3\u2028regel 4')).toBe('regel 1\nregel 2\nregel 3\nregel 4');
    expect(toWinAnsi('a\tb\u2009c\u3000d')).toBe('a b c d');
  });

  it('always gives text that pdf-lib can encode, line by line', () => {
    const hostile = 'x\u{1F600}\u0301\u200d\u{E0067}\u{1F3FB}\uD800 \uDC00 ✓✗● 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e rtl \u0085';
    for (const line of toWinAnsi(hostile).split('\n')) expect(encodable(line)).toBe(true);
    // Idempotent: sanitising twice changes nothing.
    expect(toWinAnsi(toWinAnsi(hostile))).toBe(toWinAnsi(hostile));
  });
});
