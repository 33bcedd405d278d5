import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { assignMembers, putGroup, readMembers, updateFlow } from '@dmc/shared/doc/session';
import { SESSION_DOC, boardDocKey } from '@dmc/shared/protocol/api';
import { LIMITS } from '@dmc/shared/domain/limits';
import {
  connectBoard,
  connectDoc,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  waitFor,
  type BoardClient,
} from '../server/src/testing/harness';
import { CLIENT_DIR, launchBrowser } from '../e2e/harness';
import { contextAs, firstRender, firstRenderProbe, pageSettled, topSelfTime } from './canvasFrames';

/**
 * The synthesis view's first render: `groups` subgroups each wrote `perGroup` notes on their own
 * board (written through the test harness, spread over the first fields of both sheets), the
 * phase is the synthesis, and the facilitator opens the workshop. Measured in the page: from
 * navigation until the frame after the first field's columns show every note of that field, and
 * from a click on "next field" until the frame after the next field's notes show.
 */
export interface SynthesisRun {
  readonly groups: number;
  readonly perGroup: number;
  /** Navigation start until the first field's columns are complete, ms. */
  readonly firstFieldMs: number;
  /** Click on "next field" until that field's columns are complete, ms. */
  readonly nextFieldMs: number;
  readonly load: number;
}

/** The fields the notes go to, in the order the synthesis walks them. */
const FIELDS = [
  { sheetId: 'vel1', fieldId: 'doel' },
  { sheetId: 'vel1', fieldId: 'concrete-vragen' },
  { sheetId: 'vel1', fieldId: 'doelgroep' },
  { sheetId: 'vel1', fieldId: 'kansen-risicos' },
  { sheetId: 'vel2', fieldId: 'data' },
] as const;

const WORDS = [
  'studiesucces',
  'uitval',
  'eerstejaars',
  'Brightspace',
  'tussenresultaten',
  'studieadviseur',
  'privacy',
  'dashboard',
  'docenten',
  'feedback',
  'toetsen',
  'motivatie',
  'begeleiding',
  'gegevens',
  'rooster',
  'aanwezigheid',
];

/** A note text that shares words with others (so clustering has work to do) and is unique. */
function noteText(group: number, i: number): string {
  const pick = (k: number) => WORDS[(i * 7 + group * 3 + k * 5) % WORDS.length] ?? '';
  return `${pick(0)} en ${pick(1)}: wat weten we over ${pick(2)} (${group + 1}.${i + 1})`;
}

export async function synthesisFirstRender(groups = 6, perGroup = 300): Promise<SynthesisRun> {
  const limits = LIMITS.recordsPerCollection as Record<string, number>;
  limits.notes = Math.max(limits.notes ?? 0, perGroup);
  const server = await startTestServer({ clientDir: CLIENT_DIR });
  const browser = await launchBrowser();
  const open: BoardClient[] = [];
  try {
    const facilitator = await createWorkshop(server.url, 'Synthese');
    const members: Awaited<ReturnType<typeof joinWorkshop>>[] = [];
    for (let g = 0; g < groups; g++)
      members.push(await joinWorkshop(server.url, facilitator.workshop.code, `Deelnemer ${g + 1}`));
    const session = connectDoc(server.url, facilitator, SESSION_DOC);
    open.push(session);
    await session.synced();
    await waitFor(() => readMembers(session.doc).length === groups + 1, 'every member in the session', 20_000);
    const groupId = (g: number) => `tafel-${g + 1}`;
    for (let g = 0; g < groups; g++)
      putGroup(session.doc, { id: groupId(g), name: `Tafel ${g + 1}`, color: '#1d4ed8', order: g });
    assignMembers(session.doc, new Map(members.map((m, g) => [m.participant.id, groupId(g)])));
    await waitFor(
      () =>
        members.every(
          (m, g) => server.workflow.membership(facilitator.workshop.id, m.participant.id).groupId === groupId(g),
        ),
      'the assignment on the server',
      20_000,
    );
    const boards = members.map((m, g) => connectBoard(server.url, m, groupId(g)));
    open.push(...boards);
    await Promise.all(boards.map((b) => b.synced()));
    boards.forEach((board, g) => {
      for (let i = 0; i < perGroup; i += 50)
        board.doc.transact(() => {
          for (let j = i; j < Math.min(perGroup, i + 50); j++) {
            const field = FIELDS[j % FIELDS.length] ?? FIELDS[0];
            addNote(board.doc, {
              id: `g${g}n${j}`,
              sheetId: field.sheetId,
              fieldId: field.fieldId,
              x: 60 + (j % 10) * 20,
              y: 160 + Math.floor(j / 10) * 4,
              color: 'yellow',
              text: noteText(g, j),
              authorId: members[g]?.participant.id ?? '',
            });
          }
        });
    });
    const check = members.map((_, g) => connectDoc(server.url, facilitator, boardDocKey(groupId(g))));
    open.push(...check);
    await waitFor(() => check.every((c) => readNotes(c.doc).length === perGroup), 'every note on the server', 60_000);
    updateFlow(session.doc, { phaseId: 'synthesis', phaseStartedAt: Date.now() });
    await waitFor(
      () => server.workflow.state(facilitator.workshop.id)?.phaseId === 'synthesis',
      'the synthesis phase on the server',
    );

    const perField = (k: number) => {
      let n = 0;
      for (let j = 0; j < perGroup; j++) if (j % FIELDS.length === k) n++;
      return n * groups;
    };
    const complete = (k: number) =>
      `document.querySelector('[data-testid="synthesis-view"]')?.getAttribute('data-field-id') === ${JSON.stringify(
        FIELDS[k]?.fieldId,
      )} && document.querySelectorAll('[data-testid="synthesis-columns"] [data-testid^="synthesis-note-"]').length === ${perField(k)}`;
    const load = os.loadavg()[0] ?? NaN;
    const context = await contextAs(browser, facilitator, { width: 1440, height: 900 });
    await context.addInitScript({ content: firstRenderProbe(complete(0)) });
    const page = await context.newPage();
    if (process.env.BENCH_VERBOSE) page.on('pageerror', (e) => console.log('pageerror', e.message));
    const profileDir = process.env.BENCH_PROFILE;
    const cdp = profileDir ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(`${server.url}/w/${facilitator.workshop.id}`);
    const firstFieldMs = await firstRender(page);
    // "Next field": from the click until the second field's notes show (the same probe, restarted),
    // once the page has finished with the first field (its suggestions follow the columns).
    await page.evaluate(pageSettled(5));
    await page.evaluate('window.__firstRender = undefined');
    const clickedAt = (await page.evaluate(`(() => {
      ${firstRenderProbe(complete(1))};
      const at = performance.now();
      document.querySelector('[data-testid="synthesis-next"]').click();
      return at;
    })()`)) as number;
    const nextFieldMs = (await firstRender(page)) - clickedAt;
    if (cdp && profileDir) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Parameters<typeof topSelfTime>[0] };
      fs.mkdirSync(profileDir, { recursive: true });
      fs.writeFileSync(path.join(profileDir, 'synthesis.cpuprofile'), JSON.stringify(profile));
      console.log(`profile synthesis:\n${topSelfTime(profile).join('\n')}`);
    }
    await context.close();
    return { groups, perGroup, firstFieldMs, nextFieldMs, load };
  } finally {
    for (const client of open) client.destroy();
    await browser.close();
    await server.close();
  }
}
