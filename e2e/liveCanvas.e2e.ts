import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../server/src/server';
import {
  hookPoint,
  newPerson,
  notesOf,
  screenshot,
  shotDifference,
  startServerAndBrowser,
  stopAll,
  thirdPartyRequests,
  waitForNotes,
  type Person,
} from './harness';

/**
 * The walking skeleton as two people use it: Anna creates a workshop and shares the link, Bram
 * joins; they write, see and move each other's notes live; a reload keeps everything; undo only
 * ever takes back your own work.
 */
describe('live two-sheet canvas', () => {
  let server: RunningServer;
  let browser: Browser;
  let anna: Person;
  let bram: Person;
  let joinLink = '';

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    anna = await newPerson(browser);
    bram = await newPerson(browser);
  });

  afterAll(() => stopAll(browser, server));

  it('creates a workshop from the home page and shows its join link', async () => {
    await anna.page.goto(server.url);
    await anna.page.getByTestId('create-title').fill('Learning analytics — verkenning');
    await anna.page.getByTestId('create-submit').click();
    joinLink = (await anna.page.getByTestId('join-link').textContent())?.trim() ?? '';
    expect(joinLink).toMatch(/\/j\/[A-Z2-9]{6}$/);
    expect(await anna.page.getByTestId('facilitator-link').textContent()).toMatch(
      /\/f\/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{22,}/,
    );
    await anna.page.getByTestId('open-board').click();
    await anna.page.waitForURL(/\/w\//);
    await expect
      .poll(() => anna.page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected');
  });

  it('explains a mistyped code before asking the server, on the home page and on a join link', async () => {
    const code = joinLink.slice(-6);
    await bram.page.goto(server.url);
    await bram.page.getByTestId('join-code-input').fill(code.slice(0, 5));
    await bram.page.getByTestId('join-code-input').press('Enter');
    expect(await bram.page.getByTestId('join-code-problem').textContent()).toContain('zes tekens; dit zijn er 5');
    expect(new URL(bram.page.url()).pathname).toBe('/');
    await bram.page.goto(`${server.url}/j/${code.slice(0, 5)}0`);
    expect(await bram.page.getByTestId('join-code-problem').textContent()).toContain('komen in een code niet voor: 0');
    // Typing it right from there goes on to the workshop.
    await bram.page.getByTestId('join-code-input').fill(code.toLowerCase());
    await bram.page.getByTestId('join-code-input').press('Enter');
    await bram.page.getByTestId('join-name').waitFor();
  });

  it('lets a second person join with the link and a name', async () => {
    await bram.page.goto(joinLink);
    await bram.page.getByTestId('join-name').fill('Bram');
    await bram.page.getByTestId('join-submit').click();
    await bram.page.waitForURL(/\/w\//);
    await expect
      .poll(() => bram.page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected');
    // Each sees the other in the presence list.
    await expect.poll(() => anna.page.getByTestId('presence').textContent(), { timeout: 10_000 }).toContain('Bram');
  });

  it("shows a note Anna adds and types on Bram's screen", async () => {
    await anna.page.getByTestId('add-note').click();
    const editor = anna.page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.pressSequentially('Studentbegeleiding verbeteren');
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
    const notes = await waitForNotes(
      bram.page,
      (ns) => ns.some((n) => n.text === 'Studentbegeleiding verbeteren'),
      "Anna's note on Bram's screen",
    );
    expect(notes).toHaveLength(1);
    // Bram can read it without the canvas, in the list view.
    await bram.page.getByTestId('list-view-toggle').click();
    const id = notes[0]?.id ?? '';
    await expect
      .poll(() => bram.page.getByTestId(`list-note-${id}`).textContent())
      .toContain('Studentbegeleiding verbeteren');
    await bram.page.getByTestId('list-view-toggle').click();
  });

  it("lets Bram move Anna's note to another field, and Anna sees it move", async () => {
    const [note] = await notesOf(bram.page);
    if (!note) throw new Error('no note');
    const from = await hookPoint(bram.page, `window.__DMC__.noteClientCenter(${JSON.stringify(note.id)})`);
    const to = await hookPoint(bram.page, `window.__DMC__.fieldClientPoint('doelgroep', 0.5, 0.7)`);
    await bram.page.mouse.move(from.x, from.y);
    await bram.page.mouse.down();
    await bram.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await bram.page.mouse.move(to.x, to.y, { steps: 8 });
    await bram.page.mouse.up();
    const seen = await waitForNotes(anna.page, (ns) => ns[0]?.fieldId === 'doelgroep', "the move on Anna's screen");
    expect(seen[0]?.fieldId).toBe('doelgroep');
    expect(seen[0]?.x).not.toBe(note.x);
  });

  it('pans and zooms the sheet: what the canvas shows during the gesture is what it draws once it rests', async () => {
    const page = bram.page;
    const canvas = page.locator('.canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    const viewportOf = () =>
      page.evaluate(() =>
        (window as unknown as { __DMC__: { viewport(): { x: number; y: number; scale: number } } }).__DMC__.viewport(),
      );
    const shifted = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLCanvasElement>('.canvas canvas')].some((c) => c.style.transform !== ''),
      );
    const atRest = async () => {
      await expect.poll(shifted).toBe(false);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    };
    // Empty space left of the sheet; a click there first clears the selection (and its toolbar).
    const start = { x: box.x + 6, y: box.y + box.height / 2 };
    await page.mouse.click(start.x, start.y);
    const before = await viewportOf();
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 10 * i, start.y + 4 * i);
    const during = await canvas.screenshot();
    await page.mouse.up();
    await atRest();
    const after = await viewportOf();
    expect({ dx: after.x - before.x, dy: after.y - before.y, scale: after.scale }).toEqual({
      dx: 100,
      dy: 40,
      scale: before.scale,
    });
    const rest = await canvas.screenshot();
    // The band the drag uncovered (left and top) may still be empty during the gesture.
    const covered = { x: 104, y: 44, width: Math.floor(box.width) - 108, height: Math.floor(box.height) - 48 };
    expect(await shotDifference(page, during, rest, covered)).toBeLessThan(0.002);

    // Six notches of the wheel zoom in around the pointer: enlarged (softer) during, sharp after.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -60);
    const zooming = await canvas.screenshot();
    await atRest();
    expect((await viewportOf()).scale).toBeGreaterThan(1.5 * before.scale);
    const zoomed = await canvas.screenshot();
    const all = { x: 4, y: 4, width: Math.floor(box.width) - 8, height: Math.floor(box.height) - 8 };
    expect(await shotDifference(page, zooming, zoomed, all)).toBeLessThan(0.02);
    await page.getByTestId('zoom-fit').click();
  });

  it('keeps everything after a reload', async () => {
    const before = await notesOf(anna.page);
    await anna.page.reload();
    await expect
      .poll(() => anna.page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected');
    const after = await waitForNotes(anna.page, (ns) => ns.length === before.length, 'the notes after reload');
    expect(after).toEqual(before);
  });

  it("undoes only Anna's own edit, never Bram's note", async () => {
    // Anna adds a note of her own after the reload; Bram adds one too.
    await anna.page.keyboard.press('Escape');
    await anna.page.keyboard.press('n');
    const editor = anna.page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.pressSequentially('Tijdelijk');
    await editor.press('Enter');
    await bram.page.getByTestId('add-note').click();
    const bramEditor = bram.page.getByTestId('note-editor');
    await bramEditor.waitFor();
    await bramEditor.pressSequentially('Van Bram');
    await bramEditor.press('Enter');
    await waitForNotes(
      anna.page,
      (ns) => ns.some((n) => n.text === 'Van Bram') && ns.some((n) => n.text === 'Tijdelijk'),
      'both new notes for Anna',
    );

    // Undo everything Anna did since the reload (the button disables itself when nothing is left).
    const undo = anna.page.getByTestId('undo');
    for (let i = 0; i < 4 && (await undo.isEnabled()); i++) await undo.click();
    await expect.poll(() => undo.isEnabled()).toBe(false);
    const annaNotes = await waitForNotes(
      anna.page,
      (ns) => !ns.some((n) => n.text === 'Tijdelijk'),
      "Anna's note to be undone",
    );
    expect(annaNotes.map((n) => n.text).sort()).toEqual(['Studentbegeleiding verbeteren', 'Van Bram']);
    const bramNotes = await waitForNotes(
      bram.page,
      (ns) => !ns.some((n) => n.text === 'Tijdelijk'),
      "the undo on Bram's screen",
    );
    expect(bramNotes.map((n) => n.text).sort()).toEqual(['Studentbegeleiding verbeteren', 'Van Bram']);
  });

  it('made no request to any third party and logged no errors', async () => {
    await screenshot(anna.page, 'board');
    expect(thirdPartyRequests(anna.requests, server.url)).toEqual([]);
    expect(thirdPartyRequests(bram.requests, server.url)).toEqual([]);
    expect(anna.errors).toEqual([]);
    expect(bram.errors).toEqual([]);
  });
});
