import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../domain/actionItems';
import { actionsToIcs, escapeIcsText, foldIcsLine } from './ics';
import { sampleWorkshopExport } from './sampleWorkshop';
import { utf8Length } from './text';

const sample = sampleWorkshopExport();
const options = {
  workshopTitle: sample.workshop.title,
  now: Date.UTC(2025, 2, 11, 13, 0, 0),
  uidDomain: 'canvas.example.nl',
  locale: 'nl' as const,
};

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab joins the lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** Decodes UTF-8 bytes strictly; throws on a broken sequence. */
function decodeUtf8Strict(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) throw new Error(`continuation byte at the start of a sequence (${i})`);
    let cp = length === 1 ? b : b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next >> 6 !== 0b10) throw new Error(`truncated sequence at ${i}`);
      cp = (cp << 6) | (next & 0x3f);
    }
    out += String.fromCodePoint(cp);
    i += length;
  }
  return out;
}

/** Encodes a string as UTF-8 bytes (no TextEncoder in shared/'s types). */
function encodeUtf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

describe('iCalendar export of the actions', () => {
  const ics = actionsToIcs(sample.actions, options);

  it('is a VCALENDAR with the required properties and CRLF line ends only', () => {
    expect(
      ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Discussiemodel Canvas//Actiepunten//NL\r\n'),
    ).toBe(true);
    expect(ics).toContain('\r\nCALSCALE:GREGORIAN\r\n');
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one all-day event per dated action, and skips undated ones', () => {
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:act-1@canvas.example.nl');
    expect(lines).toContain('UID:act-2@canvas.example.nl');
    expect(ics).not.toContain('act-3');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250401');
    expect(lines).toContain('DTEND;VALUE=DATE:20250402');
    expect(lines).toContain('DTSTAMP:20250311T130000Z');
  });

  it('puts the next day after a month end and a leap day', () => {
    const base = sample.actions[0] as ActionItem;
    const at = (when: string): string[] => unfold(actionsToIcs([{ ...base, when }], options));
    expect(at('2025-01-31')).toContain('DTEND;VALUE=DATE:20250201');
    expect(at('2024-02-28')).toContain('DTEND;VALUE=DATE:20240229');
    expect(at('2025-12-31')).toContain('DTEND;VALUE=DATE:20260101');
  });

  it('strips bidi overrides from text values', () => {
    expect(escapeIcsText('a\u202Eb\u2067c')).toBe('abc');
  });

  it('escapes text values', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY:Uitzoeken: welke bronnen er naast het LMS zijn\\; "Excel" ook?');
    expect(lines).toContain('SUMMARY:Privacy officer uitnodigen voor de DPIA\\,\\nmet de FG erbij');
  });

  it('keeps the same UID for the same action across exports', () => {
    const later = actionsToIcs(sample.actions, { ...options, now: options.now + 86_400_000 });
    const uids = (text: string): string[] => unfold(text).filter((l) => l.startsWith('UID:'));
    expect(uids(later)).toEqual(uids(ics));
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const base = sample.actions[0] as ActionItem;
    const long: ActionItem = {
      ...base,
      what: `Privacy-verklaring opstellen ${'één coördinatie-overleg 🙂 met de Functionaris Gegevensbescherming; '.repeat(6)}`.slice(
        0,
        500,
      ),
      who: 'Zoë Ğür — 学生 adviseur',
    };
    const text = actionsToIcs([long], options);
    const physical = text.split('\r\n');
    physical.pop();
    for (const line of physical) {
      expect(utf8Length(line)).toBeLessThanOrEqual(75);
      // Each line on its own is valid UTF-8: no character was cut between lines.
      expect(decodeUtf8Strict(encodeUtf8(line))).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(line).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
    }
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    expect(unfold(text)).toContain(`SUMMARY:${escapeIcsText(long.what)}`);
  });

  it('folds exactly at the limit: 75 octets stay, 76 fold', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // 74 ASCII + a 2-byte "é" would make 76: the é moves whole to the next line.
    expect(foldIcsLine(`${'x'.repeat(74)}é`)).toBe(`${'x'.repeat(74)}\r\n é`);
  });

  it('writes an empty calendar when no action has a date', () => {
    const undated = sample.actions.map((a) => ({ ...a, when: '' }));
    expect(unfold(actionsToIcs(undated, options)).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(0);
  });
});
