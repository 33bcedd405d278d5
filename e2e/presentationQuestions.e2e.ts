import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readQuestions } from '@dmc/shared/doc/questions';
import { updateFlow } from '@dmc/shared/doc/session';
import { boardDocKey, type CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { connectDoc, placeInGroups, seedWorkshop, waitFor, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import { newPerson, openWorkshopAs, screenshot, startServerAndBrowser, stopAll, type Person } from './harness';

/**
 * Questions during the presentations (issue 11): a listener from another subgroup posts a question
 * to the presenting group in the list beside its sheet; the presenting group sees it at once, and
 * the synthesis shows it under that group and field.
 */
describe('questions to the presenting subgroup', () => {
  let server: RunningServer;
  let browser: Browser;
  let anna: Person;
  let bram: Person;
  let facilitator: CreateWorkshopResponse;
  let sessionDoc: BoardClient;
  const open: BoardClient[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    anna = await newPerson(browser);
    bram = await newPerson(browser);
    const seeded = await seedWorkshop(server.url, 'Vragen', ['Anna', 'Bram']);
    ({ facilitator, sessionDoc } = seeded);
    const [annaSession, bramSession] = seeded.participants;
    open.push(sessionDoc);
    await placeInGroups(server, sessionDoc, [
      { id: 'ga', name: 'Tafel A', members: [annaSession] },
      { id: 'gb', name: 'Tafel B', members: [bramSession] },
    ]);
    updateFlow(sessionDoc.doc, {
      phaseId: 'presentations',
      phaseStartedAt: Date.now(),
      spotlightGroupId: 'ga',
      presenterSheetId: 'vel1',
      presenterFieldId: 'doel',
    });
    await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === 'presentations', 'presentations');
    await openWorkshopAs(server.url, anna, annaSession);
    await openWorkshopAs(server.url, bram, bramSession);
  });

  afterAll(() => stopAll(browser, server, [...open]));

  it('lets a listener post a question that the presenting group sees', async () => {
    const panel = bram.page.getByTestId('presentation-questions');
    await expect
      .poll(() => panel.getByRole('heading').textContent(), { timeout: 10_000 })
      .toBe('Vragen en reacties voor Tafel A');
    await bram.page.getByTestId('question-text').fill('Hoe weten jullie of het doel bereikt is?');
    await bram.page.getByTestId('question-submit').click();
    const seen = anna.page.getByTestId('presentation-questions').getByTestId('question');
    await expect.poll(() => seen.count(), { timeout: 10_000 }).toBe(1);
    expect(await seen.first().textContent()).toContain('Hoe weten jullie of het doel bereikt is?');
    expect(await seen.first().textContent()).toContain('Bram');
    // Stored on the presenting group's board, in Bram's name.
    const board = connectDoc(server.url, facilitator, boardDocKey('ga'));
    open.push(board);
    await board.synced();
    expect(readQuestions(board.doc)).toMatchObject([
      { text: 'Hoe weten jullie of het doel bereikt is?', fieldId: 'doel' },
    ]);
    await screenshot(anna.page, 'presentation-questions');
  });

  it('shows the question in the synthesis, under the presenting group and its field', async () => {
    updateFlow(sessionDoc.doc, { phaseId: 'synthesis', phaseStartedAt: Date.now(), spotlightGroupId: null });
    const view = anna.page.getByTestId('synthesis-view');
    await expect.poll(() => view.getAttribute('data-field-id'), { timeout: 15_000 }).toBe('doel');
    const questions = anna.page.getByTestId('synthesis-questions');
    await expect.poll(() => questions.count(), { timeout: 10_000 }).toBe(1);
    expect(await questions.textContent()).toContain('Hoe weten jullie of het doel bereikt is?');
    expect(await questions.getAttribute('aria-label')).toBe('Vragen aan Tafel A uit de presentatie');
  });
});
