import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { putDeferral } from '@dmc/shared/doc/discussion';
import { readActions, readClusters } from '@dmc/shared/doc/synthesis';
import type { ActionItem } from '@dmc/shared/domain/actionItems';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { suggestClusters } from '@dmc/shared/domain/synthesis/index';
import { studiedataDeck } from '@dmc/shared/template/studiedataDeck';
import { SYNTHESIS_DOC, type CreateWorkshopResponse, type SessionResponse } from '@dmc/shared/protocol/api';
import {
  connectBoard,
  connectDoc,
  placeInGroups,
  seedWorkshop,
  setPhaseOnServer,
  waitFor,
  type BoardClient,
} from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  openWorkshopAs,
  screenshot,
  startServerAndBrowser,
  stopAll,
  thirdPartyRequests,
  type Person,
} from './harness';

/**
 * The closing plenary as the handbook runs it: two subgroups wrote on their boards; in the
 * synthesis everyone sees both groups' notes side by side per field, a participant confirms the
 * tool's suggested cluster and the facilitator marks it common ground; in the follow-up actions a
 * note, a subgroup's draft action and an inspiration card become actions, an owner and a date are
 * set in the table, and the action list downloaded from the real export endpoint has them.
 */
describe('plenary synthesis and follow-up actions', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let anna: Person;
  let facilitator: CreateWorkshopResponse;
  let annaSession: SessionResponse;
  let cleoSession: SessionResponse;
  let sessionDoc: BoardClient;
  let synthesis: BoardClient;
  const open: BoardClient[] = [];
  const connect = (session: SessionResponse, docKey: string) => {
    const client = connectDoc(server.url, session, docKey);
    open.push(client);
    return client;
  };

  const TEXTS = {
    annaGoal: 'Studiesucces van eerstejaars verhogen',
    annaQuality: 'Kwaliteit van vakken verbeteren met Brightspace-data',
    cleoGoal: 'Eerstejaars studiesucces: uitval eerder zien',
    cleoData: 'Tussenresultaten staan in Excel bij de docenten',
    deferral: 'Mag de studieadviseur inloggegevens zien?',
  };

  const setPhase = (phaseId: PhaseId) => setPhaseOnServer(server, sessionDoc, phaseId);
  const hookSynthesis = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { __DMC__: { synthesis(): { actions: ActionItem[] } | null } }).__DMC__.synthesis(),
    );

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
  });

  afterAll(() => stopAll(browser, server, [...open]));

  it('prepares a workshop with two subgroups that wrote on their own boards', async () => {
    ({
      facilitator,
      participants: [annaSession, cleoSession],
      sessionDoc,
    } = await seedWorkshop(server.url, 'Plenaire synthese', ['Anna', 'Cleo']));
    open.push(sessionDoc);
    await placeInGroups(server, sessionDoc, [
      { id: 'tafel-a', name: 'Tafel A', members: [annaSession] },
      { id: 'tafel-b', name: 'Tafel B', members: [cleoSession] },
    ]);

    // Each writes on their own subgroup's board, as in the group phases (here: the open canvas).
    const annaBoard = connectBoard(server.url, annaSession, 'tafel-a');
    const cleoBoard = connectBoard(server.url, cleoSession, 'tafel-b');
    open.push(annaBoard, cleoBoard);
    await Promise.all([annaBoard.synced(), cleoBoard.synced()]);
    const note = (id: string, fieldId: string, text: string, authorId: string) => ({
      id,
      sheetId: fieldId === 'data' ? 'vel2' : 'vel1',
      fieldId,
      x: 60,
      y: 160,
      color: 'yellow' as const,
      text,
      authorId,
    });
    addNote(annaBoard.doc, note('a1', 'doel', TEXTS.annaGoal, annaSession.participant.id));
    addNote(annaBoard.doc, note('a2', 'doel', TEXTS.annaQuality, annaSession.participant.id));
    addNote(cleoBoard.doc, note('c1', 'doel', TEXTS.cleoGoal, cleoSession.participant.id));
    addNote(cleoBoard.doc, note('c2', 'data', TEXTS.cleoData, cleoSession.participant.id));
    putDeferral(cleoBoard.doc, {
      id: 'd1',
      sheetId: 'vel2',
      fieldId: 'data',
      noteId: 'c2',
      question: TEXTS.deferral,
      findOut: 'Wat de AVG toestaat',
      askWhom: 'privacy officer',
      owner: 'Cleo',
      createdBy: cleoSession.participant.id,
      createdAt: Date.now(),
    });

    // Everything arrived on the server (read back by the facilitator).
    const check = [connect(facilitator, 'board-tafel-a'), connect(facilitator, 'board-tafel-b')];
    await waitFor(
      () => readNotes(check[0]!.doc).length === 2 && readNotes(check[1]!.doc).length === 2,
      'the notes on both boards',
      10_000,
    );
    await setPhase('synthesis');
    synthesis = connect(facilitator, SYNTHESIS_DOC);
    await synthesis.synced();
  });

  it('shows every group’s notes side by side for a field, to the facilitator and to a participant', async () => {
    await openWorkshopAs(server.url, fac, facilitator);
    await openWorkshopAs(server.url, anna, annaSession);
    for (const { page } of [fac, anna]) {
      await page.getByTestId('synthesis-view').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('synthesis-view').getAttribute('data-field-id')).toBe('doel');
      // Both groups' notes for DOEL, each in its own group's column.
      await expect
        .poll(() => page.getByTestId('synthesis-column-tafel-a').textContent(), { timeout: 10_000 })
        .toContain(TEXTS.annaGoal);
      await expect
        .poll(() => page.getByTestId('synthesis-column-tafel-b').textContent(), { timeout: 10_000 })
        .toContain(TEXTS.cleoGoal);
      expect(await page.getByTestId('synthesis-column-tafel-a').textContent()).toContain(TEXTS.annaQuality);
      // A note of another field stays out of this one.
      expect(await page.getByTestId('synthesis-columns').textContent()).not.toContain(TEXTS.cleoData);
    }
    // The field picker walks through both sheets; DATA shows Tafel B's note and its draft action.
    await anna.page.getByTestId('synthesis-field-data').click();
    await expect.poll(() => anna.page.getByTestId('synthesis-column-tafel-b').textContent()).toContain(TEXTS.cleoData);
    expect(await anna.page.getByTestId('synthesis-column-tafel-b').textContent()).toContain(TEXTS.deferral);
    await anna.page.getByTestId('synthesis-field-doel').click();
  });

  it('lets a participant confirm the suggested cluster and the facilitator mark it common ground', async () => {
    // The same suggestion the tool computes for these notes (the views call the same function).
    const [expected] = suggestClusters([
      { id: 'a1', groupId: 'tafel-a', text: TEXTS.annaGoal },
      { id: 'a2', groupId: 'tafel-a', text: TEXTS.annaQuality },
      { id: 'c1', groupId: 'tafel-b', text: TEXTS.cleoGoal },
    ]);
    expect(expected?.itemIds).toEqual(['a1', 'c1']);
    const id = expected?.id ?? '';
    const suggestion = anna.page.getByTestId(`synthesis-suggestion-${id}`);
    await suggestion.waitFor();
    // Worked out off the page's thread, by the suggestions worker.
    expect(anna.page.workers().some((w) => w.url().includes('suggestionWorker'))).toBe(true);
    // The reason is shown: the words the notes share.
    expect((await suggestion.textContent())?.toLowerCase()).toMatch(/studiesucces|eerstejaars/);
    await anna.page.getByTestId(`synthesis-confirm-${id}`).click();
    await waitFor(
      () => readClusters(synthesis.doc).some((c) => c.id === id),
      'the confirmed cluster in the synthesis document',
      10_000,
    );
    expect(readClusters(synthesis.doc).find((c) => c.id === id)).toMatchObject({
      fieldId: 'doel',
      itemIds: ['a1', 'c1'],
      kind: null,
      updatedBy: annaSession.participant.id,
    });

    // The facilitator sees it live and marks it common ground.
    await fac.page.getByTestId(`synthesis-kind-common-${id}`).click();
    await waitFor(
      () => readClusters(synthesis.doc).find((c) => c.id === id)?.kind === 'common',
      'the cluster marked common ground',
      10_000,
    );
    expect(readClusters(synthesis.doc).find((c) => c.id === id)?.updatedBy).toBe(facilitator.participant.id);
    // Both screens show it on the notes of both columns.
    for (const { page } of [fac, anna]) {
      await expect.poll(() => page.getByTestId(`synthesis-cluster-${id}`).getAttribute('data-kind')).toBe('common');
      await expect.poll(() => page.getByTestId('synthesis-note-a1').getAttribute('data-cluster-id')).toBe(id);
      expect(await page.getByTestId('synthesis-note-c1').getAttribute('data-cluster-id')).toBe(id);
      expect(await page.getByTestId('synthesis-note-c1').textContent()).toContain('Gemene deler');
    }
    await screenshot(fac.page, 'plenary-synthesis');
  });

  it('turns a note into an action in the actions phase and sets who and when in the table', async () => {
    await setPhase('actions');
    for (const { page } of [fac, anna]) await page.getByTestId('actions-view').waitFor({ timeout: 10_000 });
    // From a note: back to the synthesis columns, "Maak actie", then on to the new row.
    await fac.page.getByTestId('plenary-view-synthesis').click();
    await fac.page.getByTestId('synthesis-make-action-a2').click();
    await fac.page.getByTestId('synthesis-show-action-a2').click();
    await fac.page.getByTestId('actions-view').waitFor();
    const action = (await hookSynthesis(fac.page))?.actions.find((a) => a.sourceNoteId === 'a2');
    expect(action).toMatchObject({
      what: TEXTS.annaQuality,
      sourceKind: 'note',
      sourceGroupId: 'tafel-a',
      sourceFieldId: 'doel',
      createdBy: facilitator.participant.id,
    });
    const actionId = action?.id ?? '';
    // The focus lands in "who" of the new row.
    await expect
      .poll(() => fac.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(`action-who-${actionId}`);
    await fac.page.keyboard.type('Anna');
    await fac.page.keyboard.press('Enter');
    await fac.page.getByTestId(`action-when-${actionId}`).fill('2026-06-30');
    await waitFor(
      () => {
        const stored = readActions(synthesis.doc).find((a) => a.id === actionId);
        return stored?.who === 'Anna' && stored.when === '2026-06-30';
      },
      'who and when in the synthesis document',
      10_000,
    );
    // Picking a participant's name links the action to that person.
    expect(readActions(synthesis.doc).find((a) => a.id === actionId)?.whoParticipantId).toBe(
      annaSession.participant.id,
    );
    // The participant sees the row live, with the owner filled in.
    await expect
      .poll(() => anna.page.getByTestId(`action-who-${actionId}`).inputValue(), { timeout: 10_000 })
      .toBe('Anna');
    // The source opens below the row with the note's text.
    await fac.page.getByTestId(`action-source-${actionId}`).click();
    expect(await fac.page.getByTestId(`action-source-text-${actionId}`).textContent()).toContain(TEXTS.annaQuality);
  });

  it('takes over a subgroup’s draft action and makes an action of a dropped inspiration card', async () => {
    await anna.page.getByTestId('actions-draft-take-d1').click();
    await waitFor(
      () => readActions(synthesis.doc).some((a) => a.sourceDeferralId === 'd1'),
      'the draft action taken over',
      10_000,
    );
    const takenOver = readActions(synthesis.doc).find((a) => a.sourceDeferralId === 'd1');
    expect(takenOver).toMatchObject({
      sourceKind: 'deferral',
      sourceGroupId: 'tafel-b',
      who: 'Cleo',
      // The owner written on the draft is a participant: linked, not plain text (issue 11, bug 6).
      whoParticipantId: cleoSession.participant.id,
      createdBy: annaSession.participant.id,
    });
    await fac.page.getByTestId(`action-linked-${takenOver?.id ?? ''}`).waitFor({ timeout: 10_000 });
    await expect.poll(() => fac.page.getByTestId('actions-draft-tafel-b-d1').textContent()).toContain('Overgenomen');

    // The deck makes its cards draggable with this data type; a drop on the list makes an action.
    await fac.page.evaluate(() => {
      const target = document.querySelector('[data-testid="actions-view"]');
      const data = new DataTransfer();
      data.setData(
        'application/x-dmc-card',
        JSON.stringify({ id: 'sd-07', text: 'Welke studiedata hebben we echt nodig?' }),
      );
      target?.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitFor(
      () =>
        readActions(synthesis.doc).some(
          (a) => a.what === 'Welke studiedata hebben we echt nodig?' && a.sourceKind === 'card',
        ),
      'the action from the card',
      10_000,
    );
    await expect.poll(() => fac.page.getByTestId('actions-summary').textContent()).toContain('3 acties');

    // From the keyboard: the deck beside the action list adds a card as an action.
    await fac.page.getByTestId('deck-toggle').click();
    await fac.page.getByTestId('deck-panel').waitFor();
    const card = studiedataDeck[0];
    if (!card) throw new Error('the deck has no cards');
    const add = fac.page.getByTestId(`deck-add-${card.id}`);
    expect(await add.textContent()).toBe('Als actie toevoegen');
    await add.focus();
    await fac.page.keyboard.press('Enter');
    await waitFor(
      () => readActions(synthesis.doc).some((a) => a.what === card.text.nl),
      'the action from the card, by keyboard',
      10_000,
    );
    await expect.poll(() => fac.page.getByTestId('actions-summary').textContent()).toContain('4 acties');
    // The focus stays in the deck, for the next card.
    expect(await fac.page.evaluate(() => document.activeElement?.closest('[data-testid="deck-panel"]') !== null)).toBe(
      true,
    );
    await fac.page.keyboard.press('Escape');
    await screenshot(fac.page, 'plenary-actions');
  });

  it('downloads the action list as CSV from the export dialog, with the owner and the date, as the endpoint serves it', async () => {
    const page = fac.page;
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-dialog').waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('export-actions.csv').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/-acties\.csv$/);
    const bytes = new Uint8Array(fs.readFileSync(await file.path()));
    // Excel on a Dutch Windows: a UTF-8 byte-order mark, ';' between cells.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), ';');
    expect(rows[0]).toEqual(['Wat', 'Wie', 'Wanneer', 'Status', 'Veld', 'Subgroep', 'Bron']);
    const row = rows.find((r) => r[0] === TEXTS.annaQuality);
    expect(row).toEqual([TEXTS.annaQuality, 'Anna', '2026-06-30', 'Open', 'DOEL', 'Tafel A', 'Notitie']);
    expect(rows.some((r) => r[5] === 'Tafel B' && r[6] === 'Open vraag' && r[1] === 'Cleo')).toBe(true);
    expect(rows.length).toBe(1 + 4);
    await page.keyboard.press('Escape');

    // A program fetching the endpoint with the facilitator's token gets the same file.
    const stored = await page.evaluate((id) => localStorage.getItem(`dmc.session.${id}`), facilitator.workshop.id);
    const token = (JSON.parse(stored ?? '{}') as { token?: string }).token ?? '';
    expect(token).not.toBe('');
    const response = await fetch(`${server.url}/api/workshops/${facilitator.workshop.id}/export/actions.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('made no request to any third party and logged no errors', () => {
    for (const person of [fac, anna]) {
      expect(thirdPartyRequests(person.requests, server.url)).toEqual([]);
      expect(person.errors).toEqual([]);
    }
  });
});

/** Parses CSV text (RFC 4180: quoted cells, doubled quotes, CRLF rows) into rows of cells. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
