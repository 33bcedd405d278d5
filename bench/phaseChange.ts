import type { Page } from 'playwright-core';
import { updateFlow, putGroup, assignMembers } from '@dmc/shared/doc/session';
import { readNotes } from '@dmc/shared/doc/board';
import { startPhase } from '@dmc/shared/domain/flow';
import { PHASE_IDS, type PhaseId } from '@dmc/shared/domain/phases';
import { SESSION_DOC, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { connectDoc, createWorkshop, flush, joinWorkshop } from '../server/src/testing/harness';
import { startOurs } from './servers';
import { CLIENT_DIR, launchBrowser, newPerson, openWorkshopAs } from '../e2e/harness';
import { percentile } from './stats';
import { pageSettled } from './canvasFrames';

/**
 * How long a phase change and the silent-note reveal take to reach participants' screens (issue
 * 11, bug 2): six participants in Chromium (two subgroups of three, 1024×768), the facilitator's
 * session changes written from Node. A phase change counts when a participant's screen has
 * painted the phase banner with the new phase (not merely changed the page); the reveal counts
 * when a participant's own silently written note is on the board, no longer private. Latency =
 * screen time − write time (one machine, one clock).
 */

/** The script from the welcome to the actions, as a facilitator runs it (the opening is where everyone starts). */
const SCRIPT: readonly PhaseId[] = PHASE_IDS.slice(PHASE_IDS.indexOf('welcome'), PHASE_IDS.indexOf('actions') + 1);

/** What the benchmark reports. */
export interface PhaseChangeResult {
  readonly participants: number;
  /** The first change (Vrij werken → Welkom), ms per participant. */
  readonly first: readonly number[];
  /** Every later change, ms per participant and change. */
  readonly later: readonly number[];
  /** The reveal of silently written notes, ms per participant and reveal. */
  readonly reveal: readonly number[];
}

/** Runs the script once with `count` participants and measures every change. */
export async function phaseChangeLatency(count = 6): Promise<PhaseChangeResult> {
  // The server in its own process, as deployed: not sharing an event loop with the browser driver.
  const server = await startOurs({ CLIENT_DIR });
  const browser = await launchBrowser();
  const facilitator = await createWorkshop(server.url, 'Fasewissel');
  const session = connectDoc(server.url, facilitator, SESSION_DOC);
  try {
    await session.synced();
    const sessions: SessionResponse[] = [];
    for (let i = 0; i < count; i++)
      sessions.push(await joinWorkshop(server.url, facilitator.workshop.code, `Deelnemer ${i + 1}`));
    const groups = ['tafel-noord', 'tafel-zuid'];
    groups.forEach((id, order) => putGroup(session.doc, { id, name: id, color: '#1d4ed8', order }));
    assignMembers(session.doc, new Map(sessions.map((s, i) => [s.participant.id, groups[i % 2] ?? null])));
    await flush(session);

    const pages: Page[] = [];
    for (const s of sessions) {
      const person = await newPerson(browser, { viewport: { width: 1024, height: 768 } });
      await person.context.addInitScript({ content: recordPhases });
      await openWorkshopAs(server.url, person, s);
      await person.page.waitForFunction(
        () => document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status') === 'connected',
        undefined,
        { timeout: 30_000, polling: 50 },
      );
      pages.push(person.page);
      if (process.env.BENCH_VERBOSE) console.log('open', s.participant.name);
    }

    // The facilitator starts once everyone has joined: every screen has finished loading (what
    // a page does when first idle, such as the sheet pictures, is not a phase change's cost).
    await Promise.all(pages.map((page) => page.evaluate(pageSettled(10))));

    const first: number[] = [];
    const later: number[] = [];
    const reveal: number[] = [];
    for (const [index, phaseId] of SCRIPT.entries()) {
      const reveals = phaseId === 'vel1-discuss' || phaseId === 'vel2-discuss';
      if (reveals) await Promise.all(pages.map((page, i) => writePrivately(page, `Stille notitie ${i} ${phaseId}`)));
      const watches = reveals ? pages.map((page) => watchReveal(page)) : [];
      const serverSide =
        reveals && process.env.BENCH_VERBOSE
          ? groups.map((g) => boardReveal(server.url, facilitator, g, count / 2))
          : [];
      await Promise.all(serverSide.map((w) => w.ready));
      const at = Date.now();
      updateFlow(session.doc, startPhase(phaseId, at, {}));
      const seen = await Promise.all(pages.map((page) => phaseShown(page, phaseId)));
      if (process.env.BENCH_VERBOSE)
        console.log(
          phaseId,
          seen.map((t) => t - at),
        );
      (index === 0 ? first : later).push(...seen.map((t) => t - at));
      if (reveals) reveal.push(...(await Promise.all(watches)).map((t) => t - at));
      if (serverSide.length > 0)
        console.log(
          '  on the boards (Node client)',
          (await Promise.all(serverSide.map((w) => w.done))).map((t) => t - at),
        );
      // A facilitator leaves minutes between changes: the next one starts from settled screens
      // (what a change builds after its banner shows, such as the synthesis view, is done).
      await Promise.all(pages.map((page) => page.evaluate(pageSettled(5))));
    }
    return { participants: count, first, later, reveal };
  } finally {
    session.destroy();
    await browser.close();
    await server.stop();
  }
}

/**
 * In the page: notes each change of the phase banner with the time it showed. A string, not a
 * function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
const recordPhases = `
  (() => {
    const log = [];
    window.__phaseLog = log;
    let last = null;
    const check = () => {
      const el = document.querySelector('[data-testid="phase-banner"]');
      const phase = el ? el.getAttribute('data-phase') : null;
      if (phase !== null && phase !== last) {
        last = phase;
        // Shown = painted: the frame that draws the change runs this animation-frame callback
        // before it paints, and a task posted from it at the highest priority runs right after
        // that paint, ahead of tasks the page had queued meanwhile.
        const entry = { phase, at: Date.now(), painted: null };
        log.push(entry);
        requestAnimationFrame(() => {
          scheduler.postTask(() => (entry.painted = Date.now()), { priority: 'user-blocking' });
        });
      }
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-phase'],
    });
  })();
`;

/** Verbose only: when a Node client on a board sees `expected` revealed notes (the server's part). */
function boardReveal(url: string, facilitator: SessionResponse, boardId: string, expected: number) {
  const board = connectDoc(url, facilitator, boardDocKey(boardId));
  const before = new Set<string>();
  const ready = board.synced().then(() => readNotes(board.doc).forEach((n) => before.add(n.id)));
  const done = ready.then(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (readNotes(board.doc).filter((n) => !before.has(n.id)).length < expected) return;
          board.doc.off('update', check);
          board.destroy();
          resolve(Date.now());
        };
        board.doc.on('update', check);
      }),
  );
  return { ready, done };
}

