import { describe, expect, it } from 'vitest';
import { DEFAULT_READING_LIST } from '../protocol/api';
import { utf8Length } from './text';
import { agendaTotal, buildAgenda, formatLongDate, halfDayFit } from '../domain/schedule';
import {
  canMakeInvitationIcs,
  invitationFileName,
  invitationIcs,
  invitationText,
  type InvitationInput,
} from './invitation';
import { MAX_AGENDA_ENTRIES, agendaEntriesSchema, type AgendaEntry } from '../domain/agenda';

const input: InvitationInput = {
  workshopId: 'w_abc123',
  title: 'Learning analytics — Hogeschool Lindenhaven',
  institution: 'Hogeschool Lindenhaven',
  date: '2026-12-10',
  startTime: '13:30',
  joinLink: 'https://canvas.example.nl/j/ABC234',
  code: 'ABC234',
  agendaMinutes: { 'vel2-discuss': 40 },
  readingList: [...DEFAULT_READING_LIST, { title: 'Ons eigen beleidsstuk; versie 2, concept', url: '' }],
  practicalNotes: 'Zaal B2.14, Lindenhavenplein 1\nNeem je laptop mee.',
  askTableRole: true,
};

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab joins the lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** The value of the first property with this name (and parameters), unfolded. */
function property(ics: string, name: string): string | undefined {
  const line = unfold(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(':') + 1);
}

