import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addNote } from '@dmc/shared/doc/board';
import { placeVote, setMark } from '@dmc/shared/doc/discussion';
import { updateFlow } from '@dmc/shared/doc/session';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { connectBoard, placeInGroups, seedWorkshop, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  hookPoint,
  newPerson,
  openWorkshopAs,
  screenshot,
  startServerAndBrowser,
  stopAll,
  thirdPartyRequests,
  waitForNotes,
  waitForPhase,
  type Person,
} from './harness';

/**
 * Notes readable from one's chair (issue 11, bug 3) on a 1280×800 laptop: a participant who opens
 * a writing phase sees the phase's first field with every note's text and counters at least 11 px
 * high, not the whole sheet; a double-click on a field's title, the keys F, [ and ], and the zoom
 * menu's list of fields each zoom to a field, centred; "Passend" (0) shows the whole sheet again.
 */
describe('readable notes at the default zoom', () => {
  let server: RunningServer;
  let browser: Browser;
  let anna: SessionResponse;
  let annaP: Person;
  let control: BoardClient;
  let board: BoardClient;
  const GROUP = 'g1';
  const READABLE = 11;
  const vel1 = discussiemodelTemplate.sheets[0];

  type Viewport = { x: number; y: number; scale: number };
  type Hook = {
    viewport(): Viewport;
    canvasTextPx(id: string): number | null;
    fieldClientCenter(id: string): { x: number; y: number } | null;
    noteClientCenter(id: string): { x: number; y: number } | null;
  };
  const hook = <T>(page: Page, fn: (h: Hook) => T): Promise<T> =>
    page.evaluate(`(${fn.toString()})(window.__DMC__)`) as Promise<T>;
  const viewport = (page: Page) => hook(page, (h) => h.viewport());
  const textPx = (page: Page, id: string) =>
    page.evaluate((nodeId) => (window as unknown as { __DMC__: Hook }).__DMC__.canvasTextPx(nodeId), id);
  const setPhase = async (phaseId: PhaseId) => {
    updateFlow(control.doc, { phaseId, phaseStartedAt: Date.now() });
    await waitForPhase([annaP], phaseId);
  };

  /** The canvas's box on the page. */
  const canvasBox = async (page: Page) => {
    const box = await page.locator('.canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    return box;
  };
  /** Waits until the view shows a field centred (the zoom differs from `before`), and returns the view. */
  const expectFieldCentred = async (page: Page, fieldId: string, before: Viewport) => {
    const moved = async () => {
      const vp = await viewport(page);
      return vp.scale !== before.scale || vp.x !== before.x || vp.y !== before.y;
    };
    await expect.poll(moved).toBe(true);
    const box = await canvasBox(page);
    const field = await page.evaluate(
      (id) => (window as unknown as { __DMC__: Hook }).__DMC__.fieldClientCenter(id),
      fieldId,
    );
    if (!field) throw new Error(`${fieldId} is not on this sheet`);
    expect(Math.abs(field.x - (box.x + box.width / 2)), `${fieldId} centred horizontally`).toBeLessThan(2);
    expect(Math.abs(field.y - (box.y + box.height / 2)), `${fieldId} centred vertically`).toBeLessThan(2);
    return viewport(page);
  };

  const LONG =
    'Studentbegeleiding: in de eerste tien weken zien studieadviseurs welke eerstejaars vastlopen, zodat ze eerder contact zoeken en uitval voorkomen.';

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    ({
      participants: [anna],
      sessionDoc: control,
    } = await seedWorkshop(server.url, 'Learning analytics — leesbaarheid', ['Anna']));
    await placeInGroups(server, control, [{ id: GROUP, name: 'Tafel A', members: [anna] }]);
    // Notes from before the phase (the open canvas), with marks and a dot, on the group's board.
    board = connectBoard(server.url, anna, GROUP);
    await board.synced();
    const note = (id: string, fieldId: string, x: number, y: number, text: string) =>
      addNote(board.doc, { id, sheetId: 'vel1', fieldId, x, y, color: 'yellow', text, authorId: anna.participant.id });
    note('short', 'doel', 60, 240, 'Uitval eerder signaleren');
    note('long', 'doel', 150, 240, LONG);
    note('middle', 'doel', 240, 240, 'Studiesucces van eerstejaars verhogen met tijdige feedback');
    note('other', 'doelgroep', 700, 240, 'Studieadviseurs');
    setMark(board.doc, 'short', anna.participant.id, 'agree');
    setMark(board.doc, 'middle', anna.participant.id, 'open');
    placeVote(board.doc, 'short', anna.participant.id, 0);
    annaP = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    await openWorkshopAs(server.url, annaP, anna);
    await waitForNotes(annaP.page, (ns) => ns.length === 4, 'the four notes on Anna’s screen');
  });

  afterAll(() => stopAll(browser, server, [board, control]));

  it('opens a writing phase on its first field, every note and counter at least 11 px', async () => {
    const page = annaP.page;
    const before = await viewport(page);
    await setPhase('vel1-write');
    const vp = await expectFieldCentred(page, 'doel', before);
    expect(vp.scale).toBeGreaterThan(before.scale);
    for (const id of ['short', 'long', 'middle']) {
      const px = await textPx(page, `note-${id}`);
      expect(px, `the text of ${id}`).not.toBe(null);
      expect(px ?? 0, `the text of ${id}`).toBeGreaterThanOrEqual(READABLE);
    }
    for (const badge of ['badge-short-agree', 'badge-short-votes', 'badge-middle-open']) {
      await expect.poll(() => textPx(page, badge), { timeout: 5_000 }).not.toBe(null);
      expect((await textPx(page, badge)) ?? 0, badge).toBeGreaterThanOrEqual(READABLE);
    }
    // Close the phase notice so the screenshot shows the notes.
    const notice = page.getByTestId('notice');
    if ((await notice.count()) > 0) await page.getByTestId('notice-close').click();
    await screenshot(page, 'notes-default-zoom');
  });

  it('shows the whole sheet again with "Passend" (0), where the text is too small to read', async () => {
    const page = annaP.page;
    await page.locator('.canvas').focus();
    await page.keyboard.press('0');
    await expect.poll(async () => (await viewport(page)).scale).toBeLessThan(1);
    // What the issue found: at "fit sheet" note text is a few pixels high.
    expect((await textPx(page, 'note-long')) ?? 0).toBeLessThan(READABLE);
  });

  it('zooms to a field by a double-click on its title', async () => {
    const page = annaP.page;
    const before = await viewport(page);
    const title = await hookPoint(page, "window.__DMC__.fieldClientPoint('doelgroep', 0.3, 0.05)");
    await page.mouse.dblclick(title.x, title.y);
    const vp = await expectFieldCentred(page, 'doelgroep', before);
    expect(vp.scale).toBeGreaterThan(before.scale);
    expect((await textPx(page, 'note-other')) ?? 0).toBeGreaterThanOrEqual(READABLE);
    // Below the title a double-click still adds a note.
    const free = await hookPoint(page, "window.__DMC__.fieldClientPoint('doelgroep', 0.6, 0.8)");
    await page.mouse.dblclick(free.x, free.y);
    await page.getByTestId('note-editor').waitFor();
    expect((await viewport(page)).scale).toBe(vp.scale);
    await page.keyboard.press('Escape');
    await page.getByTestId('note-editor').waitFor({ state: 'detached' });
  });

  it('steps to the next and previous field with ] and [, and to the selected note’s field with F', async () => {
    const page = annaP.page;
    await page.locator('.canvas').focus();
    let before = await viewport(page);
    await page.keyboard.press(']');
    before = await expectFieldCentred(page, 'kansen-risicos', before);
    await page.keyboard.press('[');
    await expectFieldCentred(page, 'doelgroep', before);
    // From the whole sheet, F zooms to the field of the selected note.
    await page.keyboard.press('0');
    await expect.poll(async () => (await viewport(page)).scale).toBeLessThan(1);
    before = await viewport(page);
    const long = await hookPoint(page, "window.__DMC__.noteClientCenter('long')");
    await page.mouse.click(long.x, long.y);
    await page.keyboard.press('f');
    await expectFieldCentred(page, 'doel', before);
    await page.keyboard.press('Escape');
  });

  it('zooms to a field from the zoom menu’s list of fields, and back to the whole sheet', async () => {
    const page = annaP.page;
    const before = await viewport(page);
    await page.getByTestId('zoom-menu').click();
    const list = page.getByTestId('zoom-menu-list');
    await list.waitFor();
    // One entry per field of the sheet on screen, and "Passend".
    expect(await list.locator('button').count()).toBe((vel1?.fields.length ?? 0) + 1);
    expect(await page.getByTestId('zoom-field-concrete-vragen').textContent()).toContain('Zoom naar CONCRETE VRAGEN');
    await page.getByTestId('zoom-field-concrete-vragen').click();
    await expect.poll(() => list.count()).toBe(0);
    await expectFieldCentred(page, 'concrete-vragen', before);
    await page.getByTestId('zoom-menu').click();
    await page.getByTestId('zoom-menu-fit').click();
    await expect.poll(async () => (await viewport(page)).scale).toBeLessThan(1);
  });

  it('made no request to any third party and logged no errors', () => {
    expect(thirdPartyRequests(annaP.requests, server.url)).toEqual([]);
    expect(annaP.errors).toEqual([]);
  });
});
