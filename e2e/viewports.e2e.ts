import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { putGroup } from '@dmc/shared/doc/session';
import type { Note } from '@dmc/shared/domain/note';
import { SESSION_DOC, type CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { connectDoc, createWorkshop, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import { notesOf, openWorkshopAs, screenshot, startServerAndBrowser, stopAll, waitForNotes, waitLive } from './harness';

/**
 * Reflow and touch (WCAG 1.4.10, 2.5.5; issue 12): on a phone (375×667, touch), a tablet
 * (820×1180, touch) and a laptop at 200 % zoom (1280×800 at 200 % is a 640×400 CSS-pixel window)
 * no participant screen scrolls sideways, and a participant can do the whole task: join, read the
 * phase and its instruction, write a note, move it to another field in the list view, mark it,
 * vote on it and say "klaar". Narrow windows start in the list view; the tablet gets the canvas.
 */

interface Device {
  readonly name: string;
  readonly options: BrowserContextOptions;
  /** Narrower than 700 CSS px: the list view is the default. */
  readonly listFirst: boolean;
}

const DEVICES: readonly Device[] = [
  {
    name: 'phone',
    options: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    listFirst: true,
  },
  {
    name: 'tablet',
    options: { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true },
    listFirst: false,
  },
  { name: 'zoom-200', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, listFirst: true },
];

/** Whether the page scrolls sideways (the document is wider than the window). */
async function horizontalOverflow(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
}

async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const { scroll, client } = await horizontalOverflow(page);
  expect(scroll, `${screen}: the page is ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(client);
}

/** Controls on screen smaller than 44×44 CSS px (links in running text excepted). */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${selector} :is(button, select, input, [role="tab"])`)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.closest('.visually-hidden')) continue;
      const input = el instanceof HTMLInputElement ? el : null;
      // A checkbox or radio counts with its label (the label is the target).
      const target = input && (input.type === 'checkbox' || input.type === 'radio') ? el.closest('label') : el;
      const b = (target ?? el).getBoundingClientRect();
      if (b.height < 44 || b.width < 44)
        out.push(
          `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.className}] ${Math.round(b.width)}×${Math.round(b.height)}`,
        );
    }
    return out;
  }, scope);
}

