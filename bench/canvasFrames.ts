import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { presenceColor } from '@dmc/shared/protocol/presence';
import { authenticatingSocket, createWorkshop, startTestServer } from '../server/src/testing/harness';
import { CLIENT_DIR, launchBrowser } from '../e2e/harness';

/**
 * Frame times of the canvas in Chromium with `count` notes on the current sheet, while the user
 * pans by dragging empty space. Headless Chromium without a GPU: a pessimistic measure.
 */
export async function canvasFrameTimes(
  count: number,
): Promise<{ p50: number; p95: number; frames: number; firstRenderMs: number }> {
  const server = await startTestServer({ clientDir: CLIENT_DIR });
  const browser = await launchBrowser();
  try {
    const session = await createWorkshop(server.url, 'Frames');
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${server.url.replace('http', 'ws')}/collab`,
      `${session.workshop.id}/${boardDocKey(PLENARY_BOARD)}`,
      doc,
      {
        WebSocketPolyfill: authenticatingSocket(() => session.token) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    provider.awareness.setLocalStateField('user', {
      id: session.participant.id,
      name: session.participant.name,
      color: presenceColor(session.participant.id),
    });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    for (let i = 0; i < count; i += 50) {
      doc.transact(() => {
        for (let j = i; j < Math.min(count, i + 50); j++) {
          addNote(doc, {
            id: `f${j}`,
            sheetId: 'vel1',
            fieldId: null,
            x: 40 + ((j * 67) % 1080),
            y: 130 + ((j * 29) % 680),
            color: (['yellow', 'pink', 'blue', 'green'] as const)[j % 4] ?? 'yellow',
            text: `Notitie ${j}: welke studenten blijven achter en wat hebben zij nodig?`,
            authorId: session.participant.id,
          });
        }
      });
      await new Promise((r) => setTimeout(r, 30));
    }
    await new Promise((r) => setTimeout(r, 300));
    provider.destroy();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      `dmc.session.${session.workshop.id}`,
      JSON.stringify(session),
    ] as const);
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`${server.url}/w/${session.workshop.id}`);
    await page.waitForFunction(
      (n) => (window as unknown as { __DMC__?: { notes(): unknown[] } }).__DMC__?.notes().length === n,
      count,
      { timeout: 60_000 },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const firstRenderMs = Date.now() - start;

    // A string, not a function: tsx compiles named inner functions with a `__name` helper that
    // does not exist in the page.
    await page.evaluate(`(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        if (window.__frames.length < 100000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    // Pan: drag the empty margin around the sheet back and forth.
    const x0 = 20;
    const y0 = 400;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) await page.mouse.move(x0 + Math.sin(i / 10) * 200 + 200, y0 + Math.cos(i / 10) * 100);
    await page.mouse.up();
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(2));
    const sorted = [...frames].sort((a, b) => a - b);
    const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
    return { p50: pick(0.5), p95: pick(0.95), frames: frames.length, firstRenderMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
