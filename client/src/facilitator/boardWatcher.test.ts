import { describe, expect, it } from 'vitest';
import { addNote } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey, draftDocKey } from '@dmc/shared/protocol/api';
import { DocWatcher, type DocSnapshot } from './boardWatcher';
import { serverWithWorkshop } from '../collab/serverHarness.testing';

/**
 * The watcher against the real server, as the facilitator's overview uses it. The server's test
 * harness and `ws` are loaded at run time only: the client's type configuration has no Node types.
 */

describe('DocWatcher', () => {
  const env = serverWithWorkshop('Overzicht');

  const watch = (docKey: string, seen: DocSnapshot[]) =>
    new DocWatcher({
      wsBase: env.harness.collabUrl(env.server.url),
      workshopId: env.facilitator.workshop.id,
      docKey,
      token: env.facilitator.token,
      onChange: (snapshot) => seen.push(snapshot),
      WebSocketPolyfill: env.WebSocketPolyfill,
    });

  it('follows a board live without showing up in its presence', async () => {
    const seen: DocSnapshot[] = [];
    const watcher = watch(boardDocKey(PLENARY_BOARD), seen);
    await env.harness.waitFor(() => watcher.snapshot().status === 'live', 'the watcher to sync');
    expect(watcher.snapshot().notes).toEqual([]);
    expect(watcher.snapshot().lastChangeAt).toBeNull();

    const bram = env.harness.connectBoard(env.server.url, env.participant);
    await bram.synced();
    const before = Date.now();
    addNote(bram.doc, {
      id: 'note-1',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 100,
      y: 200,
      color: 'blue',
      text: 'Studiesucces',
      authorId: env.participant.participant.id,
    });
    await env.harness.waitFor(() => seen.at(-1)?.notes.length === 1, 'the note to reach the watcher');
    expect(seen.at(-1)?.notes[0]?.text).toBe('Studiesucces');
    expect(seen.at(-1)?.lastChangeAt ?? 0).toBeGreaterThanOrEqual(before);
    // Only Bram himself is on the board: the watcher has no presence.
    expect(bram.provider.awareness.getStates().size).toBe(1);

    watcher.destroy();
    const count = seen.length;
    addNote(bram.doc, {
      id: 'note-2',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 200,
      y: 200,
      color: 'blue',
      text: 'Later',
      authorId: env.participant.participant.id,
    });
    // Sentinel: a second watcher publishes the later note; by then the first would have too.
    const sentinelSeen: DocSnapshot[] = [];
    const sentinel = watch(boardDocKey(PLENARY_BOARD), sentinelSeen);
    await env.harness.waitFor(
      () => sentinelSeen.at(-1)?.notes.some((n) => n.id === 'note-2') === true,
      'the later note at a live watcher',
    );
    expect(seen.length).toBe(count);
    sentinel.destroy();
    bram.destroy();
  });

  it("dates a board's existing notes by the newest one", async () => {
    const watcher = watch(boardDocKey(PLENARY_BOARD), []);
    await env.harness.waitFor(
      () => watcher.snapshot().status === 'live' && watcher.snapshot().notes.length === 2,
      'the watcher to sync',
    );
    const newest = Math.max(...watcher.snapshot().notes.map((n) => n.createdAt));
    expect(watcher.snapshot().lastChangeAt).toBe(newest);
    watcher.destroy();
  });

  it("reads a participant's private draft", async () => {
    const watcher = watch(draftDocKey(env.participant.participant.id), []);
    await env.harness.waitFor(() => watcher.snapshot().status === 'live', 'the draft to sync');
    expect(watcher.snapshot().notes).toEqual([]);
    watcher.destroy();
  });

  it('reports a board that does not exist as gone', async () => {
    const watcher = watch(boardDocKey('no-such-group'), []);
    await env.harness.waitFor(() => watcher.snapshot().status === 'gone', 'the refusal');
    watcher.destroy();
  });
});