describe('every screen from a phone up (reflow, touch)', () => {
  let server: RunningServer;
  let browser: Browser;
  let facilitator: CreateWorkshopResponse;
  let control: BoardClient;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    facilitator = await createWorkshop(server.url, 'Learning analytics bij de opleiding Verpleegkunde');
    control = connectDoc(server.url, facilitator, SESSION_DOC);
    await control.synced();
  });

  afterAll(() => stopAll(browser, server, [control]));

  it('the home page does not scroll sideways at 320 px', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('create-title').waitFor();
    await expectNoSidewaysScroll(page, 'home page at 320 px');
    await page.goto(`${server.url}/j/${facilitator.workshop.code}`);
    await page.getByTestId('join-name').waitFor();
    await expectNoSidewaysScroll(page, 'join page at 320 px');
    await context.close();
  });

  for (const device of DEVICES) {
    it(`${device.name}: a participant joins and does the whole task`, async () => {
      const context = await browser.newContext({ ...device.options, locale: 'nl-NL' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(server.url);
      await page.getByTestId('create-title').waitFor();
      await expectNoSidewaysScroll(page, `${device.name}: home page`);

      // Join with the code, as a person with the link would.
      await page.goto(`${server.url}/j/${facilitator.workshop.code}`);
      await expectNoSidewaysScroll(page, `${device.name}: join page`);
      await page.getByTestId('join-name').fill(`Deelnemer ${device.name}`);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('phase-banner').waitFor({ timeout: 10_000 });
      await waitLive(page);

      // The phase and its instruction are on screen, and the list view is the default on narrow screens.
      await expect.poll(() => page.getByTestId('phase-label').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('phase-instruction').isVisible()).toBe(true);
      const listOn = () => page.getByTestId('list-view-toggle').getAttribute('aria-pressed');
      await expect.poll(listOn).toBe(device.listFirst ? 'true' : 'false');
      await expectNoSidewaysScroll(page, `${device.name}: board`);
      if (!device.listFirst) {
        await expect.poll(() => page.locator('.canvas').isVisible()).toBe(true);
        await screenshot(page, `viewport-${device.name}-canvas`);
        await page.getByTestId('list-view-toggle').click();
        await expect.poll(listOn).toBe('true');
      }

      // Write a note in "Doel".
      const before = (await notesOf(page)).length;
      await page.getByTestId('list-add-doel').click();
      await page.keyboard.type(`Inzicht in studievoortgang (${device.name})`);
      const [note] = (
        await waitForNotes(
          page,
          (ns) => ns.length === before + 1 && ns.some((n) => n.text.includes(device.name)),
          'the new note',
        )
      ).filter((n) => n.text.includes(device.name)) as [Note];
      expect(note.fieldId).toBe('doel');
      await expectNoSidewaysScroll(page, `${device.name}: list view with a note`);

      // Move it to "Doelgroep" with the list view's own control.
      await page.getByTestId(`list-more-${note.id}`).click();
      await page.getByTestId(`list-move-${note.id}`).selectOption('doelgroep');
      await waitForNotes(
        page,
        (ns) => ns.find((n) => n.id === note.id)?.fieldId === 'doelgroep',
        'the note moved to Doelgroep',
      );

      // Mark it and give it a dot.
      const mark = page.getByTestId(`mark-agree-${note.id}`);
      if (!(await mark.isVisible())) await page.getByTestId(`list-more-${note.id}`).click();
      await mark.click();
      await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId(`vote-add-${note.id}`).click();
      await expect.poll(() => page.getByTestId(`vote-count-${note.id}`).textContent()).toContain('1');
      await expectNoSidewaysScroll(page, `${device.name}: list view with marks and votes`);
      if (device.name === 'phone') await screenshot(page, 'viewport-phone-list');

      // Touch targets on the narrow screens are at least 44×44 CSS px.
      if (device.name === 'phone') expect(await smallTargets(page, '.board-screen')).toEqual([]);

      // Say "klaar".
      const ready = page.getByTestId('ready-toggle');
      await ready.scrollIntoViewIfNeeded();
      await ready.click();
      await expect.poll(() => ready.getAttribute('aria-pressed')).toBe('true');
      await expectNoSidewaysScroll(page, `${device.name}: after saying klaar`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('at 200 % zoom the facilitator\'s "Je kijkt naar" leaves "Hele instructie tonen" free', async () => {
    putGroup(control.doc, { id: 'tafel-a', name: 'Tafel A', color: '#1d4ed8', order: 0 });
    putGroup(control.doc, { id: 'tafel-b', name: 'Tafel B', color: '#b42318', order: 1 });
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await openWorkshopAs(server.url, { context, page, requests: [], errors: [] }, facilitator);
    await waitLive(page);
    await page.getByTestId('board-chip-select').waitFor();
    const toggle = page.locator('.phase-banner__toggle');
    await toggle.scrollIntoViewIfNeeded();
    // The toggle's centre is the toggle itself, not a select drawn over it.
    const onTop = await toggle.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit === el || el.contains(hit);
    });
    expect(onTop).toBe(true);
    await expectNoSidewaysScroll(page, 'facilitator board at 200 %');
    await context.close();
  });

  it('the facilitator console stays usable on a tablet', async () => {
    const context = await browser.newContext({
      viewport: { width: 820, height: 1180 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await openWorkshopAs(server.url, { context, page, requests: [], errors: [] }, facilitator);
    await waitLive(page);
    const drawerToggle = page.getByTestId('fac-toggle');
    await drawerToggle.waitFor();
    if ((await drawerToggle.getAttribute('aria-expanded')) !== 'true') await drawerToggle.click();
    const drawer = page.locator('.fac-drawer');
    await drawer.waitFor();
    const box = await drawer.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 820).toBe(true);
    await expectNoSidewaysScroll(page, 'facilitator console on a tablet');
    await screenshot(page, 'viewport-tablet-console');
    await context.close();
  });
});