/** When the page first painted `phaseId` in its phase banner (waits for it). */
async function phaseShown(page: Page, phaseId: string): Promise<number> {
  const handle = await page.waitForFunction(
    (id) =>
      (window as unknown as { __phaseLog: { phase: string; painted: number | null }[] }).__phaseLog.find(
        (e) => e.phase === id,
      )?.painted ?? false,
    phaseId,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}

/** Writes a private note through the interface (silent writing) and waits until it is in the draft. */
async function writePrivately(page: Page, text: string): Promise<void> {
  await page.getByTestId('add-note').click();
  const editor = page.getByTestId('note-editor');
  await editor.waitFor();
  await editor.fill(text);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
  await page.waitForFunction(
    (t) => {
      const hook = (
        window as unknown as {
          __DMC__: { notes(): { id: string; text: string }[]; privateNotes(): Record<string, string> };
        }
      ).__DMC__;
      const note = hook.notes().find((n) => n.text === t);
      return note !== undefined && hook.privateNotes()[note.id] !== undefined;
    },
    text,
    { timeout: 30_000, polling: 50 },
  );
}

/**
 * Resolves with the time at which every private note of the page is on the board, public: checked
 * on every change of the page's state (no polling that would compete with what it measures), the
 * time taken once the page has drawn that change (the next task after it).
 */
async function watchReveal(page: Page): Promise<number> {
  await page.evaluate(`
    (() => {
      const hook = window.__DMC__;
      const waiting = Object.keys(hook.privateNotes());
      window.__revealAt = null;
      const revealed = () => {
        const privates = hook.privateNotes();
        const ids = new Set(hook.notes().map((n) => n.id));
        return waiting.every((id) => ids.has(id) && privates[id] === undefined);
      };
      const stop = hook.onChange(() => {
        if (window.__revealAt !== null || !revealed()) return;
        window.__revealAt = 0;
        stop();
        setTimeout(() => (window.__revealAt = Date.now()), 0);
      });
    })()
  `);
  const handle = await page.waitForFunction(
    () => (window as unknown as { __revealAt: number | null }).__revealAt || false,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await phaseChangeLatency(Number(process.env.BENCH_PARTICIPANTS ?? 6));
  const show = (name: string, values: readonly number[]) =>
    console.log(
      `${name.padEnd(28)} n=${String(values.length).padStart(3)}  p50 ${percentile(values, 50).toFixed(0)} ms  p95 ${percentile(values, 95).toFixed(0)} ms  max ${Math.max(...values).toFixed(0)} ms`,
    );
  show('first phase change', result.first);
  show('later phase changes', result.later);
  show('silent-note reveal', result.reveal);
  process.exit(0);
}
