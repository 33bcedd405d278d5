import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFFlateStream,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFPage,
} from 'pdf-lib';

/**
 * Reads the text back out of a PDF that uses simple (single-byte) fonts such as the standard
 * fonts: decodes each page's content streams, finds the strings that Tj, TJ, ' and " show
 * (hex `<...>` as pdf-lib writes them, or literal `(...)`), follows form XObjects, and decodes the
 * bytes as WinAnsi; with each string, where it starts and its font and size. A test helper for
 * this folder and for end-to-end tests; needs no test framework. Not a general PDF text
 * extractor: no CID fonts, no reading order beyond stream order, positions ignore the CTM.
 */

/** WinAnsi's 0x80–0x9F, which differ from Latin-1 (undefined codes map to U+FFFD). */
const WINANSI_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/** Decodes WinAnsi bytes to text. */
export function decodeWinAnsi(bytes: Iterable<number>): string {
  let out = '';
  for (const byte of bytes)
    out += byte >= 0x80 && byte <= 0x9f ? (WINANSI_HIGH[byte - 0x80] ?? '\uFFFD') : String.fromCharCode(byte);
  return out;
}

/**
 * Text with every kind of whitespace and every hyphen removed: compares text that was wrapped over
 * lines, where a long word may have been broken with a hyphen (as on the canvas).
 */
export function compactText(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

type Token =
  | { kind: 'string'; bytes: number[] }
  | { kind: 'name'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; value: string }
  | { kind: 'array'; items: Token[] };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Splits a content stream into operands and operators (enough of the syntax for text). */
function tokenize(data: Uint8Array): Token[] {
  const tokens: Token[] = [];
  const stack: Token[][] = [tokens];
  const push = (token: Token) => stack[stack.length - 1]?.push(token);
  let i = 0;
  while (i < data.length) {
    const c = data[i] ?? 0;
    if (WHITESPACE.has(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < data.length && depth > 0) {
        const b = data[i] ?? 0;
        if (b === 0x5c /* \ */) {
          const next = data[i + 1] ?? 0;
          const simple: Record<number, number> = {
            0x6e: 0x0a,
            0x72: 0x0d,
            0x74: 0x09,
            0x62: 0x08,
            0x66: 0x0c,
            0x28: 0x28,
            0x29: 0x29,
            0x5c: 0x5c,
          };
          if (simple[next] !== undefined) {
            bytes.push(simple[next]);
            i += 2;
          } else if (next >= 0x30 && next <= 0x37) {
            let octal = '';
            i++;
            while (octal.length < 3 && (data[i] ?? 0) >= 0x30 && (data[i] ?? 0) <= 0x37)
              octal += String.fromCharCode(data[i++] ?? 0x30);
            bytes.push(parseInt(octal, 8) & 0xff);
          } else if (next === 0x0d || next === 0x0a) {
            // A backslash before a line break continues the string on the next line.
            i += next === 0x0d && data[i + 2] === 0x0a ? 3 : 2;
          } else {
            i++;
          }
          continue;
        }
        if (b === 0x28) depth++;
        if (b === 0x29) depth--;
        if (depth > 0) bytes.push(b);
        i++;
      }
      push({ kind: 'string', bytes });
    } else if (c === 0x3c /* < */ && data[i + 1] === 0x3c) {
      // Dictionaries (in BDC, inline images) carry no shown text: skip the delimiters.
      i += 2;
    } else if (c === 0x3e /* > */ && data[i + 1] === 0x3e) {
      i += 2;
    } else if (c === 0x3c) {
      let hex = '';
      i++;
      while (i < data.length && data[i] !== 0x3e) {
        const h = String.fromCharCode(data[i] ?? 0);
        if (/[0-9a-fA-F]/.test(h)) hex += h;
        i++;
      }
      i++;
      if (hex.length % 2 === 1) hex += '0';
      const bytes: number[] = [];
      for (let k = 0; k < hex.length; k += 2) bytes.push(parseInt(hex.slice(k, k + 2), 16));
      push({ kind: 'string', bytes });
    } else if (c === 0x5b /* [ */) {
      const items: Token[] = [];
      push({ kind: 'array', items });
      stack.push(items);
      i++;
    } else if (c === 0x5d /* ] */) {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === 0x2f /* / */) {
      let name = '';
      i++;
      while (i < data.length && !WHITESPACE.has(data[i] ?? 0) && !DELIMITERS.has(data[i] ?? 0))
        name += String.fromCharCode(data[i++] ?? 0);
      push({ kind: 'name', value: name });
    } else {
      let word = '';
      while (i < data.length && !WHITESPACE.has(data[i] ?? 0) && !DELIMITERS.has(data[i] ?? 0))
        word += String.fromCharCode(data[i++] ?? 0);
      if (word === '') {
        i++;
        continue;
      }
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) push({ kind: 'number', value: Number(word) });
      else if (word === 'ID') {
        // Inline image data is binary: skip to its EI.
        while (
          i < data.length &&
          !(data[i - 1] !== undefined && WHITESPACE.has(data[i - 1] ?? 0) && data[i] === 0x45 && data[i + 1] === 0x49)
        )
          i++;
        i += 2;
      } else push({ kind: 'op', value: word });
    }
  }
  return tokens;
}

