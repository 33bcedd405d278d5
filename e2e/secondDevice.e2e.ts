import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assignMembers, putGroup, readMembers, updateFlow } from '@dmc/shared/doc/session';
import { SESSION_DOC, type CreateWorkshopResponse, type SessionResponse } from '@dmc/shared/protocol/api';
import { connectDoc, createWorkshop, joinWorkshop, waitFor, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import { newPerson, openWorkshopAs, startServerAndBrowser, stopAll, storedSession, type Person } from './harness';

/**
 * Issue 11, bug 5: the facilitator opens their link on the beamer laptop. Saying "this is me
 * again" keeps one Procesbegeleider in the people list; a presentation screen is nobody, changes
 * nothing, and follows the field the presenting group shows.
 */
describe('the facilitator link on a second device', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let created: CreateWorkshopResponse;
  let sanne: SessionResponse;
  let sessionDoc: BoardClient;
  const people: Person[] = [];

  const peopleListed = () => fac.page.locator('[data-testid^="fac-rename-"]').count();

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    created = await createWorkshop(server.url, 'Tweede apparaat');
    sanne = await joinWorkshop(server.url, created.workshop.code, 'Sanne');
    sessionDoc = connectDoc(server.url, created, SESSION_DOC);
    await sessionDoc.synced();
    putGroup(sessionDoc.doc, { id: 'tafel-a', name: 'Tafel A', color: '#1d4ed8', order: 0 });
    assignMembers(sessionDoc.doc, new Map([[sanne.participant.id, 'tafel-a']]));
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    people.push(fac);
    await openWorkshopAs(server.url, fac, created);
  });

  it('shows the facilitator and Sanne in the people list', async () => {
    await fac.page.getByTestId('fac-toggle').click();
    await fac.page.getByTestId('fac-tab-people').click();
    await expect.poll(peopleListed, { timeout: 10_000 }).toBe(2);
  });

  afterAll(() => stopAll(browser, server, [sessionDoc]));

  const openLink = async (person: Person) => {
    await person.page.goto(`${server.url}/f/${created.workshop.id}#${created.facilitatorSecret}`);
    await person.page.getByRole('heading', { name: 'Wie opent deze link?' }).waitFor({ timeout: 10_000 });
  };

  it('lets the facilitator say "this is me again": still one Procesbegeleider', async () => {
    const laptop = await newPerson(browser);
    people.push(laptop);
    await openLink(laptop);
    await laptop.page.getByRole('button', { name: `Ik ben ${created.participant.name} (opnieuw)` }).click();
    await laptop.page.getByTestId('phase-banner').waitFor({ timeout: 10_000 });
    const again = await storedSession(laptop.page, created.workshop.id);
    expect(again.participant).toMatchObject({ id: created.participant.id, role: 'facilitator' });
    expect(readMembers(sessionDoc.doc).filter((m) => m.role === 'facilitator')).toHaveLength(1);
    expect(await peopleListed()).toBe(2);
  });

  it('opens a presentation screen that is nobody and follows the presented field', async () => {
    const beamer = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    people.push(beamer);
    await openLink(beamer);
    await beamer.page.getByTestId('facilitate-beamer').click();
    // Subgroups are at work: a screen without a subgroup waits until there is something to show.
    await beamer.page.waitForURL(/\/w\//, { timeout: 10_000 });
    expect((await storedSession(beamer.page, created.workshop.id)).participant.role).toBe('viewer');

    // The presenting group shows Vel 2's DATA field: the beamer shows that board and sheet.
    updateFlow(sessionDoc.doc, {
      phaseId: 'presentations',
      phaseStartedAt: Date.now(),
      spotlightGroupId: 'tafel-a',
      presenterSheetId: 'vel2',
      presenterFieldId: 'data',
    });
    await waitFor(
      () => server.workflow.state(created.workshop.id)?.phaseId === 'presentations',
      'the presentations on the server',
    );
    await expect
      .poll(() => beamer.page.getByTestId('board-chip').getAttribute('data-board-id'), { timeout: 10_000 })
      .toBe('tafel-a');
    await expect
      .poll(() =>
        beamer.page.evaluate(() => (window as unknown as { __DMC__: { sheetId(): string } }).__DMC__.sheetId()),
      )
      .toBe('vel2');

    // Never a member: not in the session, not in the people list.
    expect(readMembers(sessionDoc.doc).map((m) => m.id)).not.toContain(
      (await storedSession(beamer.page, created.workshop.id)).participant.id,
    );
    expect(await peopleListed()).toBe(2);
  });

  it('had no errors on any screen', () => {
    for (const person of people) expect(person.errors).toEqual([]);
  });
});
