import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { addNote } from '@dmc/shared/doc/board';
import { updateFlow } from '@dmc/shared/doc/session';
import type { Mark } from '@dmc/shared/domain/discussion';
import type { PhaseId } from '@dmc/shared/domain/phases';
import type { CreateWorkshopResponse, SessionResponse } from '@dmc/shared/protocol/api';
import { connectBoard, placeInGroups, seedWorkshop, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  openWorkshopAs,
  screenshot,
  startServerAndBrowser,
  stopAll,
  thirdPartyRequests,
  until,
  waitForNotes,
  waitForPhase,
  type Person,
} from './harness';

/**
 * The layout at common laptop sizes (1280×800 and 1024×768): the floating note toolbar stays
 * wholly inside the canvas next to a note at any edge of a field, and its "Eens" can be clicked;
 * every command of the board's toolbar is on screen for the facilitator; the people on the
 * board are shown by full names or by avatars, never as one or two letters; the phase notice
 * leaves the sheet's title free and closes with Escape; the facilitator's drawer keeps one width.
 */
describe('layout at laptop sizes', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: CreateWorkshopResponse;
  let anna: SessionResponse;
  let annaP: Person;
  let facP: Person;
  let control: BoardClient;
  let board: BoardClient;
  const GROUP = 'g1';
  const SIZES = [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ] as const;

  type Hook = { marks(): Mark[]; noteClientCenter(id: string): { x: number; y: number } | null };
  const marks = (page: Page) => page.evaluate(() => (window as unknown as { __DMC__: Hook }).__DMC__.marks());
  const noteCentre = async (page: Page, id: string) => {
    const centre = await page.evaluate(
      (noteId) => (window as unknown as { __DMC__: Hook }).__DMC__.noteClientCenter(noteId),
      id,
    );
    if (!centre) throw new Error(`${id} is not on screen`);
    return centre;
  };
  /**
   * Selects a note by clicking its centre once the canvas has settled (after a resize it refits
   * the sheet over a few frames; under load a click on the old position would miss the note).
   */
  const selectNote = async (page: Page, id: string) => {
    const toolbar = page.getByTestId('note-toolbar');
    for (let attempt = 0; attempt < 5; attempt++) {
      let centre = await noteCentre(page, id);
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(50);
        const now = await noteCentre(page, id);
        const still = Math.abs(now.x - centre.x) < 0.5 && Math.abs(now.y - centre.y) < 0.5;
        centre = now;
        if (still) break;
      }
      await page.mouse.click(centre.x, centre.y);
      const shown = await toolbar
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (shown && (await page.getByTestId(`mark-agree-${id}`).count()) > 0) return centre;
    }
    throw new Error(`could not select ${id}`);
  };
  const setPhase = async (phaseId: PhaseId) => {
    updateFlow(control.doc, { phaseId, phaseStartedAt: Date.now() });
    await waitForPhase([annaP, facP], phaseId);
  };

  /** The element's box, asserted to lie wholly inside `outer` (with a pixel of rounding). */
  const expectInside = (
    what: string,
    box: { x: number; y: number; width: number; height: number } | null,
    outer: { x: number; y: number; width: number; height: number },
  ) => {
    expect(box, `${what} has a box`).not.toBeNull();
    if (!box) return;
    const inside =
      box.x >= outer.x - 1 &&
      box.y >= outer.y - 1 &&
      box.x + box.width <= outer.x + outer.width + 1 &&
      box.y + box.height <= outer.y + outer.height + 1;
    expect(inside, `${what} ${JSON.stringify(box)} inside ${JSON.stringify(outer)}`).toBe(true);
  };

  /** Whether the element itself receives a click at its centre (nothing lies over it). */
  const onTop = (locator: Locator) =>
    locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && el.contains(hit);
    });

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    ({
      facilitator: fac,
      participants: [anna],
      sessionDoc: control,
    } = await seedWorkshop(server.url, 'Learning analytics — Hogeschool Lindenhaven, opleiding Verpleegkunde', [
      'Annemarie',
    ]));
    await placeInGroups(server, control, [{ id: GROUP, name: 'Tafel A', members: [anna] }]);
    annaP = await newPerson(browser, { viewport: SIZES[0] });
    facP = await newPerson(browser, { viewport: { width: 1024, height: 768 } });
    await openWorkshopAs(server.url, annaP, anna);
    await openWorkshopAs(server.url, facP, fac);
    await setPhase('vel1-write');
    await until(
      async () => (await annaP.page.getByTestId('board-chip').getAttribute('data-board-id')) === GROUP,
      'Anna on her subgroup’s board',
    );
    await setPhase('vel1-discuss');
    board = connectBoard(server.url, anna, GROUP);
    await board.synced();
    const note = (id: string, fieldId: string, x: number, y: number, text: string) =>
      addNote(board.doc, { id, sheetId: 'vel1', fieldId, x, y, color: 'yellow', text, authorId: anna.participant.id });
    // At the edges of the fields: DOEL's left edge (the sheet's left), DOELGROEP's right edge
    // (the sheet's right), just under a field's heading, and the bottom-right corner.
    note('edge-left', 'doel', 34, 210, 'Studiesucces verhogen');
    note('edge-right', 'doelgroep', 1159 - 64 - 4, 210, 'Studieadviseurs');
    note('edge-top', 'doel', 300, 124, 'Uitval eerder signaleren');
    note('edge-bottom', 'kansen-risicos', 1159 - 64 - 4, 811 - 64 - 4, 'Privacy');
    await waitForNotes(annaP.page, (ns) => ns.length === 4, 'the four notes on Anna’s screen');
  });

  afterAll(() => stopAll(browser, server, [board, control]));

  it('shows the phase notice as a closable toast away from the sheet title; Escape closes it', async () => {
    // A fresh phase change, so the notice has its full time.
    await setPhase('vel1-write');
    await setPhase('vel1-discuss');
    const page = annaP.page;
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('phase.changed');
    await notice.waitFor();
    expect(await notice.getAttribute('data-notice')).toBe('phase.changed');
    // A live region announces it.
    expect(await page.locator('[aria-live="polite"]:has([data-testid="notice"])').count()).toBe(1);
    const box = await notice.boundingBox();
    const canvas = await page.locator('.canvas').boundingBox();
    if (!box || !canvas) throw new Error('no notice or canvas');
    // In the bottom-left corner of the board, clear of the top where the sheet title and the headings are.
    expect(box.y).toBeGreaterThan(canvas.y + canvas.height / 2);
    expect(box.x).toBeLessThan(canvas.x + canvas.width / 2);
    expectInside('the notice', box, canvas);
    await screenshot(page, 'layout-notice');
    await expect.poll(() => page.getByTestId('notice-close').isVisible()).toBe(true);
    await page.getByTestId('notice-close').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => notice.count()).toBe(0);
  });

  for (const size of SIZES) {
    it(`keeps the note toolbar inside the canvas at ${size.width}×${size.height}, with "Eens" clickable`, async () => {
      const page = annaP.page;
      await page.setViewportSize(size);
      // The discussion phase opens on DOEL, zoomed in to read; these notes lie at the edges of the whole sheet.
      await page.getByTestId('zoom-fit').click();
      const value = size.width === 1280 ? 'agree' : 'disagree';
      for (const id of ['edge-left', 'edge-right', 'edge-top', 'edge-bottom']) {
        const centre = await selectNote(page, id);
        const toolbar = page.getByTestId('note-toolbar');
        const mark = page.getByTestId(`mark-${value}-${id}`);
        await mark.waitFor();
        const box = await toolbar.boundingBox();
        const canvas = await page.locator('.canvas').boundingBox();
        if (!canvas) throw new Error('no canvas');
        expectInside(`the toolbar of ${id}`, box, canvas);
        expectInside(`the toolbar of ${id}`, box, { x: 0, y: 0, ...size });
        // Never over the note itself.
        if (box) {
          const overNote =
            centre.x >= box.x && centre.x <= box.x + box.width && centre.y >= box.y && centre.y <= box.y + box.height;
          expect(overNote, `the toolbar of ${id} covers the note`).toBe(false);
        }
        expectInside(`"${value}" on ${id}`, await mark.boundingBox(), { x: 0, y: 0, ...size });
        expect(await onTop(mark)).toBe(true);
        // Every button of the toolbar (colours, edit, delete too) is inside the canvas.
        const buttons = toolbar.locator('button');
        for (let i = 0; i < (await buttons.count()); i++)
          expectInside(`button ${i} of ${id}`, await buttons.nth(i).boundingBox(), canvas);
        if (id === 'edge-left') await screenshot(page, `layout-note-toolbar-${size.width}`);
        await mark.click();
        await expect
          .poll(
            async () =>
              (await marks(page)).find((m) => m.noteId === id && m.participantId === anna.participant.id)?.value,
            { timeout: 5_000 },
          )
          .toBe(value);
        await page.keyboard.press('Escape');
        await expect.poll(() => toolbar.count()).toBe(0);
      }
    });
  }

  for (const size of SIZES) {
    it(`keeps every command of the facilitator's board toolbar on screen at ${size.width}×${size.height}`, async () => {
      const page = facP.page;
      await page.setViewportSize(size);
      await page.getByTestId('zoom-fit').waitFor();
      const required = [
        'undo',
        'redo',
        'zoom-out',
        'zoom-in',
        'zoom-fit',
        'deck-toggle',
        'sheet-info',
        'list-view-toggle',
        'export-open',
      ];
      const optional = ['add-note', 'field-panel-open', 'votes-left'];
      const present = [...required];
      for (const id of optional) if ((await page.getByTestId(id).count()) > 0) present.push(id);
      // Let the toolbar settle on its fit (it measures before paint, and again on resize).
      await page.waitForTimeout(100);
      for (const id of present) {
        const el = page.getByTestId(id);
        expect(await el.isVisible(), `${id} visible`).toBe(true);
        expectInside(id, await el.boundingBox(), { x: 0, y: 0, ...size });
        expect(await onTop(el), `${id} not covered`).toBe(true);
        // Still named for screen readers when it shows only its icon.
        expect(
          (await el.evaluate((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim())).length,
          `${id} has a name`,
        ).toBeGreaterThan(0);
      }
      await screenshot(page, `layout-fac-toolbar-${size.width}`);
      // And the commands work from there: the list view toggles.
      await page.getByTestId('list-view-toggle').click();
      await expect.poll(() => page.getByTestId('list-view-toggle').getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('list-view-toggle').click();
      await expect.poll(() => page.getByTestId('list-view-toggle').getAttribute('aria-pressed')).toBe('false');
    });
  }

  it('shows the people on the board by full name or as avatars, never cut to a letter or two', async () => {
    const page = annaP.page;
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const list = page.getByTestId('presence');
      await expect.poll(() => list.locator('li').count(), { timeout: 10_000 }).toBe(2);
      await page.waitForTimeout(100);
      const state = await list.evaluate((ul) => ({
        compact: ul.hasAttribute('data-compact'),
        names: Array.from(ul.querySelectorAll<HTMLElement>('.presence__name')).map((n) => ({
          text: n.textContent ?? '',
          clipped: n.scrollWidth > n.clientWidth + 1,
          atMax: n.clientWidth + 1 >= parseFloat(getComputedStyle(n).maxWidth),
        })),
      }));
      expect(state.names.map((n) => n.text).join(' ')).toContain('Annemarie');
      if (!state.compact) {
        for (const n of state.names)
          expect(!n.clipped || n.atMax, `${n.text} is cut short at ${size.width}`).toBe(true);
      } else {
        // Avatars only: the names show when the list has keyboard focus (:focus-visible, so the
        // last input must be the keyboard, as it is for someone tabbing there).
        await page.keyboard.press('Shift');
        await list.focus();
        await expect.poll(() => page.getByTestId('presence-popover').isVisible()).toBe(true);
        expect(await page.getByTestId('presence-popover').textContent()).toContain('Annemarie');
        await page.locator('.canvas').focus();
      }
    }
  });

  it('keeps the facilitator’s drawer one width on every tab, with tab labels on at most two lines', async () => {
    const page = facP.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    const toggle = page.locator('.fac-toggle');
    if ((await page.locator('#fac-drawer').count()) === 0) await toggle.click();
    const drawer = page.locator('#fac-drawer');
    await drawer.waitFor();
    const widths = new Set<number>();
    for (const tab of ['prepare', 'flow', 'people', 'overview', 'settings']) {
      await page.getByTestId(`fac-tab-${tab}`).click();
      await expect.poll(() => page.getByTestId(`fac-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
      widths.add(Math.round((await drawer.boundingBox())?.width ?? 0));
      const lines = await page.getByTestId(`fac-tab-${tab}`).evaluate((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      });
      expect(lines, `${tab} label lines`).toBeLessThanOrEqual(2);
      // Wholly shown, not clipped by the tab row.
      expect(
        await page
          .getByTestId(`fac-tab-${tab}`)
          .evaluate(
            (b) =>
              b.scrollHeight <= b.clientHeight + 1 &&
              b.parentElement!.scrollHeight <= b.parentElement!.clientHeight + 1,
          ),
      ).toBe(true);
    }
    expect([...widths]).toHaveLength(1);
    await page.getByTestId('fac-tab-people').click();
    await screenshot(page, 'layout-fac-people');
  });

  it('made no third-party requests and logged no errors', () => {
    for (const p of [annaP, facP]) {
      expect(thirdPartyRequests(p.requests, server.url)).toEqual([]);
      expect(p.errors).toEqual([]);
    }
  });
});
