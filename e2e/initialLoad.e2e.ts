import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addNote } from '@dmc/shared/doc/board';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { connectBoard, seedWorkshop, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import { newPerson, openWorkshopAs, startServerAndBrowser, stopAll, type Person } from './harness';

/**
 * What a participant's browser fetches to show the board: the board's own code, not the English
 * strings (Dutch is the default), the facilitator's panel, the export dialog or the plenary views
 * (synthesis and action list). Chunks are known by the name Vite gives them after their module.
 * English still arrives as soon as someone picks it.
 */
describe('the first load of a participant’s board', () => {
  let server: RunningServer;
  let browser: Browser;
  let anna: SessionResponse;
  let annaP: Person;
  let control: BoardClient;
  let board: BoardClient;

  const ENGLISH = /\/assets\/english-[\w-]+\.js$/;
  const NEVER_FOR_A_PARTICIPANT = [
    /\/assets\/FacilitatorPanel-[\w-]+\.js$/,
    /\/assets\/ExportDialog-[\w-]+\.js$/,
    /\/assets\/FacilitatePage-[\w-]+\.js$/,
  ];
  const PLENARY_VIEWS = /\/assets\/PlenaryMain-[\w-]+\.js$/;
  const fetched = (pattern: RegExp) => annaP.requests.filter((url) => pattern.test(new URL(url).pathname));

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    let facilitator: SessionResponse;
    ({
      facilitator,
      participants: [anna],
      sessionDoc: control,
    } = await seedWorkshop(server.url, 'Eerste keer laden', ['Anna']));
    board = connectBoard(server.url, facilitator);
    await board.synced();
    addNote(board.doc, {
      id: 'n1',
      sheetId: 'vel1',
      fieldId: null,
      x: 200,
      y: 200,
      color: 'yellow',
      text: 'Welke studenten blijven achter?',
      authorId: facilitator.participant.id,
    });
    annaP = await newPerson(browser, { locale: 'nl-NL' });
  });

  afterAll(() => stopAll(browser, server, [board, control]));

  it('shows a Dutch participant the board without the English strings, the plenary views or the facilitator’s parts', async () => {
    await openWorkshopAs(server.url, annaP, anna);
    // The note is drawn on the canvas: the board is on screen.
    await annaP.page.waitForFunction(
      'window.__DMC__.notes().length === 1 && window.Konva.stages[0]?.find(".note").length > 0',
      undefined,
      { polling: 'raf', timeout: 15_000 },
    );
    const firstLoad = [...annaP.requests];
    expect(firstLoad.filter((url) => new URL(url).pathname.endsWith('.js')).length).toBeGreaterThan(0);
    for (const pattern of [ENGLISH, PLENARY_VIEWS, ...NEVER_FOR_A_PARTICIPANT])
      expect(firstLoad.filter((url) => pattern.test(new URL(url).pathname))).toEqual([]);
    expect(await annaP.page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await annaP.page.locator('.board-header .skip-link').textContent()).toBe('Naar de inhoud');
  });

  it('fetches the parts for working offline once the board is quiet, still nothing a participant never uses', async () => {
    // The list view and the plenary views come in the first quiet moment after the board shows.
    await expect.poll(() => fetched(PLENARY_VIEWS).length, { timeout: 15_000 }).toBeGreaterThan(0);
    for (const pattern of [ENGLISH, ...NEVER_FOR_A_PARTICIPANT]) expect(fetched(pattern)).toEqual([]);
  });

  it('speaks English as soon as it is chosen, and Dutch again right away', async () => {
    const page = annaP.page;
    await page.locator('.lang-toggle button[lang="en"]').click();
    await expect.poll(() => page.locator('.board-header .skip-link').textContent()).toBe('Skip to content');
    expect(await page.locator('.lang-toggle').getAttribute('aria-label')).toBe('Language');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(fetched(ENGLISH)).toHaveLength(1);
    await page.locator('.lang-toggle button[lang="nl"]').click();
    await expect.poll(() => page.locator('.lang-toggle').getAttribute('aria-label')).toBe('Taal');
    await page.locator('.lang-toggle button[lang="en"]').click();
    await expect.poll(() => page.locator('.lang-toggle').getAttribute('aria-label')).toBe('Language');
    // Loaded once: switching back and forth fetches nothing again.
    expect(fetched(ENGLISH)).toHaveLength(1);
    expect(annaP.errors).toEqual([]);
  });
});