/** The decoded bytes of a stream: a loaded one (Flate and the other filters pdf-lib knows) or one made in memory. */
function streamBytes(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  if (stream instanceof PDFFlateStream) return stream.getUnencodedContents();
  return stream.getContents();
}

/** One shown string with where it starts (text space; the writers here never change the CTM). */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** The font's resource name on the page, e.g. "HelveticaBold". */
  readonly font: string;
}

/** The text-showing strings of a content stream, in order, following form XObjects. */
function showTexts(data: Uint8Array, resources: PDFDict | undefined, seen: Set<PDFStream>): TextRun[] {
  const out: TextRun[] = [];
  const operands: Token[] = [];
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  let leading = 0;
  let size = 0;
  let font = '';
  const num = (token: Token | undefined) => (token?.kind === 'number' ? token.value : 0);
  const show = (text: string) => out.push({ text, x, y, size, font });
  for (const token of tokenize(data)) {
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    const last = operands[operands.length - 1];
    const n = operands.length;
    switch (token.value) {
      case 'BT':
        x = y = lineX = lineY = 0;
        break;
      case 'Tf': {
        const name = operands[n - 2];
        font = name?.kind === 'name' ? name.value : '';
        size = num(last);
        break;
      }
      case 'TL':
        leading = num(last);
        break;
      case 'Td':
      case 'TD':
        lineX += num(operands[n - 2]);
        lineY += num(last);
        if (token.value === 'TD') leading = -num(last);
        x = lineX;
        y = lineY;
        break;
      case 'Tm':
        lineX = x = num(operands[n - 2]);
        lineY = y = num(last);
        break;
      case 'T*':
        lineY -= leading;
        x = lineX;
        y = lineY;
        break;
      case 'Tj':
        if (last?.kind === 'string') show(decodeWinAnsi(last.bytes));
        break;
      case "'":
      case '"':
        lineY -= leading;
        x = lineX;
        y = lineY;
        if (last?.kind === 'string') show(decodeWinAnsi(last.bytes));
        break;
      case 'TJ':
        // A large negative adjustment inside TJ is how some writers put a word space.
        if (last?.kind === 'array') {
          show(
            last.items
              .map((item) =>
                item.kind === 'string'
                  ? decodeWinAnsi(item.bytes)
                  : item.kind === 'number' && item.value < -200
                    ? ' '
                    : '',
              )
              .join(''),
          );
        }
        break;
      case 'Do': {
        if (last?.kind !== 'name' || resources === undefined) break;
        const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
        const form = xobjects?.lookupMaybe(PDFName.of(last.value), PDFStream);
        if (form !== undefined && !seen.has(form) && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
          seen.add(form);
          const formResources = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
          out.push(...showTexts(streamBytes(form), formResources, seen));
        }
        break;
      }
    }
    operands.length = 0;
  }
  return out;
}

/** The shown strings of one page with their positions, in content-stream order. */
export function pageTextRuns(page: PDFPage): TextRun[] {
  const contents = page.node.Contents();
  const streams: PDFStream[] = [];
  if (contents instanceof PDFStream) streams.push(contents);
  else if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const item = contents.get(i);
      const stream = item instanceof PDFRef ? page.doc.context.lookup(item) : item;
      if (stream instanceof PDFStream) streams.push(stream);
    }
  }
  // Content may be split between streams at any token, so they are read as one.
  const parts = streams.map(streamBytes);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 0x0a;
    offset += part.length + 1;
  }
  return showTexts(joined, page.node.Resources(), new Set());
}

/** The shown strings of one page, in content-stream order. */
export function pageTextItems(page: PDFPage): string[] {
  return pageTextRuns(page).map((run) => run.text);
}

/** The text of each page of a PDF file: its shown strings, one per line. */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  return pdfDocumentText(await PDFDocument.load(bytes));
}

/** The text of each page of a loaded (or still open) document. */
export function pdfDocumentText(doc: PDFDocument): string[] {
  return doc.getPages().map((page) => pageTextItems(page).join('\n'));
}
