import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateWorkshopResponse, SessionResponse } from '@dmc/shared/protocol/api';
import { placeInGroups, seedWorkshop, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  notesOf,
  openWorkshopAs,
  startServerAndBrowser,
  stopAll,
  waitForNotes,
  type Person,
} from './harness';

/**
 * Keys and native widgets that surprise (issue 12): single-key shortcuts act only in the board
 * area and can be turned off (WCAG 2.1.4); stepping through a select with the arrow keys does not
 * move a note, a person or the board on screen until Enter (3.2.2); and a Dutch screen shows no
 * English text of the browser's own widgets (validation bubbles, file picker, date inputs).
 */
describe('keys and native widgets', () => {
  let server: RunningServer;
  let browser: Browser;
  let facilitator: CreateWorkshopResponse;
  let annaSession: SessionResponse;
  /** Joined but never opens the board: the facilitator places him. */
  let bramSession: SessionResponse;
  let control: BoardClient;
  let anna: Person;
  let fac: Person;

  const noteCount = async (page: Page) => (await notesOf(page)).length;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    ({
      facilitator,
      participants: [annaSession, bramSession],
      sessionDoc: control,
    } = await seedWorkshop(server.url, 'Toetsen', ['Anna', 'Bram']));
    await placeInGroups(server, control, [
      { id: 'tafel-a', name: 'Tafel A', members: [annaSession] },
      { id: 'tafel-b', name: 'Tafel B' },
    ]);
    anna = await newPerson(browser);
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    await openWorkshopAs(server.url, anna, annaSession);
    await openWorkshopAs(server.url, fac, facilitator);
    // (waitLive polls with expect, which belongs in a test.)
    for (const page of [anna.page, fac.page])
      await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 15_000 });
  });

  afterAll(() => stopAll(browser, server, [control]));

  it('"n" on the language button adds no note; on the canvas it does, until the setting turns it off', async () => {
    const page = anna.page;
    const before = await noteCount(page);
    await page.locator('.lang-toggle button[lang="en"]').focus();
    await page.keyboard.press('n');
    expect(await page.getByTestId('note-editor').count()).toBe(0);
    expect(await noteCount(page)).toBe(before);

    // On the canvas the same key adds a note (so the check above can fail).
    await page.locator('.canvas').focus();
    await page.keyboard.press('n');
    const editor = page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Turned off in the sheet's explanation dialog: "n" on the canvas does nothing any more.
    await page.getByTestId('sheet-info').click();
    const setting = page.getByTestId('single-key-shortcuts');
    await setting.uncheck();
    await page.keyboard.press('Escape');
    await setting.waitFor({ state: 'detached' });
    const count = await noteCount(page);
    await page.locator('.canvas').focus();
    await page.keyboard.press('n');
    expect(await page.getByTestId('note-editor').count()).toBe(0);
    expect(await noteCount(page)).toBe(count);
    // The setting is kept on this device.
    expect(await page.evaluate(() => localStorage.getItem('dmc.singleKeyShortcuts'))).toBe('off');
  });

  it('"Verplaats naar veld" moves the note only on Enter, not on ArrowDown', async () => {
    const page = anna.page;
    await page.getByTestId('list-view-toggle').click();
    await page.getByTestId('list-add-doel').click();
    await page.keyboard.type('Sleutelwoord');
    const [note] = (await waitForNotes(page, (ns) => ns.some((n) => n.text === 'Sleutelwoord'), 'the note')).filter(
      (n) => n.text === 'Sleutelwoord',
    );
    if (!note) throw new Error('no note');
    await page.getByTestId(`list-more-${note.id}`).click();
    const select = page.getByTestId(`list-move-${note.id}`);
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await select.inputValue();
    expect(chosen).not.toBe('');
    // Chosen, not done: the note is still in "Doel" (the move would be local and immediate).
    expect((await notesOf(page)).find((n) => n.id === note.id)?.fieldId).toBe('doel');
    await page.keyboard.press('Enter');
    await waitForNotes(page, (ns) => ns.find((n) => n.id === note.id)?.fieldId === chosen, 'the note moved on Enter');
  });

  it('"Je kijkt naar" switches the board only on Enter', async () => {
    const page = fac.page;
    const chip = page.getByTestId('board-chip');
    const before = await chip.getAttribute('data-board-id');
    const select = page.getByTestId('board-chip-select');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    const chosen = await select.inputValue();
    expect(chosen).not.toBe(before);
    expect(await chip.getAttribute('data-board-id')).toBe(before);
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.getAttribute('data-board-id')).toBe(chosen);
    await page.getByTestId('board-chip-back').click();
    await expect.poll(() => chip.getAttribute('data-board-id')).toBe(before);
  });

  it('"Verplaats <naam> naar…" moves the person only on Enter', async () => {
    const page = fac.page;
    const toggle = page.getByTestId('fac-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.getByTestId('fac-tab-people').click();
    const id = bramSession.participant.id;
    const member = page.getByTestId(`fac-member-${id}`);
    const inColumn = (column: string) => page.getByTestId(column).getByTestId(`fac-member-${id}`).count();
    await member.waitFor();
    expect(await inColumn('fac-group-unassigned')).toBe(1);
    const select = page.getByTestId(`fac-move-${id}`);
    await select.focus();
    await page.keyboard.press('Home');
    expect(await select.inputValue()).toBe('tafel-a');
    expect(await inColumn('fac-group-unassigned')).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => inColumn('fac-group-tafel-a')).toBe(1);
  });

  it('"Jouw subgroep" changes the subgroup only on Enter', async () => {
    const self = fac.page.getByTestId('fac-self-select');
    // The box shows the value the session document reports, so it flips once the server saved it.
    if (!(await self.isChecked())) await self.click();
    await expect.poll(() => self.isChecked()).toBe(true);
    const page = anna.page;
    const chooser = page.getByTestId('group-chooser');
    await chooser.waitFor();
    await expect.poll(() => chooser.inputValue()).toBe('tafel-a');
    await chooser.focus();
    await page.keyboard.press('ArrowDown');
    expect(await chooser.inputValue()).toBe('tafel-b');
    // Still in Tafel A at the facilitator's (the change would reach it within moments).
    await page.keyboard.press('Escape');
    expect(await chooser.inputValue()).toBe('tafel-a');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        fac.page.getByTestId('fac-group-tafel-b').getByTestId(`fac-member-${annaSession.participant.id}`).count(),
      )
      .toBe(1);
  });

  it('a Dutch screen shows no English text of the browser: own messages, file picker and date fields', async () => {
    const person = await newPerson(browser, { locale: 'en-US' });
    const page = person.page;
    await page.goto(server.url);
    await page.getByTestId('create-title').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    // Every form validates itself (no "Please fill out this field.").
    const validating = () =>
      page.evaluate(() => [...document.forms].filter((f) => !f.noValidate).map((f) => f.outerHTML.slice(0, 80)));
    expect(await validating()).toEqual([]);
    await page.getByTestId('create-title').press('Enter');
    await expect.poll(() => page.getByTestId('create-title-problem').textContent()).toBe('Geef de workshop een titel.');
    // The file picker speaks Dutch ("Choose File / No file chosen" is the browser's).
    expect(await page.getByTestId('import-file-name').textContent()).toBe('Nog geen bestand gekozen');
    await page.getByTestId('import-submit').click();
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('Kies eerst een back-upbestand.');
    // Join page: its form validates itself too.
    await page.goto(`${server.url}/j/${facilitator.workshop.code}`);
    await page.getByTestId('join-name').waitFor();
    expect(await validating()).toEqual([]);

    // The preparation tab: dates and times typed the Dutch way, no mm/dd/yyyy input.
    const fp = fac.page;
    await fp.getByTestId('fac-tab-prepare').click();
    const date = fp.getByTestId('prep-date');
    await date.waitFor();
    expect(await fp.locator('input[type="date"], input[type="time"]').count()).toBe(0);
    expect(await date.getAttribute('placeholder')).toBe('dd-mm-jjjj');
    await date.fill('10-12-2026');
    await date.blur();
    expect(await date.inputValue()).toBe('10-12-2026');
    await date.fill('31-02-2026');
    await date.blur();
    const dateId = await date.getAttribute('id');
    await expect.poll(() => fp.locator(`[id="${dateId}-problem"]`).textContent()).toContain('Dit is geen datum');
    await person.context.close();
  });
});
