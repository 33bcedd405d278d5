import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Mark } from '@dmc/shared/domain/discussion';
import type { RunningServer } from '../server/src/server';
import type { DocumentLog, DocumentStore } from '../server/src/persistence/types';
import { createWorkshop, joinWorkshop, startTestServer } from '../server/src/testing/harness';
import {
  CLIENT_DIR,
  launchBrowser,
  newPerson,
  openWorkshopAs,
  startAppServer,
  startCuttableNetwork,
  startServerAndBrowser,
  stopAll,
  waitForNotes,
  waitForPartsPreloaded,
  waitLive,
  type CuttableNetwork,
  type Person,
} from './harness';

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
  const marks = (page: Page) =>
    page.evaluate(() => (window as unknown as { __DMC__: { marks(): Mark[] } }).__DMC__.marks());
  const addNote = async (page: Page, text: string) => {
    await page.getByTestId('add-note').click();
    const editor = page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.fill(text);
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
  };
  const goOffline = async () => {
    await waitForPartsPreloaded(anna.page);
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
    await waitForNotes(
      anna.page,
      (ns) => ns.some((n) => n.text === 'Wordt zo verwijderd'),
      "the facilitator's note on Anna's screen",
    );
  });

  it('keeps ten notes written offline when a mark in the same batch no longer fits', async () => {
    const [doomed] = (await waitForNotes(anna.page, (ns) => ns.length === 1, 'one note')).filter(
      (n) => n.text === 'Wordt zo verwijderd',
    );
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
    const seen = await waitForNotes(
      fac.page,
      (ns) => ns.length === 10,
      "Anna's ten offline notes on the facilitator's screen",
      30_000,
    );
    expect(seen.map((n) => n.text).sort()).toEqual([...texts].sort());
    await expect.poll(() => status(anna.page), { timeout: 15_000 }).toBe('connected');
    const kept = await waitForNotes(
      anna.page,
      (ns) => ns.length === 10 && !ns.some((n) => n.id === doomed.id),
      "Anna's own board after the replay",
    );
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

  it('gives back private notes written offline when silent writing ends meanwhile, and places one again', async () => {
    // The texts of the previous case are dealt with: removed from the list (the dialog goes with the last).
    while ((await anna.page.getByTestId('unsaved-dismiss').count()) > 0)
      await anna.page.getByTestId('unsaved-dismiss').first().click();
    expect(await anna.page.getByTestId('unsaved-open').count()).toBe(0);
    await fac.page.getByTestId('fac-phase-next').click();
    await expect
      .poll(() => anna.page.getByTestId('phase-banner').getAttribute('data-phase'), { timeout: 10_000 })
      .toBe('vel1-write');
    await expect.poll(() => status(anna.page), { timeout: 10_000 }).toBe('connected');
    await anna.page.getByTestId('sheet-tab-vel1').click();
    await goOffline();
    await addNote(anna.page, 'Stil en offline');
    // Silent writing ends while Anna is away.
    await fac.page.getByTestId('fac-phase-next').click();
    await expect.poll(() => fac.page.getByTestId('phase-banner').getAttribute('data-phase')).toBe('vel1-discuss');

    await goOnline();
    await anna.page.getByTestId('unsaved-open').click({ timeout: 30_000 });
    expect((await anna.page.getByTestId('unsaved-text').allTextContents()).map((text) => text.trim())).toEqual([
      'Stil en offline',
    ]);
    // Sheet 1 is open for notes now: place it again, on the board, for everyone.
    await anna.page.getByTestId('unsaved-place').click();
    await waitForNotes(
      fac.page,
      (ns) => ns.some((n) => n.text === 'Stil en offline'),
      'the note placed again, on the facilitator screen',
      15_000,
    );
  });
});

/**
 * The server cannot store (disk full: 4507, retryable). The change stays on the device, the
 * person is told, "not saved yet" stays on screen, and it arrives once the disk has room again.
 */
