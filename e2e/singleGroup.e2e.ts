import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFlow } from '@dmc/shared/doc/session';
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import {
  placeInGroups,
  seedWorkshop,
  setPhaseOnServer,
  waitFor,
  type BoardClient,
} from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import { newPerson, openWorkshopAs, showFacilitatorTab, startServerAndBrowser, stopAll, type Person } from './harness';

/**
 * One group of 4–5, the handbook's small team (issue 11): with a single subgroup the phase list
 * marks the presentations "overslaan (één groep)", "Volgende" goes from preparing straight to the
 * synthesis without asking, and the synthesis becomes a review of the group's own sheet.
 */
describe('a workshop with one group', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let anna: Person;
  let facilitator: CreateWorkshopResponse;
  let sessionDoc: BoardClient;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser);
    const seeded = await seedWorkshop(server.url, 'Klein team', ['Anna']);
    ({ facilitator, sessionDoc } = seeded);
    const [annaSession] = seeded.participants;
    await placeInGroups(server, sessionDoc, [{ id: 'g1', name: 'Team', members: [annaSession] }]);
    await setPhaseOnServer(server, sessionDoc, 'prepare');
    await openWorkshopAs(server.url, fac, facilitator);
    await openWorkshopAs(server.url, anna, annaSession);
  });

  afterAll(() => stopAll(browser, server, [sessionDoc]));

  it('marks the presentations as skipped and steps past them to the synthesis', async () => {
    const page = fac.page;
    await showFacilitatorTab(page, 'flow');
    const presentations = page.getByTestId('fac-phase-presentations');
    await expect.poll(() => presentations.textContent()).toContain('overslaan (één groep)');
    expect(await page.getByTestId('fac-phase-next').textContent()).toContain('Synthese');
    await page.getByTestId('fac-phase-next').click();
    // No confirmation for a jump: in this workshop's script it is one step.
    await waitFor(() => readFlow(sessionDoc.doc).phaseId === 'synthesis', 'the synthesis');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it("shows the synthesis as a review of the group's own sheet", async () => {
    await expect.poll(() => anna.page.getByTestId('synthesis-single-group').count(), { timeout: 15_000 }).toBe(1);
    expect(await anna.page.getByTestId('phase-instruction').textContent()).toContain(
      'terugblik op jullie eigen vellen',
    );
    expect(await anna.page.getByTestId('synthesis-columns').locator('section').count()).toBe(1);
  });
});