/** Reverses escapeIcsText. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
describe('the invitation text', () => {
  const nl = invitationText(input, 'nl');
  const en = invitationText(input, 'en');

  it('names the workshop, the institution, the date and the clock times', () => {
    expect(nl).toContain('Uitnodiging: Learning analytics — Hogeschool Lindenhaven');
    // The institution is in the title already: not named twice.
    expect(nl).not.toContain('van Hogeschool Lindenhaven');
    const other = invitationText({ ...input, title: 'Learning analytics in de bachelor Psychologie' }, 'nl');
    expect(other).toContain('Uitnodiging: Learning analytics in de bachelor Psychologie\nHogeschool Lindenhaven\n');
    expect(other).toContain(
      'voor de workshop “Learning analytics in de bachelor Psychologie” van Hogeschool Lindenhaven.',
    );
    expect(invitationText({ ...input, title: 'Learning analytics in de bachelor Psychologie' }, 'en')).toContain(
      '” of Hogeschool Lindenhaven.',
    );
    expect(nl).toContain('donderdag 10 december 2026, 13:30–17:10 (3 u 40 min)');
    expect(en).toContain('Invitation: Learning analytics — Hogeschool Lindenhaven');
    expect(en).toContain('Thursday 10 December 2026, 13:30–17:10 (3 h 40 min)');
  });

  it('contains the join link and the code, in both languages', () => {
    for (const text of [nl, en]) {
      expect(text).toContain('https://canvas.example.nl/j/ABC234');
      expect(text).toContain('ABC234');
      expect(text).toContain('https://canvas.example.nl ');
    }
  });

  it('contains the agenda with clock times per phase', () => {
    expect(nl).toContain('13:30–13:50  Welkom (20 min)');
    expect(nl).toContain('13:50–14:05  Vel 1 — individueel schrijven (15 min)');
    expect(nl).toContain('14:50–15:30  Vel 2 — bespreken (40 min)');
    expect(en).toContain('13:30–13:50  Welcome (20 min)');
    expect(en).toContain('16:45–17:10  Follow-up actions (25 min)');
  });

  it('contains the reading list with links', () => {
    for (const text of [nl, en]) {
      for (const reading of DEFAULT_READING_LIST) {
        expect(text).toContain(`- ${reading.title}`);
        expect(text).toContain(`  ${reading.url}`);
      }
      expect(text).toContain('- Ons eigen beleidsstuk; versie 2, concept');
    }
    expect(nl).toContain('Vooraf lezen:');
    expect(en).toContain('Reading beforehand:');
  });

  it('contains the practical notes and the privacy sentence', () => {
    expect(nl).toContain('Praktisch:\nZaal B2.14, Lindenhavenplein 1\nNeem je laptop mee.');
    expect(nl).toContain('Je hoeft geen account te maken.');
    expect(en).toContain('You do not need to create an account.');
  });

  it('says truthfully what is stored, who sees it, and links the privacy statement', () => {
    // Not only the name: the role, notes, marks, dots, wordings, actions and times are stored too.
    for (const word of ['naam', 'rol', 'notities', 'markeringen', 'stippen', 'formuleringen', 'acties', 'tijd'])
      expect(nl).toContain(word);
    for (const word of ['name', 'role', 'notes', 'marks', 'dots', 'wordings', 'actions', 'time'])
      expect(en).toContain(word);
    expect(nl).not.toContain('alleen je naam');
    expect(en).not.toContain('only your name');
    expect(nl).toContain('niets gaat naar derden');
    expect(nl).toContain('De privacyverklaring: https://canvas.example.nl/privacy');
    expect(en).toContain('The privacy statement: https://canvas.example.nl/privacy');
  });

  it('mentions the role question only when roles are asked, and the deletion date when given', () => {
    expect(nl).toContain('rol aan tafel');
    expect(invitationText({ ...input, askTableRole: false }, 'nl')).not.toContain('rol aan tafel');
    expect(invitationText({ ...input, deleteBy: '2027-03-10' }, 'nl')).toContain(
      'uiterlijk woensdag 10 maart 2027 verwijderd',
    );
  });

  it('says when date and time are still to come, and lists durations instead of times', () => {
    const open = invitationText({ ...input, date: '', startTime: '' }, 'nl');
    expect(open).toContain('Wanneer: datum en tijd volgen nog (de workshop duurt 3 u 40 min).');
    expect(open).toContain('20 min       Welkom');
    expect(invitationText({ ...input, startTime: '' }, 'en')).toContain('When: Thursday 10 December 2026 (3 h 40 min)');
  });

  it('leaves out empty sections', () => {
    const bare = invitationText({ ...input, institution: '', readingList: [], practicalNotes: '  ' }, 'nl');
    expect(bare).not.toContain('Vooraf lezen');
    expect(bare).not.toContain('Praktisch');
    expect(bare).toContain('voor de workshop “Learning analytics — Hogeschool Lindenhaven”. Met');
  });

  it('writes dates in words, and nothing for an impossible date', () => {
    expect(formatLongDate('2026-12-10', 'nl')).toBe('donderdag 10 december 2026');
    expect(formatLongDate('2026-02-30', 'nl')).toBe('');
    expect(formatLongDate('', 'en')).toBe('');
  });
});

describe('an agenda with own items', () => {
  const pauze: AgendaEntry = { id: 'pauze1', kind: 'break', label: 'Pauze', minutes: 15, after: 'vel1-discuss' };
  const bestuur: AgendaEntry = {
    id: 'bestuur',
    kind: 'item',
    label: 'Terugkoppeling bestuur',
    minutes: 10,
    after: 'actions',
  };
  const inloop: AgendaEntry = { id: 'koffie', kind: 'break', label: 'Inloop met koffie', minutes: 10, after: 'open' };
  const entries = [pauze, bestuur, inloop];

  it('puts each item after its phase and shifts the later phases', () => {
    const agenda = buildAgenda('13:30', {}, entries);
    expect(agenda[0]).toMatchObject({ entry: inloop, start: '13:30', end: '13:40' });
    expect(agenda.find((s) => s.phaseId === 'welcome' && !s.entry)).toMatchObject({ start: '13:40' });
    const index = agenda.findIndex((s) => s.entry?.id === 'pauze1');
    expect(agenda[index - 1]).toMatchObject({ phaseId: 'vel1-discuss', entry: null, end: '14:45' });
    expect(agenda[index]).toMatchObject({ phaseId: 'vel1-discuss', start: '14:45', end: '15:00', minutes: 15 });
    expect(agenda[index + 1]).toMatchObject({ phaseId: 'vel2-write', entry: null, start: '15:00' });
    expect(agenda.at(-1)).toMatchObject({ entry: bestuur, end: '17:40' });
    for (let i = 1; i < agenda.length; i++) expect(agenda[i]?.start).toBe(agenda[i - 1]?.end);
  });

  it('keeps an item whose phase is planned at 0 minutes, and counts every item in the total', () => {
    const agenda = buildAgenda('09:00', { 'vel1-discuss': 0 }, [pauze]);
    expect(agenda.some((s) => s.entry?.id === 'pauze1')).toBe(true);
    expect(agendaTotal({}, entries)).toBe(215 + 35);
    expect(halfDayFit(agendaTotal({}, entries))).toBe('over');
    expect(agendaTotal({}, [pauze])).toBe(230);
  });

  it('shows the items in the invitation text, in both languages, and ends later', () => {
    const withBreak = { ...input, agendaEntries: [pauze] };
    const nl = invitationText(withBreak, 'nl');
    expect(nl).toContain('14:35–14:50  Pauze (15 min)');
    expect(nl).toContain('donderdag 10 december 2026, 13:30–17:25 (3 u 55 min)');
    expect(invitationText(withBreak, 'en')).toContain('14:35–14:50  Pauze (15 min)');
    // Without a start time the item still shows with its minutes.
    expect(invitationText({ ...withBreak, startTime: '' }, 'nl')).toMatch(/15 min\s+Pauze\n/);
  });

  it('ends the calendar event after the items and lists them in its description', () => {
    const ics = invitationIcs({ ...input, agendaEntries: [pauze] }, { now: 0, locale: 'nl' }) ?? '';
    expect(property(ics, 'DTEND;TZID=Europe/Amsterdam')).toBe('20261210T172500');
    expect(unescapeText(property(ics, 'DESCRIPTION') ?? '')).toContain('14:35–14:50  Pauze (15 min)');
  });

  it('accepts at most 12 items with their own ids and names of up to 60 characters', () => {
    expect(agendaEntriesSchema.safeParse(entries).success).toBe(true);
    expect(agendaEntriesSchema.safeParse([pauze, pauze]).success).toBe(false);
    const many = Array.from({ length: MAX_AGENDA_ENTRIES + 1 }, (_, i) => ({ ...pauze, id: `p${i}` }));
    expect(agendaEntriesSchema.safeParse(many).success).toBe(false);
    expect(agendaEntriesSchema.safeParse([{ ...pauze, label: ' ' }]).success).toBe(false);
    expect(agendaEntriesSchema.safeParse([{ ...pauze, label: 'x'.repeat(61) }]).success).toBe(false);
    expect(agendaEntriesSchema.safeParse([{ ...pauze, minutes: 0 }]).success).toBe(false);
    expect(agendaEntriesSchema.safeParse([{ ...pauze, after: 'lunch' }]).success).toBe(false);
    expect(agendaEntriesSchema.safeParse([{ ...pauze, kind: 'party' }]).success).toBe(false);
  });
});

describe('the invitation as iCalendar', () => {
  const now = Date.UTC(2026, 10, 1, 9, 15, 0);
  const ics = invitationIcs(input, { now, locale: 'nl' }) ?? '';

  it('is one VEVENT in a VCALENDAR with CRLF line ends only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(unfold(ics).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('carries a VTIMEZONE for Europe/Amsterdam with CET and CEST', () => {
    const lines = unfold(ics);
    const begin = lines.indexOf('BEGIN:VTIMEZONE');
    const end = lines.indexOf('END:VTIMEZONE');
    expect(begin).toBeGreaterThan(0);
    expect(begin).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
    const zone = lines.slice(begin, end + 1);
    expect(zone).toContain('TZID:Europe/Amsterdam');
    const daylight = zone.slice(zone.indexOf('BEGIN:DAYLIGHT'), zone.indexOf('END:DAYLIGHT'));
    expect(daylight).toEqual(
      expect.arrayContaining([
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'TZNAME:CEST',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      ]),
    );
    const standard = zone.slice(zone.indexOf('BEGIN:STANDARD'), zone.indexOf('END:STANDARD'));
    expect(standard).toEqual(
      expect.arrayContaining([
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'TZNAME:CET',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      ]),
    );
    // The DTSTARTs of the rules are the last Sundays of March and October 1970.
    expect(new Date(Date.UTC(1970, 2, 29)).getUTCDay()).toBe(0);
    expect(new Date(Date.UTC(1970, 9, 25)).getUTCDay()).toBe(0);
  });

  it('starts at the date and time in Dutch time and ends after the planned total', () => {
    const lines = unfold(ics);
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20261210T133000');
    // 13:30 + 220 minutes = 17:10.
    expect(lines).toContain('DTEND;TZID=Europe/Amsterdam:20261210T171000');
    expect(lines).toContain('DTSTAMP:20261101T091500Z');
    expect(unfold(invitationIcs({ ...input, startTime: '22:00' }, { now, locale: 'nl' }) ?? '')).toContain(
      'DTEND;TZID=Europe/Amsterdam:20261211T014000',
    );
  });

  it('has a stable UID per workshop, the title, the join link and the invitation as description', () => {
    const again = invitationIcs({ ...input, title: 'Nieuwe titel' }, { now: now + 60_000, locale: 'en' }) ?? '';
    expect(property(ics, 'UID')).toBe('workshop-w_abc123@canvas.example.nl');
    expect(property(again, 'UID')).toBe(property(ics, 'UID'));
    expect(property(ics, 'SUMMARY')).toBe('Learning analytics — Hogeschool Lindenhaven');
    expect(property(ics, 'URL')).toBe('https://canvas.example.nl/j/ABC234');
    expect(unescapeText(property(ics, 'DESCRIPTION') ?? '')).toBe(invitationText(input, 'nl'));
    expect(unescapeText(property(again, 'DESCRIPTION') ?? '')).toContain('How to join');
    expect(unescapeText(property(ics, 'LOCATION') ?? '')).toBe('Zaal B2.14, Lindenhavenplein 1');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text values', () => {
    const tricky =
      invitationIcs(
        { ...input, title: 'A, B; C\\D', practicalNotes: 'Zaal 1, gebouw; "X"\nTweede regel' },
        { now, locale: 'nl' },
      ) ?? '';
    expect(property(tricky, 'SUMMARY')).toBe('A\\, B\\; C\\\\D');
    expect(property(tricky, 'LOCATION')).toBe('Zaal 1\\, gebouw\\; "X"');
    const description = property(tricky, 'DESCRIPTION') ?? '';
    expect(description).not.toMatch(/[\r\n]/);
    expect(description).toContain('\\n');
    expect(description).toContain('Ons eigen beleidsstuk\\; versie 2\\, concept');
  });

  it('folds every line to at most 75 octets', () => {
    const physical = ics.split('\r\n');
    expect(physical.length).toBeGreaterThan(unfold(ics).length);
    for (const line of physical) expect(utf8Length(line)).toBeLessThanOrEqual(75);
  });

  it('is not made without a date or a start time', () => {
    expect(invitationIcs({ ...input, date: '' }, { now, locale: 'nl' })).toBeNull();
    expect(invitationIcs({ ...input, startTime: '' }, { now, locale: 'nl' })).toBeNull();
    expect(canMakeInvitationIcs({ date: '2026-12-10', startTime: '13:30' })).toBe(true);
    expect(canMakeInvitationIcs({ date: '2026-13-10', startTime: '13:30' })).toBe(false);
  });

  it('gets a file name from the title', () => {
    expect(invitationFileName('Learning analytics — Hogeschool Lindenhaven', 'nl')).toBe(
      'uitnodiging-learning-analytics-hogeschool-lindenhaven.ics',
    );
    expect(invitationFileName('Café', 'en')).toBe('invitation-cafe.ics');
    expect(invitationFileName('—', 'nl')).toBe('uitnodiging.ics');
  });
});
