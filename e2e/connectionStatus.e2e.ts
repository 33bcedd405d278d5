import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readNotes } from '@dmc/shared/doc/board';
import { updateFlow } from '@dmc/shared/doc/session';
import { readActions } from '@dmc/shared/doc/synthesis';
import type { PhaseId } from '@dmc/shared/domain/phases';
import {
  PLENARY_BOARD,
  SESSION_DOC,
  SYNTHESIS_DOC,
  boardDocKey,
  type CreateWorkshopResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import type { RunningServer } from '../server/src/server';
import { connectDoc, createWorkshop, joinWorkshop, waitFor, type BoardClient } from '../server/src/testing/harness';
import {
  newPerson,
  openWorkshopAs,
  startServerAndBrowser,
  stopAll,
  waitForPartsPreloaded,
  waitLive,
  type Person,
} from './harness';

/**
 * The status indicator tells the truth (issue 11, bug 1): with Chromium's own offline emulation
 * it says "Offline" while the browser is offline — also in the synthesis and actions views, where
 * the synthesis document is what matters — counts what was changed meanwhile, and says
 * "Verbonden" again as soon as the network is back, with the change delivered to the others.
 */
describe('an honest connection status', () => {
  let server: RunningServer;
  let browser: Browser;
  let anna: Person;
  let facilitator: CreateWorkshopResponse;
  let annaSession: SessionResponse;
  let sessionDoc: BoardClient;
  const open: BoardClient[] = [];

  const status = (page: Page) => page.getByTestId('connection-status');
  const setPhase = async (phaseId: PhaseId) => {
    updateFlow(sessionDoc.doc, { phaseId, phaseStartedAt: Date.now() });
    await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === phaseId, `phase ${phaseId}`);
  };
  const offlineAndBack = async (change: () => Promise<void>, arrived: () => boolean) => {
    await waitForPartsPreloaded(anna.page);
    await anna.context.setOffline(true);
    await expect.poll(() => status(anna.page).getAttribute('data-status')).toBe('offline');
    await change();
    // What was changed while offline is counted, not hidden.
    await expect.poll(() => status(anna.page).textContent()).toContain('1 wijziging nog niet opgeslagen');
    await anna.context.setOffline(false);
    await expect.poll(() => status(anna.page).getAttribute('data-status')).toBe('connected');
    await waitFor(arrived, 'the change made offline at the facilitator');
    await expect.poll(() => status(anna.page).textContent()).not.toContain('niet opgeslagen');
  };

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    anna = await newPerson(browser);
    facilitator = await createWorkshop(server.url, 'Status');
    annaSession = await joinWorkshop(server.url, facilitator.workshop.code, 'Anna');
    sessionDoc = connectDoc(server.url, facilitator, SESSION_DOC);
    open.push(sessionDoc);
    await sessionDoc.synced();
  });

  afterAll(() => stopAll(browser, server, [...open]));

  it('on the canvas: offline while offline, a note counted, connected again once back', async () => {
    const board = connectDoc(server.url, facilitator, boardDocKey(PLENARY_BOARD));
    open.push(board);
    await board.synced();
    await openWorkshopAs(server.url, anna, annaSession);
    await waitLive(anna.page);
    await offlineAndBack(
      async () => {
        await anna.page.getByTestId('add-note').click();
        const editor = anna.page.getByTestId('note-editor');
        await editor.waitFor();
        await editor.fill('Geschreven zonder netwerk');
        await editor.press('Enter');
        await editor.waitFor({ state: 'detached' });
      },
      () => readNotes(board.doc).some((n) => n.text === 'Geschreven zonder netwerk'),
    );
  });

  it('in the actions view: the synthesis counts too, and an action made offline arrives once back', async () => {
    const synthesis = connectDoc(server.url, facilitator, SYNTHESIS_DOC);
    open.push(synthesis);
    await synthesis.synced();
    await setPhase('actions');
    await anna.page.getByTestId('actions-view').waitFor({ timeout: 10_000 });
    await expect.poll(() => status(anna.page).getAttribute('data-status')).toBe('connected');
    await offlineAndBack(
      async () => {
        await anna.page.getByTestId('actions-new-what').fill('Verslag rondsturen');
        await anna.page.getByTestId('actions-new-submit').click();
      },
      () => readActions(synthesis.doc).some((a) => a.what === 'Verslag rondsturen'),
    );
  });
});
