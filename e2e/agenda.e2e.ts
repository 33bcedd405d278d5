import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readAgendaEntries, readFlow } from '@dmc/shared/doc/session';
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { seedWorkshop, waitFor, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  openWorkshopAs,
  screenshot,
  showFacilitatorTab,
  startServerAndBrowser,
  stopAll,
  type Person,
} from './harness';

/**
 * A dagdeel has a break (issue 11): the facilitator puts a 15-minute break after "Vel 1 —
 * bespreken" on the agenda in Voorbereiding, the invitation shows it with its clock times, and
 * starting it from Verloop shows "Pauze tot HH:MM" with the countdown on a participant's screen.
 */
describe('a break on the agenda', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let anna: Person;
  let facilitator: CreateWorkshopResponse;
  let sessionDoc: BoardClient;

  const showTab = (tab: 'prepare' | 'flow') => showFacilitatorTab(fac.page, tab);

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    const seeded = await seedWorkshop(server.url, 'Learning analytics — pauze', ['Anna']);
    ({ facilitator, sessionDoc } = seeded);
    const [annaSession] = seeded.participants;
    await openWorkshopAs(server.url, fac, facilitator);
    await openWorkshopAs(server.url, anna, annaSession);
  });

  afterAll(() => stopAll(browser, server, [sessionDoc]));

  it('adds a 15-minute break after "Vel 1 — bespreken", shows it in the invitation and saves it', async () => {
    const page = fac.page;
    await showTab('prepare');
    await page.getByTestId('prep-start-time').fill('13:30');
    await page.getByTestId('prep-add-kind').selectOption('break');
    await page.getByTestId('prep-add-after').selectOption('vel1-discuss');
    await page.getByTestId('prep-add-entry-button').click();
    const row = page.locator('tr.prep-agenda__entry');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('prep-entry-label').inputValue()).toBe('Pauze');
    expect(await row.getByTestId('prep-entry-minutes').inputValue()).toBe('15');
    // Between "Vel 1 — bespreken" (14:05–14:35) and "Vel 2 — individueel schrijven", which moves on by 15 minutes.
    await expect.poll(() => row.locator('.prep-agenda__time').textContent()).toBe('14:35–14:50');
    await expect.poll(() => page.getByTestId('prep-agenda-time-vel2-write').textContent()).toBe('14:50–15:05');
    await expect.poll(() => page.getByTestId('prep-agenda-total').textContent()).toContain('3 u 50 min');
    await expect
      .poll(() => page.getByTestId('prep-invitation-text').inputValue())
      .toContain('14:35–14:50  Pauze (15 min)');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'agenda-break-preparation');

    await page.getByTestId('prep-save').click();
    await waitFor(() => readAgendaEntries(sessionDoc.doc).length === 1, 'the break in the session document');
    expect(readAgendaEntries(sessionDoc.doc)[0]).toMatchObject({
      kind: 'break',
      label: 'Pauze',
      minutes: 15,
      after: 'vel1-discuss',
    });
  });

  it('starts the break from Verloop: the participant sees "Pauze tot HH:MM" with the countdown', async () => {
    await showTab('flow');
    const [entry] = readAgendaEntries(sessionDoc.doc);
    // The timer plan lists the break between the phases.
    await expect.poll(() => fac.page.getByTestId(`fac-entry-${entry?.id}`).textContent()).toContain('Pauze');
    await fac.page.getByTestId(`fac-break-start-${entry?.id}`).click();
    await waitFor(() => readFlow(sessionDoc.doc).breakLabel === 'Pauze', 'the break in the flow');
    const endsAt = readFlow(sessionDoc.doc).timerEndsAt ?? 0;
    const until = anna.page.getByTestId('break-until');
    await expect.poll(() => until.textContent(), { timeout: 10_000 }).toMatch(/^Pauze tot \d{2}:\d{2}$/);
    // The clock time is the countdown's end: 15 minutes from the start, on the participant's clock.
    const shown = (await until.textContent())?.slice(-5) ?? '';
    // Server and browser share this machine's clock here; a minute either way covers the rounding.
    const expected = new Date(endsAt);
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    expect([
      hhmm(expected),
      hhmm(new Date(expected.getTime() - 60_000)),
      hhmm(new Date(expected.getTime() + 60_000)),
    ]).toContain(shown);
    expect(await anna.page.getByTestId('timer').getAttribute('data-status')).toBe('running');
    // The phase stays what it was.
    expect(await anna.page.getByTestId('phase-banner').getAttribute('data-phase')).toBe('open');
    await screenshot(anna.page, 'agenda-break');

    await fac.page.getByTestId('fac-break-end').click();
    await expect.poll(() => anna.page.getByTestId('break-banner').count(), { timeout: 10_000 }).toBe(0);
  });
});
