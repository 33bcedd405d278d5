import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { compactText, extractPdfText } from '@dmc/shared/server/pdf/pdfText.testing';
import type { WorkshopExport } from '@dmc/shared/export/model';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { studiedataDeck } from '@dmc/shared/template/studiedataDeck';
import type { RunningServer } from '../server/src/server';
import { isPng, readPngSize } from '../client/src/exports/png';
import {
  hookPoint,
  newPerson,
  screenshot,
  startServerAndBrowser,
  stopAll,
  storedSession,
  thirdPartyRequests,
  waitForNotes,
  waitLive,
  workshopIdOf,
  type Person,
} from './harness';

/**
 * What the team takes home, as a facilitator gets it: the demo workshop opened from the home
 * page, the report PDF downloaded from the export dialog (the same document the server makes),
 * a sheet as a high-resolution picture, the backup — read back in on the home page as a new
 * workshop with identical content — and an inspiration card dragged onto the canvas of a new
 * workshop, or added from the keyboard.
 */

/** Clicks a download in the export dialog and returns the file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testId).click(),
  ]);
  const path = await file.path();
  await expect.poll(() => page.getByTestId('export-status').getAttribute('data-status')).toBe('done');
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

/** An export from the endpoint itself, as a program would fetch it. */
async function fromServer(baseUrl: string, session: SessionResponse, format: string): Promise<Uint8Array> {
  const res = await fetch(`${baseUrl}/api/workshops/${session.workshop.id}/export/${format}?lang=nl`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** Everything a backup holds except what belongs to the copy itself (its id, export time, importer). */
function content(exp: WorkshopExport, leaveOut: ReadonlySet<string> = new Set()) {
  return {
    title: exp.workshop.title,
    institution: exp.workshop.institution,
    date: exp.workshop.date,
    language: exp.workshop.language,
    participants: exp.participants.filter((p) => !leaveOut.has(p.id)).sort((a, b) => a.id.localeCompare(b.id)),
    groups: exp.groups,
    boards: [...exp.boards]
      .sort((a, b) => a.boardId.localeCompare(b.boardId))
      .map((b) => ({ ...b, notes: [...b.notes].sort((x, y) => x.id.localeCompare(y.id)) })),
    synthesis: exp.synthesis,
    actions: exp.actions,
  };
}

describe('exports, backup import, demo and the inspiration deck', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let demo: SessionResponse;
  let backupFile = '';
  let backup: WorkshopExport;
  /** The demo's subgroups, from the server's own backup. */
  let groupIds: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1400, height: 900 } });
  });

  afterAll(() => stopAll(browser, server));

  it('opens the demo workshop from the home page, filled and in the synthesis phase', async () => {
    const { page } = fac;
    await page.goto(server.url);
    await page.getByTestId('demo-open').click();
    await page.waitForURL(/\/w\//);
    await waitLive(page);
    demo = await storedSession(page, workshopIdOf(page));
    expect(demo.participant.role).toBe('facilitator');
    expect(server.workflow.state(demo.workshop.id)?.phaseId).toBe('synthesis');
  });

  it('downloads the report PDF: the same pages as the server makes, with the title and the notes', async () => {
    const { page } = fac;
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-dialog').waitFor();
    await screenshot(page, 'export-dialog');
    const report = await download(page, 'export-report.pdf');
    expect(report.name).toMatch(/-verslag\.pdf$/);
    const pdf = await PDFDocument.load(report.bytes);
    const direct = await PDFDocument.load(await fromServer(server.url, demo, 'report.pdf'));
    expect(pdf.getPageCount()).toBe(direct.getPageCount());
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(8);

    const text = compactText((await extractPdfText(new Uint8Array(report.bytes))).join(' '));
    expect(text).toContain(compactText(demo.workshop.title));
    const exp = JSON.parse(
      new TextDecoder().decode(await fromServer(server.url, demo, 'backup.json')),
    ) as WorkshopExport;
    groupIds = exp.groups.map((g) => g.id);
    const someNotes = exp.boards
      .filter((b) => b.boardId !== 'plenary')
      .map((b) => b.notes.find((n) => n.text.length > 20 && n.text.length < 80));
    expect(someNotes.length).toBeGreaterThanOrEqual(3);
    for (const note of someNotes) expect(text).toContain(compactText(note?.text ?? '—missing—'));
  });

  it('draws a filled sheet as a PNG of over 4000 pixels wide', async () => {
    expect(groupIds.length).toBeGreaterThan(0);
    const png = await download(fac.page, `export-png-${groupIds[0]}-vel2`);
    expect(png.name).toMatch(/-vel-2\.png$/);
    const bytes = new Uint8Array(png.bytes);
    expect(isPng(bytes)).toBe(true);
    const size = readPngSize(bytes);
    expect(size?.width).toBeGreaterThanOrEqual(4000);
    // The sheet's proportions (A0 landscape, 1189 × 841).
    expect(Math.abs((size?.height ?? 0) / (size?.width ?? 1) - 841 / 1189)).toBeLessThan(0.01);
    // A filled sheet is far more than a blank page: the notes and texts make the file large.
    expect(png.bytes.length).toBeGreaterThan(200_000);
  });

  it('downloads the backup and reads it back in on the home page as a new workshop with the same content', async () => {
    const { page } = fac;
    const file = await download(page, 'export-backup.json');
    expect(file.name).toMatch(/-backup\.json$/);
    backupFile = `${fs.mkdtempSync('/tmp/dmc-e2e-')}/${file.name}`;
    fs.writeFileSync(backupFile, file.bytes);
    backup = JSON.parse(file.bytes.toString('utf8')) as WorkshopExport;
    expect(backup.boards.reduce((n, b) => n + b.notes.length, 0)).toBeGreaterThan(100);
    await page.keyboard.press('Escape');

    await page.goto(server.url);
    await page.getByTestId('import-file').setInputFiles(backupFile);
    await page.getByTestId('import-submit').click();
    await expect.poll(() => page.getByTestId('facilitator-link').isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'import-done');
    await page.getByTestId('open-board').click();
    await page.waitForURL(/\/w\//);
    await waitLive(page);
    const copyId = workshopIdOf(page);
    expect(copyId).not.toBe(demo.workshop.id);
    const copySession = await storedSession(page, copyId);

    const copy = JSON.parse(
      new TextDecoder().decode(await fromServer(server.url, copySession, 'backup.json')),
    ) as WorkshopExport;
    // The copy has one person more: whoever imported it, its facilitator.
    expect(copy.participants.map((p) => p.id)).toContain(copySession.participant.id);
    expect(copy.participants).toHaveLength(backup.participants.length + 1);
    expect(content(copy, new Set([copySession.participant.id]))).toEqual(content(backup));
  });

  it('explains a broken backup with the reasons the server gives', async () => {
    const { page } = fac;
    const broken = JSON.parse(fs.readFileSync(backupFile, 'utf8')) as { boards: { notes: { text: unknown }[] }[] };
    const board = broken.boards.find((b) => b.notes.length > 0);
    if (!board?.notes[0]) throw new Error('no note to break');
    board.notes[0].text = 42;
    const brokenFile = backupFile.replace(/\.json$/, '-broken.json');
    fs.writeFileSync(brokenFile, JSON.stringify(broken));
    await page.goto(server.url);
    await page.getByTestId('import-file').setInputFiles(brokenFile);
    await page.getByTestId('import-submit').click();
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/notes\[0\]\.text: moet tekst zijn, maar is een getal/);
    // The browser logs the refused upload (400) itself; that one is expected here.
    const refused = fac.errors.findIndex((e) => e.includes('status of 400'));
    expect(refused).toBeGreaterThanOrEqual(0);
    fac.errors.splice(refused, 1);
  });

  it('turns an inspiration card dragged onto the canvas of a new workshop into a note in the field under it', async () => {
    const { page } = fac;
    await page.goto(server.url);
    await page.getByTestId('create-title').fill('Inspiratie uit de kaarten');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('open-board').click();
    await page.waitForURL(/\/w\//);
    await waitLive(page);
    // A new workshop starts in the open phase: everyone may place notes.
    expect(server.workflow.state(workshopIdOf(page))?.phaseId).toBe('open');

    await page.getByTestId('deck-toggle').click();
    await page.getByTestId('deck-search').fill('xapi');
    await expect.poll(() => page.getByTestId('deck-count').getAttribute('data-count')).toBe('1');
    const card = studiedataDeck.find((c) => c.text.nl.includes('xAPI'));
    if (!card) throw new Error('no xAPI card');
    const canvas = page.locator('.canvas');
    const box = await canvas.boundingBox();
    const target = await hookPoint(page, "window.__DMC__.fieldClientPoint('doelgroep', 0.5, 0.6)");
    if (!box) throw new Error('no canvas');
    await page
      .getByTestId(`deck-card-${card.id}`)
      .dragTo(canvas, { targetPosition: { x: target.x - box.x, y: target.y - box.y } });
    const notes = await waitForNotes(
      page,
      (ns) => ns.some((n) => n.text === card.text.nl),
      'the dropped card as a note',
    );
    expect(notes.find((n) => n.text === card.text.nl)?.fieldId).toBe('doelgroep');

    // The keyboard way: choose a field, then "Als notitie toevoegen".
    await page.getByTestId('deck-search').fill('');
    await page.getByTestId('deck-target').selectOption('kansen-risicos');
    const other = studiedataDeck.find((c) => c.id === 'sd-29');
    if (!other) throw new Error('no card sd-29');
    await page.getByTestId(`deck-add-${other.id}`).focus();
    await page.keyboard.press('Enter');
    const after = await waitForNotes(
      page,
      (ns) => ns.some((n) => n.text === other.text.nl),
      'the card added from the keyboard',
    );
    expect(after.find((n) => n.text === other.text.nl)?.fieldId).toBe('kansen-risicos');
    await screenshot(page, 'inspiration-deck');
  });

  it('made no request to any third party and logged no errors', () => {
    expect(thirdPartyRequests(fac.requests, server.url)).toEqual([]);
    expect(fac.errors).toEqual([]);
  });
});
