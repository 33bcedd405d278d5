import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { encodeAuthMessage } from '@dmc/shared/protocol/messages';
import type { Browser, Page } from 'playwright-core';
import { readFlow, updateFlow } from '@dmc/shared/doc/session';
import { addNote, deleteNote } from '@dmc/shared/doc/board';
import { SESSION_DOC, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { connectDoc } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  notesOf,
  phaseOf,
  screenshot,
  startServerAndBrowser,
  stopAll,
  thirdPartyRequests,
  waitForNotes,
  type Person,
} from './harness';

/**
 * The handbook's workshop as four people run it: a facilitator and three participants in two
 * subgroups, from joining to the follow-up actions. Silent notes stay hidden from the other
 * participant until the discussion starts; every phase change reaches everyone; the timer shows;
 * a participant's attempt to change the phase is refused by the server.
 */
describe('running the workshop', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let people: Person[] = [];
  let ids: string[] = [];
  let workshopId = '';
  let groupA = '';
  let groupB = '';

  const session = async (page: Page): Promise<SessionResponse> =>
    page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`dmc.session.${id}`) ?? 'null') as SessionResponse,
      workshopId,
    );
  const everyoneIn = async (phaseId: string) => {
    for (const p of [fac, ...people]) await expect.poll(() => phaseOf(p.page), { timeout: 10_000 }).toBe(phaseId);
  };
  const next = async (phaseId: string) => {
    await fac.page.getByTestId('fac-phase-next').click();
    await everyoneIn(phaseId);
  };

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    people = [await newPerson(browser), await newPerson(browser), await newPerson(browser)];
  });

  afterAll(() => stopAll(browser, server));

  it('lets the facilitator create the workshop and three people join with the code', async () => {
    await fac.page.goto(server.url);
    await fac.page.getByTestId('create-title').fill('Learning analytics — Hogeschool Lindenhaven');
    await fac.page.getByTestId('create-submit').click();
    const code = ((await fac.page.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await fac.page.getByTestId('open-board').click();
    await fac.page.waitForURL(/\/w\//);
    workshopId = new URL(fac.page.url()).pathname.split('/')[2] ?? '';
    const names = ['Anna', 'Bram', 'Cleo'];
    for (const [i, p] of people.entries()) {
      await p.page.goto(`${server.url}/j/${code}`);
      await p.page.getByTestId('join-name').fill(names[i] ?? 'X');
      await p.page.getByTestId('join-submit').click();
      await p.page.waitForURL(/\/w\//);
    }
    ids = await Promise.all(people.map(async (p) => (await session(p.page)).participant.id));
    await everyoneIn('open');
  });

  it('creates two subgroups and places Anna and Bram in one, Cleo in the other', async () => {
    await fac.page.getByTestId('fac-toggle').click();
    await fac.page.getByTestId('fac-tab-people').click();
    for (const name of ['Tafel A', 'Tafel B']) {
      // The add button toggles the form; open it only when it is closed.
      if (!(await fac.page.getByTestId('fac-group-name').isVisible()))
        await fac.page.getByTestId('fac-group-add').click();
      await fac.page.getByTestId('fac-group-name').fill(name);
      await fac.page.getByTestId('fac-group-create').click();
    }
    await expect.poll(async () => (await groupIds()).length).toBe(2);
    [groupA = '', groupB = ''] = await groupIds();
    await fac.page.getByTestId(`fac-move-${ids[0]}`).selectOption(groupA);
    await fac.page.getByTestId(`fac-move-${ids[1]}`).selectOption(groupA);
    await fac.page.getByTestId(`fac-move-${ids[2]}`).selectOption(groupB);
    await expect.poll(() => fac.page.getByTestId(`fac-group-${groupA}`).textContent()).toContain('Bram');
    await expect.poll(() => fac.page.getByTestId(`fac-group-${groupB}`).textContent()).toContain('Cleo');
  });

  async function groupIds(): Promise<string[]> {
    return fac.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid^="fac-group-"]')]
        .map((el) => el.getAttribute('data-testid')?.slice('fac-group-'.length) ?? '')
        .filter((id) => !['add', 'name', 'create', 'unassigned'].includes(id) && !id.startsWith('edit')),
    );
  }

  it('moves everyone through welcome into silent writing on sheet 1, with a timer', async () => {
    await fac.page.getByTestId('fac-tab-flow').click();
    await next('welcome');
    await next('vel1-write');
    for (const [i, p] of people.entries()) {
      await expect
        .poll(() => p.page.getByTestId('board-chip').getAttribute('data-board-id'))
        .toBe(i < 2 ? groupA : groupB);
    }
    await fac.page.getByTestId('fac-timer-start').click();
    for (const p of people)
      await expect.poll(() => p.page.getByTestId('timer').getAttribute('data-status')).toBe('running');
  });

  it('keeps a silent note hidden from the other member of the group', async () => {
    const [anna, bram] = people as [Person, Person, Person];
    await anna.page.getByTestId('add-note').click();
    const editor = anna.page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.pressSequentially('Studiesucces van eerstejaars');
    await editor.press('Enter');
    const draftTexts = () =>
      anna.page.evaluate(() =>
        (window as unknown as { __DMC__: { draftNotes(): Array<{ text: string }> } }).__DMC__
          .draftNotes()
          .map((n) => n.text),
      );
    await expect.poll(draftTexts).toContain('Studiesucces van eerstejaars');
    // A sentinel after it: the facilitator puts a note on the group's board; once Bram sees that,
    // anything the server relayed before it has reached him too.
    const facilitator = connectDoc(server.url, await session(fac.page), boardDocKey(groupA));
    await facilitator.synced();
    addNote(facilitator.doc, {
      id: 'sentinel',
      sheetId: 'vel1',
      fieldId: null,
      x: 20,
      y: 20,
      color: 'blue',
      text: 'Schildwacht',
      authorId: (await session(fac.page)).participant.id,
    });
    await waitForNotes(bram.page, (ns) => ns.some((n) => n.id === 'sentinel'), "the sentinel note on Bram's screen");
    expect((await notesOf(bram.page)).map((n) => n.text)).not.toContain('Studiesucces van eerstejaars');
    deleteNote(facilitator.doc, 'sentinel');
    await waitForNotes(bram.page, (ns) => !ns.some((n) => n.id === 'sentinel'), 'the sentinel gone again');
    facilitator.destroy();
    expect(await bram.page.content()).not.toContain('Studiesucces van eerstejaars');
  });

  it("refuses a participant's attempt to change the phase, on the server", async () => {
    const bram = people[1] as Person;
    const bramSession = await session(bram.page);
    const token = bramSession.token;
    // A hand-made update that sets the phase on top of the current session state (which Bram may
    // read), sent from Bram's browser with Bram's token.
    const reader = connectDoc(server.url, bramSession, SESSION_DOC);
    await reader.synced();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
    reader.destroy();
    const before = Y.encodeStateVector(doc);
    updateFlow(doc, { phaseId: 'synthesis' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, before));
    const message = [...encoding.toUint8Array(encoder)];
    const closeCode = await bram.page.evaluate(
      ({ url, auth, bytes }) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url);
          ws.binaryType = 'arraybuffer';
          ws.onopen = () => {
            ws.send(new Uint8Array(auth));
            ws.send(new Uint8Array(bytes));
          };
          ws.onclose = (event) => resolve(event.code);
        }),
      {
        url: `${server.url.replace('http', 'ws')}/collab/${workshopId}/session`,
        auth: [...encodeAuthMessage(token)],
        bytes: message,
      },
    );
    expect(closeCode).toBe(4403);
    // The server refuses before it applies or relays: a fresh copy of the session still has the phase,
    // so nothing could have reached the screens either.
    const after = connectDoc(server.url, bramSession, SESSION_DOC);
    await after.synced();
    expect(readFlow(after.doc).phaseId).toBe('vel1-write');
    after.destroy();
    for (const p of [fac, ...people]) expect(await phaseOf(p.page)).toBe('vel1-write');
  });

  it('reveals the silent notes to the group when the discussion starts', async () => {
    await next('vel1-discuss');
    const bram = people[1] as Person;
    const cleo = people[2] as Person;
    const seen = await waitForNotes(
      bram.page,
      (ns) => ns.some((n) => n.text === 'Studiesucces van eerstejaars'),
      "the revealed note on Bram's screen",
    );
    expect(seen.find((n) => n.text === 'Studiesucces van eerstejaars')?.authorId).toBe(ids[0]);
    // The other subgroup works on its own board and does not see it.
    expect((await notesOf(cleo.page)).map((n) => n.text)).not.toContain('Studiesucces van eerstejaars');
  });

  it('follows the facilitator through the remaining phases to the follow-up actions', async () => {
    for (const phaseId of ['vel2-write', 'vel2-discuss', 'prepare']) await next(phaseId);
    await fac.page.getByTestId('fac-phase-next').click();
    await everyoneIn('presentations');
    await fac.page.getByTestId(`fac-spotlight-${groupA}`).click();
    // Cleo, from the other subgroup, now sees the presenting group's board.
    await expect
      .poll(() => (people[2] as Person).page.getByTestId('board-chip').getAttribute('data-board-id'))
      .toBe(groupA);
    await next('synthesis');
    await next('actions');
    await screenshot(fac.page, 'facilitator-actions');
  });

  it('made no request to any third party', () => {
    for (const p of [fac, ...people]) expect(thirdPartyRequests(p.requests, server.url)).toEqual([]);
  });
});
