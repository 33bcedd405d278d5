import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Mark } from '@dmc/shared/domain/discussion';
import type { RunningServer } from '../server/src/server';
import { launchBrowser, newPerson, startAppServer, startCuttableNetwork, waitForNotes, type CuttableNetwork, type Person } from './harness';

/**
 * Working offline (issue 9, item 8): what a person writes while the network is gone reaches the
 * others once it is back, even when part of it no longer fits (a mark on a note deleted
 * meanwhile); what the server can no longer take (the phase moved on) is shown with its text.
 */
describe('offline edits', () => {
  let server: RunningServer;
  let network: CuttableNetwork;
  let browser: Browser;
  let fac: Person;
  let anna: Person;

  const status = (page: Page) => page.getByTestId('connection-status').getAttribute('data-status');
  const marks = (page: Page) => page.evaluate(() => (window as unknown as { __DMC__: { marks(): Mark[] } }).__DMC__.marks());
  const addNote = async (page: Page, text: string) => {
    await page.getByTestId('add-note').click();
    const editor = page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.fill(text);
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
  };
  const goOffline = async () => {
    await anna.context.setOffline(true);
    network.cut();
    await expect.poll(() => status(anna.page), { timeout: 15_000 }).toBe('offline');
  };
  const goOnline = async () => {
    network.restore();
    await anna.context.setOffline(false);
  };

  beforeAll(async () => {
    server = await startAppServer();
    network = await startCuttableNetwork(server.url);
    browser = await launchBrowser();
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await network?.close();
    await server?.close();
  });

  it('lets a facilitator open a workshop and Anna join through a network that can fail', async () => {
    await fac.page.goto(server.url);
    await fac.page.getByTestId('create-title').fill('Offline werken');
    await fac.page.getByTestId('create-submit').click();
    const code = ((await fac.page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    await fac.page.getByTestId('open-board').click();
    await fac.page.waitForURL(/\/w\//);
    await anna.page.goto(`${network.url}/j/${code}`);
    await anna.page.getByTestId('join-name').fill('Anna');
    await anna.page.getByTestId('join-submit').click();
    await anna.page.waitForURL(/\/w\//);
    for (const p of [fac, anna]) await expect.poll(() => status(p.page), { timeout: 10_000 }).toBe('connected');
    await addNote(fac.page, 'Wordt zo verwijderd');
    await waitForNotes(anna.page, (ns) => ns.some((n) => n.text === 'Wordt zo verwijderd'), "the facilitator's note on Anna's screen");
  });

  it('keeps ten notes written offline when a mark in the same batch no longer fits', async () => {
    const [doomed] = (await waitForNotes(anna.page, (ns) => ns.length === 1, 'one note')).filter((n) => n.text === 'Wordt zo verwijderd');
    if (!doomed) throw new Error('no note to mark');
    await goOffline();
    const texts = Array.from({ length: 10 }, (_, i) => `Offline gedachte ${i + 1}`);
    for (const text of texts) await addNote(anna.page, text);
    await anna.page.getByTestId('list-view-toggle').click();
    await anna.page.getByTestId(`mark-agree-${doomed.id}`).click();
    await expect.poll(async () => (await marks(anna.page)).length).toBe(1);
    await anna.page.getByTestId('list-view-toggle').click();
    // Meanwhile the facilitator, still online, deletes the marked note.
    await fac.page.getByTestId('list-view-toggle').click();
    await fac.page.getByTestId(`list-delete-${doomed.id}`).click();
    await fac.page.getByTestId('list-view-toggle').click();
    await waitForNotes(fac.page, (ns) => ns.length === 0, 'the deletion on the facilitator screen');

    await goOnline();
    const seen = await waitForNotes(fac.page, (ns) => ns.length === 10, "Anna's ten offline notes on the facilitator's screen", 30_000);
    expect(seen.map((n) => n.text).sort()).toEqual([...texts].sort());
    await expect.poll(() => status(anna.page), { timeout: 15_000 }).toBe('connected');
    const kept = await waitForNotes(anna.page, (ns) => ns.length === 10 && !ns.some((n) => n.id === doomed.id), "Anna's own board after the replay");
    expect(kept.map((n) => n.text).sort()).toEqual([...texts].sort());
    // The stale mark is gone, and nothing else was set aside.
    await expect.poll(async () => (await marks(anna.page)).length).toBe(0);
    expect(await anna.page.getByTestId('unsaved-open').count()).toBe(0);
    await expect.poll(() => anna.page.getByTestId('connection-status').textContent()).not.toContain('niet opgeslagen');
  });

  it('shows notes the new phase no longer takes, with their text, instead of dropping them', async () => {
    await anna.page.getByTestId('sheet-tab-vel1').click();
    await goOffline();
    const texts = ['Eerst dit', 'Dan dat', 'En tot slot'];
    for (const text of texts) await addNote(anna.page, text);
    // The facilitator starts the workshop: the welcome phase only writes on the welcome sheet.
    await fac.page.getByTestId('fac-toggle').click();
    await fac.page.getByTestId('fac-tab-flow').click();
    await fac.page.getByTestId('fac-phase-next').click();
    await expect.poll(() => fac.page.getByTestId('phase-banner').getAttribute('data-phase')).toBe('welcome');

    await goOnline();
    await anna.page.getByTestId('unsaved-open').click({ timeout: 30_000 });
    const listed = await anna.page.getByTestId('unsaved-text').allTextContents();
    expect(listed.map((text) => text.trim()).sort()).toEqual([...texts].sort());
    // The notes did not reach anyone else, and the count of unsaved changes is cleared once the server confirmed what it has.
    const facNotes = await waitForNotes(fac.page, (ns) => ns.length === 10, "the facilitator's board");
    expect(facNotes.some((n) => texts.includes(n.text))).toBe(false);
    await expect.poll(() => status(anna.page), { timeout: 15_000 }).toBe('connected');
    expect(anna.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED') && !e.includes('WebSocket'))).toEqual([]);
  });
});
