import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assignMembers, putGroup, readFlow, readMembers, updateFlow } from '@dmc/shared/doc/session';
import { SESSION_DOC, type CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { connectDoc, createWorkshop, joinWorkshop, waitFor, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import { launchBrowser, newPerson, openWorkshopAs, startAppServer, type Person } from './harness';

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
    server = await startAppServer();
    browser = await launchBrowser();
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser);
    facilitator = await createWorkshop(server.url, 'Klein team');
    const annaSession = await joinWorkshop(server.url, facilitator.workshop.code, 'Anna');
    sessionDoc = connectDoc(server.url, facilitator, SESSION_DOC);
    await sessionDoc.synced();
    await waitFor(() => readMembers(sessionDoc.doc).length === 2, 'everyone in the session');
    putGroup(sessionDoc.doc, { id: 'g1', name: 'Team', color: '#1d4ed8', order: 0 });
    assignMembers(sessionDoc.doc, new Map([[annaSession.participant.id, 'g1']]));
    updateFlow(sessionDoc.doc, { phaseId: 'prepare', phaseStartedAt: Date.now() });
    await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === 'prepare', 'prepare');
    await openWorkshopAs(server.url, fac, facilitator);
    await openWorkshopAs(server.url, anna, annaSession);
  });

  afterAll(async () => {
    sessionDoc?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('marks the presentations as skipped and steps past them to the synthesis', async () => {
    const page = fac.page;
    const tab = page.getByTestId('fac-tab-flow');
    if (!(await tab.isVisible())) await page.getByTestId('fac-toggle').click();
    await tab.click();
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
