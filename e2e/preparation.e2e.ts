import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHASES } from '@dmc/shared/domain/phases';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import type { RunningServer } from '../server/src/server';
import { newPerson, screenshot, startServerAndBrowser, stopAll, thirdPartyRequests, type Person } from './harness';

/**
 * Preparing the workshop as the handbook describes it ("Voorbereiding voor de workshop"): the
 * facilitator plans date, time and agenda, extends the reading list and downloads the calendar
 * invitation, which is parsed here as a calendar would; then people join with their role at the
 * table, the console shows which of the handbook's roles are present and missing, and a balanced
 * random assignment spreads the roles over the subgroups.
 */

/** Undoes folding (RFC 5545 §3.1) and splits into content lines. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** A content line's name (with parameters) and value. */
function parseLine(line: string): { name: string; value: string } {
  const colon = line.indexOf(':');
  return { name: line.slice(0, colon), value: line.slice(colon + 1) };
}

/** Reverses TEXT escaping. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The VEVENT's properties, by name with parameters (e.g. "DTSTART;TZID=Europe/Amsterdam"). */
function eventProperties(lines: readonly string[]): Map<string, string> {
  const start = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return new Map(lines.slice(start + 1, end).map((l) => Object.values(parseLine(l)) as [string, string]));
}

/** Local date-time YYYYMMDDTHHMMSS plus minutes, on the wall clock. */
function addMinutes(local: string, minutes: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const d = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]) + minutes, Number(m[6])),
  );
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

