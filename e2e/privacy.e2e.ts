import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addNote } from '@dmc/shared/doc/board';
import type { OwnData } from '@dmc/shared/export/ownData';
import type { CreateWorkshopResponse, SessionResponse } from '@dmc/shared/protocol/api';
import { connectBoard, createWorkshop, flush, joinWorkshop, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  openWorkshopAs,
  startServerAndBrowser,
  storedSession,
  waitForNotes,
  workshopIdOf,
  type Person,
} from './harness';

/**
 * Issue 12, item 8: a participant sees who is responsible for their data before joining, can see
 * what is stored about them, change their name, download their contributions and leave with their
 * notes removed — and a device can forget a workshop.
 */
describe('privacy: the notice, my data and leaving', () => {
  let server: RunningServer;
  let browser: Browser;
  let created: CreateWorkshopResponse;
  let bob: SessionResponse;
  let ada: Person;
  let fac: Person;
  const clients: BoardClient[] = [];
  const saved = { controller: process.env.PRIVACY_CONTROLLER, contact: process.env.PRIVACY_CONTACT };

  beforeAll(async () => {
    // The server reads the controller from its environment (PRIVACY_CONTROLLER, PRIVACY_CONTACT).
    process.env.PRIVACY_CONTROLLER = 'Hogeschool Lindenhaven';
    process.env.PRIVACY_CONTACT = 'privacy@lindenhaven.example';
    ({ server, browser } = await startServerAndBrowser());
    created = await createWorkshop(server.url, 'Privacy in de praktijk');
    bob = await joinWorkshop(server.url, created.workshop.code, 'Bob');
    ada = await newPerson(browser);
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await browser?.close();
    await server?.close();
    for (const [key, value] of [
      ['PRIVACY_CONTROLLER', saved.controller],
      ['PRIVACY_CONTACT', saved.contact],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  it('shows the notice with the configured controller on the join page, linking the privacy page', async () => {
    const page = ada.page;
    await page.goto(`${server.url}/j/${created.workshop.code}`);
    const notice = page.getByTestId('privacy-notice');
    await notice.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('privacy-controller').textContent()).toContain('Hogeschool Lindenhaven');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('privacy@lindenhaven.example');
    for (const word of ['notities', 'markeringen', 'stippen', 'Alleen op deze server', 'verwijderd', 'deelnemers'])
      expect(text).toContain(word);
    await page.getByTestId('privacy-link').click();
    await page.getByTestId('privacy-page').waitFor();
    expect(page.url()).toBe(`${server.url}/privacy`);
    await expect
      .poll(() => page.getByTestId('privacy-page-controller').textContent())
      .toContain('Hogeschool Lindenhaven');
    expect(await page.title()).toContain('Privacyverklaring');

    await page.goto(`${server.url}/j/${created.workshop.code}`);
    await page.getByTestId('join-name').fill('Ada');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('phase-banner').waitFor({ timeout: 10_000 });
  });

  it('shows what is stored about me, renames me and downloads my contributions', async () => {
    const session = await storedSession(ada.page, workshopIdOf(ada.page));
    const base = { sheetId: 'vel1', fieldId: 'doel', x: 50, y: 150, color: 'yellow' as const };
    // Ada's and Bob's notes, written through their own connections (the canvas is tested elsewhere).
    for (const [who, id, text] of [
      [session, 'ada-note', 'Studiesucces vroeg signaleren'],
      [bob, 'bob-note', 'Docenten ontlasten'],
    ] as const) {
      const client = connectBoard(server.url, who);
      clients.push(client);
      await client.synced();
      addNote(client.doc, { ...base, id, text, authorId: who.participant.id });
      await flush(client);
    }
    await openWorkshopAs(server.url, fac, created);
    await waitForNotes(fac.page, (notes) => notes.length === 2, 'both notes on the facilitator’s board');

    const page = ada.page;
    await page.getByTestId('my-data-open').click();
    const dialog = page.getByTestId('my-data');
    await expect.poll(() => page.getByTestId('my-data-notes').textContent()).toContain('Studiesucces vroeg signaleren');
    expect(await page.getByTestId('my-data-notes').textContent()).not.toContain('Docenten ontlasten');
    expect(await page.getByTestId('my-data-name').textContent()).toBe('Ada');

    await page.getByTestId('my-data-rename-input').fill('Ada Lovelace');
    await page.getByTestId('my-data-rename').click();
    // The screen reconnects under the new name and the dialog comes back saying so.
    await expect
      .poll(() => page.getByTestId('my-data').textContent(), { timeout: 10_000 })
      .toContain('Je heet nu Ada Lovelace.');
    await expect.poll(() => page.getByTestId('my-data-name').textContent()).toBe('Ada Lovelace');
    expect((await storedSession(page, created.workshop.id)).participant.name).toBe('Ada Lovelace');

    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByTestId('my-data-download-json').click(),
    ]);
    expect(file.suggestedFilename()).toBe('mijn-gegevens.json');
    const data = JSON.parse(fs.readFileSync(await file.path(), 'utf8')) as OwnData;
    expect(data.participant.name).toBe('Ada Lovelace');
    expect(data.notes.map((n) => n.text)).toEqual(['Studiesucces vroeg signaleren']);
    expect(JSON.stringify(data)).not.toContain('Docenten ontlasten');
    await expect.poll(() => dialog.isVisible()).toBe(true);
  });

  it('leaves with my notes removed: the facilitator’s board no longer shows them', async () => {
    const page = ada.page;
    await page.getByTestId('my-data-leave-remove').check();
    await page.getByTestId('my-data-leave').click();
    await page.getByTestId('my-data-leave-confirm').click();
    await page.waitForURL(`${server.url}/?left=1`, { timeout: 10_000 });
    await expect.poll(() => page.getByTestId('recent-status').textContent()).toContain('verlaten');
    expect(await page.evaluate((id) => localStorage.getItem(`dmc.session.${id}`), created.workshop.id)).toBeNull();
    const notes = await waitForNotes(fac.page, (n) => n.length === 1, 'Ada’s note to leave the board');
    expect(notes[0]).toMatchObject({ id: 'bob-note', text: 'Docenten ontlasten' });
  });

  it('forgets a workshop on this device from the home page', async () => {
    const page = fac.page;
    await page.goto(`${server.url}/`);
    const list = page.getByTestId('recent-list');
    await list.waitFor();
    expect(await list.textContent()).toContain('Privacy in de praktijk');
    await page.getByRole('button', { name: 'Vergeten op dit apparaat: “Privacy in de praktijk”' }).click();
    await expect.poll(() => page.getByTestId('recent-status').textContent()).toContain('is vergeten op dit apparaat');
    expect(await page.evaluate((id) => localStorage.getItem(`dmc.session.${id}`), created.workshop.id)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  });
});
