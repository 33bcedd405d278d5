import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { createWorkshop } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  notesOf,
  openWorkshopAs,
  startServerAndBrowser,
  stopAll,
  waitForNotes,
  waitForPhase,
  type Person,
} from './harness';

/**
 * The whole workshop without a mouse (issue 12, items 3 and 5; WCAG 2.1.1 and 2.4.3): a
 * participant joins, writes in two fields, moves a note to another field on the canvas and in the
 * list view, marks, votes and says "klaar"; a facilitator makes subgroups, places her, runs three
 * phases, starts the timer and exports. Only key presses and typing — `page.focus` once per page,
 * for the very first focus — and after every action the focus is on a control, never on `<body>`.
 */
describe('a workshop by keyboard alone', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let anna: Person;
  let facilitator: CreateWorkshopResponse;
  let annaId = '';
  let groupId = '';

  /** What has the focus: a short description for failure messages, or "body" when it is lost. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement || !el.isConnected) return 'body';
      const id = el.getAttribute('data-testid') ?? el.id;
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
    });

  /** After an action: the focus is (or, once the change is drawn, comes to rest) on a control, not on `<body>`. */
  const focusKept = async (page: Page, after: string) => {
    await expect
      .poll(() => focused(page), { timeout: 3000, message: `focus lost to <body> after ${after}` })
      .not.toBe('body');
  };

  /** Whether the focused element matches a CSS selector. */
  const focusIs = (page: Page, selector: string) =>
    page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

  /** Presses Tab (or Shift+Tab) until the focus is on an element matching `selector`. */
  const tabTo = async (page: Page, selector: string, options: { back?: boolean; max?: number } = {}) => {
    const max = options.max ?? 150;
    for (let i = 0; i < max; i++) {
      if (await focusIs(page, selector)) return;
      await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${selector}; the focus is on ${await focused(page)}`);
  };

  /** Opens a tab of the facilitator's console with the arrow keys (roving tab index). */
  const consoleTab = async (tab: 'flow' | 'people' | 'settings') => {
    const page = fac.page;
    await tabTo(page, '.fac-tab[aria-selected="true"]');
    for (let i = 0; i < 6 && !(await focusIs(page, `#fac-tab-${tab}`)); i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator(`#fac-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
    await focusKept(page, `opening the ${tab} tab`);
  };

  /** "Volgende fase" from the keyboard; both screens follow, and neither loses the focus. */
  const nextPhase = async (phaseId: string) => {
    await tabTo(fac.page, '[data-testid="fac-phase-next"]');
    await fac.page.keyboard.press('Enter');
    for (const p of [fac, anna]) {
      await waitForPhase([p], phaseId);
      await focusKept(p.page, `the change to ${phaseId}`);
    }
  };

  const draftNotes = (page: Page) =>
    page.evaluate(() =>
      (
        window as unknown as { __DMC__: { draftNotes(): Array<{ id: string; text: string; fieldId: string | null }> } }
      ).__DMC__.draftNotes(),
    );

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    facilitator = await createWorkshop(server.url, 'Toetsenbord');
    await openWorkshopAs(server.url, fac, facilitator);
  });

  afterAll(() => stopAll(browser, server));

  it('lets a participant join with the keyboard; the focus lands on the phase, not on <body>', async () => {
    const page = anna.page;
    await page.goto(`${server.url}/j/${facilitator.workshop.code}`);
    await page.focus('[data-testid="join-name"]');
    await page.keyboard.type('Anna');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/w\//);
    await page.getByTestId('phase-banner').waitFor();
    await focusKept(page, 'joining');
    await expect.poll(() => focusIs(page, '[data-testid="phase-label"]')).toBe(true);
    annaId = await page.evaluate(
      (id) =>
        (JSON.parse(localStorage.getItem(`dmc.session.${id}`) ?? '{}') as { participant: { id: string } }).participant
          .id,
      facilitator.workshop.id,
    );
    expect(annaId).not.toBe('');
  });

  it('lets the facilitator make two subgroups and place Anna, keeping the focus on each control', async () => {
    const page = fac.page;
    await page.focus('[data-testid="fac-toggle"]');
    await page.keyboard.press('Enter');
    await focusKept(page, 'opening the console');
    await consoleTab('people');
    await tabTo(page, '[data-testid="fac-group-add"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusIs(page, '[data-testid="fac-group-name"]')).toBe(true);
    // The suggested names ("Subgroep 1", "Subgroep 2"): Enter makes one, the form stays open and focused.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid^="fac-move-"]').count()).toBeGreaterThan(0);
    await expect.poll(() => focusIs(page, '[data-testid="fac-group-name"]')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusIs(page, '[data-testid="fac-group-name"]')).toBe(true);
    // Escape closes the form; the focus goes back to "Subgroep toevoegen".
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('fac-group-name').count()).toBe(0);
    await expect.poll(() => focusIs(page, '[data-testid="fac-group-add"]')).toBe(true);

    // "Verplaats Anna naar…": Home picks the first subgroup, Enter commits; the focus goes along with her chip.
    const move = `[data-testid="fac-move-${annaId}"]`;
    await tabTo(page, move);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.locator(move).inputValue()) !== '').toBe(true);
    groupId = await page.locator(move).inputValue();
    await focusKept(page, 'moving a person');
    expect(await focusIs(page, move)).toBe(true);
    await expect
      .poll(() => anna.page.getByTestId('board-chip').getAttribute('data-board-id'), { timeout: 10_000 })
      .toBe(groupId);
    await focusKept(anna.page, 'being placed in a subgroup');
  });

  it('runs the phases to silent writing and starts the timer; the focus follows "Start" to "Pauzeren"', async () => {
    await consoleTab('flow');
    await nextPhase('welcome');
    // Anna is on the welcome phase's reading list, which the next phase takes away: her focus goes
    // to the new phase's name and instruction instead of <body>.
    await tabTo(anna.page, '.welcome-reading__toggle');
    await nextPhase('vel1-write');
    await expect.poll(() => focusIs(anna.page, '[data-testid="phase-label"]')).toBe(true);
    const page = fac.page;
    await tabTo(page, '[data-testid="fac-timer-start"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => anna.page.getByTestId('timer').getAttribute('data-status')).toBe('running');
    await expect.poll(() => focusIs(page, '[data-testid="fac-timer-pause"]')).toBe(true);
  });

  it('lets Anna write in two fields from the canvas', async () => {
    const page = anna.page;
    await tabTo(page, '.canvas');
    for (const [i, text] of ['Studiesucces eerstejaars', 'Welke cursussen lopen vast?'].entries()) {
      // The second note goes into the next field: "]" moves the view there.
      if (i > 0) await page.keyboard.press(']');
      await page.keyboard.press('n');
      await page.getByTestId('note-editor').waitFor();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.getByTestId('note-editor').waitFor({ state: 'detached' });
      await focusKept(page, `writing note ${i + 1}`);
      expect(await focusIs(page, '.canvas')).toBe(true);
    }
    await expect.poll(async () => new Set((await draftNotes(page)).map((n) => n.fieldId)).size).toBe(2);
  });

  it('reveals the notes; Anna walks to one with the arrows and moves it into another field on the canvas', async () => {
    await nextPhase('vel1-discuss');
    const page = anna.page;
    const notes = await waitForNotes(
      page,
      (ns) => ns.filter((n) => n.authorId === annaId).length === 2,
      "Anna's two notes on the board",
    );
    const goal = notes.find((n) => n.text === 'Studiesucces eerstejaars');
    if (!goal) throw new Error('the note in DOEL is missing');
    expect(goal.fieldId).toBe('doel');
    const selected = () =>
      page.evaluate(() => (window as unknown as { __DMC__: { selectedId(): string | null } }).__DMC__.selectedId());
    const other = notes.find((n) => n.text === 'Welke cursussen lopen vast?');
    await tabTo(page, '.canvas');
    // Her last note is still selected from writing it: Escape clears that first.
    await page.keyboard.press('Escape');
    // The arrows select in reading order: DOEL first, then the concrete questions, and back.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe(other?.id);
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('[data-testid="note-toolbar"]') !== null))
      .toBe(true);
    await expect.poll(selected).toBe(goal.id);
    // A screen reader hears which note it is.
    await expect
      .poll(async () => (await page.locator('[aria-live="polite"]').allTextContents()).join(' '))
      .toContain('Notitie 1 van 2 in DOEL: Studiesucces eerstejaars');
    // Ctrl+Shift+↓ moves it a large step down, out of DOEL into the concrete questions below.
    for (let i = 0; i < 20; i++) {
      const now = (await notesOf(page)).find((n) => n.id === goal.id);
      if (now?.fieldId === 'concrete-vragen') break;
      await page.keyboard.press('Control+Shift+ArrowDown');
    }
    await expect.poll(async () => (await notesOf(page)).find((n) => n.id === goal.id)?.fieldId).toBe('concrete-vragen');
    await focusKept(page, 'moving a note on the canvas');
    // Escape clears the selection; the focus stays on the canvas.
    await page.keyboard.press('Escape');
    await expect.poll(selected).toBeNull();
    expect(await focusIs(page, '.canvas')).toBe(true);
  });

  it('lets Anna write the wording of a field from a note’s menu; after saving, the focus is on "Formulering bewerken"', async () => {
    const page = anna.page;
    await tabTo(page, '.canvas');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu').waitFor();
    const onFieldItem = () =>
      page.evaluate(() => document.activeElement?.textContent?.includes('Formulering en actiepunten') ?? false);
    for (let i = 0; i < 20 && !(await onFieldItem()); i++) await page.keyboard.press('ArrowDown');
    expect(await onFieldItem()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('field-panel').waitFor();
    await focusKept(page, 'opening the field panel');
    await tabTo(page, '[data-testid^="formulation-edit-"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid^="formulation-text-"]');
    await page.keyboard.type('Welke cursussen hebben extra begeleiding nodig');
    await tabTo(page, '[data-testid^="formulation-save-"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusIs(page, '[data-testid^="formulation-edit-"]')).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('field-panel').waitFor({ state: 'detached' });
    await focusKept(page, 'closing the field panel');
  });

  it('lets Anna move a note, mark it and place a dot in the list view, which names the note on each button', async () => {
    const page = anna.page;
    await tabTo(page, '[data-testid="list-view-toggle"]', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('list-view-toggle').getAttribute('aria-pressed')).toBe('true');
    await focusKept(page, 'switching to the list view');
    // The choice is kept on this device.
    expect(await page.evaluate(() => localStorage.getItem('dmc.listView'))).toBe('list');

    const question = (await notesOf(page)).find((n) => n.text === 'Welke cursussen lopen vast?');
    if (!question) throw new Error('the second note is missing');
    await tabTo(page, `[data-testid="list-more-${question.id}"]`);
    await page.keyboard.press('Enter');
    await tabTo(page, `[data-testid="list-move-${question.id}"]`);
    // Choose "DOELGROEP" with the arrows, then commit with Enter.
    for (let i = 0; i < 10; i++) {
      const value = await page.locator(`[data-testid="list-move-${question.id}"]`).inputValue();
      if (value === 'doelgroep') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await notesOf(page)).find((n) => n.id === question.id)?.fieldId).toBe('doelgroep');
    await focusKept(page, 'moving a note in the list view');

    const agree = `[data-testid="mark-agree-${question.id}"]`;
    expect(await page.locator(agree).getAttribute('aria-label')).toContain('Welke cursussen lopen vast?');
    await tabTo(page, agree);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(agree).getAttribute('aria-pressed')).toBe('true');
    await focusKept(page, 'marking');

    const dot = `[data-testid="vote-add-${question.id}"]`;
    expect(await page.locator(dot).textContent()).toContain('Welke cursussen lopen vast?');
    await tabTo(page, dot);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId(`vote-count-${question.id}`).textContent()).toContain('1');
    await focusKept(page, 'voting');
  });

  it('lets Anna say "klaar", through the sheet check if it asks', async () => {
    const page = anna.page;
    await tabTo(page, '[data-testid="ready-toggle"]', { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('guidance-dialog');
    await expect
      .poll(
        async () =>
          (await dialog.count()) > 0 ||
          (await page.getByTestId('ready-toggle').getAttribute('aria-pressed')) === 'true',
      )
      .toBe(true);
    if ((await dialog.count()) > 0) {
      await tabTo(page, '[data-testid="guidance-ready"]');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('ready-toggle').getAttribute('aria-pressed')).toBe('true');
    await focusKept(page, 'saying klaar');
  });

  it('lets the facilitator export the backup from the keyboard', async () => {
    const page = fac.page;
    await tabTo(page, '[data-testid="export-open"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('export-dialog').waitFor();
    await focusKept(page, 'opening the export dialog');
    await tabTo(page, '[data-testid="export-backup.json"]');
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.keyboard.press('Enter'),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    await expect.poll(() => page.getByTestId('export-status').getAttribute('data-status')).toBe('done');
    await focusKept(page, 'exporting');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => focusIs(page, '[data-testid="export-open"]')).toBe(true);
  });

  it('lets the facilitator close the workshop; the focus goes to "Heropenen"', async () => {
    const page = fac.page;
    await consoleTab('settings');
    await tabTo(page, '[data-testid="fac-close-workshop"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="confirm-ok"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusIs(page, '[data-testid="fac-reopen-workshop"]'), { timeout: 5000 }).toBe(true);
    await expect.poll(() => anna.page.getByTestId('workshop-closed').count()).toBe(1);
  });

  it('had no errors on either page', () => {
    expect(fac.errors).toEqual([]);
    expect(anna.errors).toEqual([]);
  });
});