describe('a server that cannot store for a while', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let anna: Person;
  let diskFull = false;

  const status = (page: Page) => page.getByTestId('connection-status');
  const enospc = () => Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  /** The embedded store, except that appends fail while `diskFull` is set. */
  const fillable = (embedded: DocumentStore): DocumentStore => ({
    open: async (workshopId, docKey) => {
      const log = await embedded.open(workshopId, docKey);
      const wrapped: DocumentLog = {
        get updates() {
          return log.updates;
        },
        get damaged() {
          return log.damaged;
        },
        get appendedRecords() {
          return log.appendedRecords;
        },
        get appendedBytes() {
          return log.appendedBytes;
        },
        append(update) {
          if (diskFull) throw enospc();
          log.append(update);
        },
        compact(state) {
          if (diskFull) throw enospc();
          log.compact(state);
        },
        close: () => log.close(),
      };
      return wrapped;
    },
    exists: (workshopId, docKey) => embedded.exists(workshopId, docKey),
    deleteWorkshop: (workshopId) => embedded.deleteWorkshop(workshopId),
    deleteDocument: (workshopId, docKey) => embedded.deleteDocument(workshopId, docKey),
  });

  beforeAll(async () => {
    server = await startTestServer({ clientDir: CLIENT_DIR, idleUnloadMs: 5_000 }, { documents: fillable });
    browser = await launchBrowser();
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser);
  });

  afterAll(() => stopAll(browser, server));

  it('keeps a note while the disk is full, says so, and saves it once there is room', async () => {
    await fac.page.goto(server.url);
    await fac.page.getByTestId('create-title').fill('Volle schijf');
    await fac.page.getByTestId('create-submit').click();
    const code = ((await fac.page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    await fac.page.getByTestId('open-board').click();
    await fac.page.waitForURL(/\/w\//);
    await anna.page.goto(`${server.url}/j/${code}`);
    await anna.page.getByTestId('join-name').fill('Anna');
    await anna.page.getByTestId('join-submit').click();
    await anna.page.waitForURL(/\/w\//);
    for (const p of [fac, anna])
      await expect.poll(() => status(p.page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');

    diskFull = true;
    await anna.page.getByTestId('add-note').click();
    const editor = anna.page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.fill('Bewaar mij');
    await editor.press('Enter');
    await expect
      .poll(() => anna.page.getByTestId('notice').getAttribute('data-notice'), { timeout: 15_000 })
      .toBe('notice.unavailable');
    await expect.poll(() => status(anna.page).textContent(), { timeout: 15_000 }).toContain('nog niet opgeslagen');
    expect((await waitForNotes(anna.page, (ns) => ns.length === 1, "Anna's note on her own screen"))[0]?.text).toBe(
      'Bewaar mij',
    );

    diskFull = false;
    await waitForNotes(
      fac.page,
      (ns) => ns.some((n) => n.text === 'Bewaar mij'),
      "Anna's note once the disk has room",
      30_000,
    );
    await expect.poll(() => status(anna.page).textContent(), { timeout: 15_000 }).not.toContain('nog niet opgeslagen');
  });
});

/**
 * A part fetched on demand that could not be fetched (the network dropped before the page had it)
 * comes back without a page reload, which would lose what was typed offline: by itself once the
 * browser is online again, or when the person reopens it or presses "Opnieuw proberen".
 */
describe('a part that could not be fetched', () => {
  let server: RunningServer;
  let browser: Browser;
  let anna: Person;
  const blocked = new Set(['ListView', 'DeckPanel']);
  const part = (url: URL) => /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(url.pathname)?.[1] ?? '';

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    anna = await newPerson(browser);
    await anna.context.route(
      (url) => blocked.has(part(url)),
      (route) => route.abort('internetdisconnected'),
    );
  });

  afterAll(() => stopAll(browser, server));

  it('shows the list view once the browser is back online, without a reload', async () => {
    const facilitator = await createWorkshop(server.url, 'Onderdelen');
    await openWorkshopAs(server.url, anna, await joinWorkshop(server.url, facilitator.workshop.code, 'Anna'));
    await waitLive(anna.page);
    // The page tried to fetch its parts ahead of need, and could not fetch these two.
    await waitForPartsPreloaded(anna.page);
    const marker = await anna.page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    await anna.page.getByTestId('list-view-toggle').click();
    await anna.page.getByTestId('load-retry').waitFor();
    expect(await anna.page.getByTestId('list-intro').count()).toBe(0);
    // Failed is failed until there is a reason to try again: no fetching in a loop (ahead of need, and on opening).
    expect(anna.requests.filter((url) => part(new URL(url)) === 'ListView').length).toBeLessThanOrEqual(2);
    await anna.context.setOffline(true);
    blocked.delete('ListView');
    await anna.context.setOffline(false);
    await anna.page.getByTestId('list-intro').waitFor();
    expect(await anna.page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
  });

  it('opens the inspiration panel when it is opened again, once it can be fetched', async () => {
    await anna.page.getByTestId('deck-toggle').click();
    await anna.page.locator('#deck-panel [role="alert"]').waitFor();
    await anna.page.getByTestId('deck-toggle').click();
    blocked.delete('DeckPanel');
    await anna.page.getByTestId('deck-toggle').click();
    await anna.page.getByTestId('deck-panel').waitFor();
    expect(await anna.page.locator('#deck-panel [role="alert"]').count()).toBe(0);
  });
});