describe('preparing the workshop', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let people: Person[] = [];
  let workshopId = '';
  let code = '';
  const ids: string[] = [];

  const session = async (page: Page): Promise<SessionResponse> =>
    page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`dmc.session.${id}`) ?? 'null') as SessionResponse,
      workshopId,
    );

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    people = [await newPerson(browser), await newPerson(browser), await newPerson(browser), await newPerson(browser)];
  });

  afterAll(() => stopAll(browser, server));

  it('lets the facilitator create a workshop and open the preparation', async () => {
    await fac.page.goto(server.url);
    await fac.page.getByTestId('create-title').fill('Learning analytics — Hogeschool Lindenhaven');
    await fac.page.getByTestId('create-submit').click();
    code = ((await fac.page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await fac.page.getByTestId('open-board').click();
    await fac.page.waitForURL(/\/w\//);
    workshopId = new URL(fac.page.url()).pathname.split('/')[2] ?? '';
    await fac.page.getByTestId('fac-toggle').click();
    await fac.page.getByTestId('fac-tab-prepare').click();
    await expect.poll(() => fac.page.getByTestId('fac-tab-prepare').getAttribute('aria-selected')).toBe('true');
    // The handbook's three documents are there by default; without a date there is no .ics.
    await expect.poll(() => fac.page.getByTestId('prep-readings').locator('li').count()).toBe(3);
    expect(await fac.page.getByTestId('prep-invite-ics').isDisabled()).toBe(true);
  });

  it('plans date, start time and agenda, extends the reading list, and saves', async () => {
    const page = fac.page;
    await page.getByTestId('prep-date').fill('2026-12-10');
    await page.getByTestId('prep-start-time').fill('13:30');
    await page.getByTestId('prep-minutes-vel1-write').fill('20');
    await page.getByTestId('prep-reading-add').click();
    // Focus moves to the new entry's title.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('prep-reading-title-3');
    await page.keyboard.type('Notitie learning analytics, Lindenhaven');
    await page.getByTestId('prep-reading-url-3').fill('https://intranet.lindenhaven.example/la-notitie.pdf');
    await page.getByTestId('prep-practical').fill('Zaal B2.14, Lindenhavenplein 1\nNeem je laptop mee.');

    await expect.poll(() => page.getByTestId('prep-agenda-time-vel1-write').textContent()).toBe('13:50–14:10');
    await expect.poll(() => page.getByTestId('prep-agenda-time-vel1-discuss').textContent()).toBe('14:10–14:40');
    await expect
      .poll(() => page.getByTestId('prep-agenda-total').textContent())
      .toContain('3 u 40 min van een dagdeel');
    await expect
      .poll(() => page.getByTestId('prep-invitation-text').inputValue())
      .toContain('13:50–14:10  Vel 1 — individueel schrijven (20 min)');

    await page.getByTestId('prep-save').click();
    await expect.poll(() => page.getByTestId('prep-save-status').textContent()).toBe('Opgeslagen.');
    await screenshot(page, 'preparation-tab');

    // Saved on the server: the agenda keeps only the changed phase.
    const { token } = await session(page);
    const response = await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    const saved = ((await response.json()) as SessionResponse).workshop;
    expect(saved.date).toBe('2026-12-10');
    expect(saved.startTime).toBe('13:30');
    expect(saved.agendaMinutes).toEqual({ 'vel1-write': 20 });
    expect(saved.readingList).toHaveLength(4);
    expect(saved.readingList[3]).toEqual({
      title: 'Notitie learning analytics, Lindenhaven',
      url: 'https://intranet.lindenhaven.example/la-notitie.pdf',
    });

    // The run of the day follows the plan: the phase list and the timer use the planned minutes.
    await page.getByTestId('fac-tab-flow').click();
    await expect.poll(() => page.getByTestId('fac-phase-vel1-write').textContent()).toContain('20 min');
    await expect.poll(() => page.getByTestId('fac-phases-total').textContent()).toContain('Samen 3 u 40 min');
    await page.getByTestId('fac-tab-prepare').click();
  });

  it('downloads a calendar invitation that a calendar can read', async () => {
    const page = fac.page;
    expect(await page.getByTestId('prep-invite-ics').isDisabled()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('prep-invite-ics').click()]);
    expect(download.suggestedFilename()).toBe('uitnodiging-learning-analytics-hogeschool-lindenhaven.ics');
    const file = await download.path();
    const ics = fs.readFileSync(file, 'utf8');

    // CRLF only, folded to 75 octets.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Amsterdam');

    const event = eventProperties(lines);
    const start = event.get('DTSTART;TZID=Europe/Amsterdam');
    expect(start).toBe('20261210T133000');
    const total = PHASES.reduce((sum, p) => sum + (p.id === 'vel1-write' ? 20 : p.minutes), 0);
    expect(total).toBe(220);
    expect(event.get('DTEND;TZID=Europe/Amsterdam')).toBe(addMinutes(start ?? '', total));
    expect(event.get('DTEND;TZID=Europe/Amsterdam')).toBe('20261210T171000');
    expect(unescapeText(event.get('SUMMARY') ?? '')).toBe('Learning analytics — Hogeschool Lindenhaven');
    expect(event.get('URL')).toBe(`${server.url}/j/${code}`);
    expect(event.get('UID')).toMatch(new RegExp(`^workshop-${workshopId}@`));
    expect(unescapeText(event.get('LOCATION') ?? '')).toBe('Zaal B2.14, Lindenhavenplein 1');
    const description = unescapeText(event.get('DESCRIPTION') ?? '');
    expect(description).toContain(code);
    expect(description).toContain(`${server.url}/j/${code}`);
    expect(description).toContain('donderdag 10 december 2026, 13:30–17:10');
    expect(description).toContain('13:50–14:10  Vel 1 — individueel schrijven (20 min)');
    expect(description).toContain('- Notitie learning analytics, Lindenhaven');
    // What is stored, truthfully (issue 12 item 8), and where the privacy statement is.
    expect(description).toContain('niets gaat naar derden');
    expect(description).toContain(`De privacyverklaring: ${server.url}/privacy`);
  });

  it('shows the invitation in English too', async () => {
    await fac.page.getByTestId('prep-invite-lang-en').click();
    const text = await fac.page.getByTestId('prep-invitation-text').inputValue();
    expect(text).toContain('Thursday 10 December 2026, 13:30–17:10');
    expect(text).toContain('nothing goes to third parties');
    expect(text).toContain(`The privacy statement: ${server.url}/privacy`);
    expect(text).toContain(code);
  });

  it('lets people join with their role at the table, or without one', async () => {
    const joins: Array<[string, string | null]> = [
      ['Anna', 'docent'],
      ['Bram', 'student'],
      ['Cleo', 'cvb'],
      ['Daan', null],
    ];
    for (const [i, p] of people.entries()) {
      const [name, role] = joins[i] ?? ['X', null];
      await p.page.goto(`${server.url}/j/${code}`);
      await p.page.getByTestId('join-name').fill(name);
      if (role) await p.page.getByTestId('join-role').selectOption(role);
      if (i === 0) await screenshot(p.page, 'join-with-role');
      await p.page.getByTestId('join-submit').click();
      await p.page.waitForURL(/\/w\//);
      const s = await session(p.page);
      expect(s.participant.tableRole).toBe(role);
      ids.push(s.participant.id);
    }
  });

  it("shows the facilitator which of the handbook's roles are present and which are missing", async () => {
    const page = fac.page;
    const count = (testId: string) => page.getByTestId(testId).getAttribute('data-count');
    for (const prefix of ['prep-role-coverage', 'fac-role-coverage']) {
      if (prefix === 'fac-role-coverage') await page.getByTestId('fac-tab-people').click();
      for (const role of ['docent', 'student', 'cvb'])
        await expect.poll(() => count(`${prefix}-${role}`), { timeout: 10_000 }).toBe('1');
      for (const role of ['onderzoeker', 'icto']) expect(await count(`${prefix}-${role}`)).toBe('0');
      const missing = (await page.getByTestId(`${prefix}-missing`).textContent()) ?? '';
      expect(missing).toContain('Onderzoeker');
      expect(missing).toContain('ICTO');
      expect(missing).not.toContain('Docent');
      expect(missing).toContain('Zonder rol: 1');
    }
    // The chip of a person with a role carries a badge.
    await expect
      .poll(() => page.getByTestId(`fac-member-${ids[0]}`).locator('[data-role]').getAttribute('data-role'))
      .toBe('docent');
    expect(await page.getByTestId(`fac-member-${ids[3]}`).locator('[data-role]').count()).toBe(0);
  });

  it('lets the facilitator give someone a role, and spreads the roles over two subgroups', async () => {
    const page = fac.page;
    // Daan turns out to be a teacher too: now two docents must land in different subgroups.
    await page.getByTestId(`fac-person-role-${ids[3]}`).selectOption('docent');
    await expect.poll(() => page.getByTestId('fac-role-coverage-docent').getAttribute('data-count')).toBe('2');
    for (const name of ['Tafel A', 'Tafel B']) {
      if (!(await page.getByTestId('fac-group-name').isVisible())) await page.getByTestId('fac-group-add').click();
      await page.getByTestId('fac-group-name').fill(name);
      await page.getByTestId('fac-group-create').click();
    }
    await expect.poll(async () => (await groupIds(page)).length).toBe(2);
    await page.getByTestId('fac-assign-random').click();
    const groups = await groupIds(page);
    const rolesIn = (groupId: string) =>
      page
        .getByTestId(`fac-group-${groupId}`)
        .locator('[data-role]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-role')).sort());
    const membersIn = (groupId: string) => page.getByTestId(`fac-group-${groupId}`).locator('.fac-chip').count();
    for (const g of groups) await expect.poll(() => membersIn(g), { timeout: 10_000 }).toBe(2);
    const [a, b] = await Promise.all(groups.map(rolesIn));
    // One docent per table; the student and the CvB member fill the two places left.
    expect(a?.filter((r) => r === 'docent')).toHaveLength(1);
    expect(b?.filter((r) => r === 'docent')).toHaveLength(1);
    expect([...(a ?? []), ...(b ?? [])].sort()).toEqual(['cvb', 'docent', 'docent', 'student']);
    // The coverage panel names the roles of each subgroup.
    for (const g of groups)
      await expect.poll(() => page.getByTestId(`fac-roles-group-${g}`).textContent()).toContain('Docent');
    await page.getByTestId('fac-role-coverage').scrollIntoViewIfNeeded();
    await screenshot(page, 'preparation-roles');
  });

  it('lets someone join anonymously and still give a role, where the workshop allows it', async () => {
    const { token } = await session(fac.page);
    const patched = await fetch(`${server.url}/api/workshops/${workshopId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowAnonymous: true }),
    });
    expect(patched.status).toBe(200);
    const anonymous = await newPerson(browser);
    people.push(anonymous);
    await anonymous.page.goto(`${server.url}/j/${code}`);
    await anonymous.page.getByTestId('join-anonymous').check();
    expect(await anonymous.page.getByTestId('join-name').count()).toBe(0);
    await anonymous.page.getByTestId('join-role').selectOption('icto');
    await anonymous.page.getByTestId('join-submit').click();
    await anonymous.page.waitForURL(/\/w\//);
    const s = await session(anonymous.page);
    expect(s.participant.name).toMatch(/^Deelnemer \d+$/);
    expect(s.participant.tableRole).toBe('icto');
    await expect
      .poll(() => fac.page.getByTestId('fac-role-coverage-icto').getAttribute('data-count'), { timeout: 10_000 })
      .toBe('1');
  });

  it('made no third-party requests and no errors', () => {
    for (const p of [fac, ...people]) {
      expect(thirdPartyRequests(p.requests, server.url)).toEqual([]);
      expect(p.errors).toEqual([]);
    }
  });
});

/** The ids of the subgroup columns on the people tab. */
async function groupIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="fac-group-"]')]
      .map((el) => el.getAttribute('data-testid')?.slice('fac-group-'.length) ?? '')
      .filter((id) => !['add', 'name', 'create', 'unassigned'].includes(id) && !id.startsWith('edit')),
  );
}
