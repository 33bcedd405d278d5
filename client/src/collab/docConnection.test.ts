import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { assignMembers, putGroup, updateFlow } from '@dmc/shared/doc/session';
import { startPhase } from '@dmc/shared/domain/flow';
import { newId } from '@dmc/shared/domain/ids';
import { PLENARY_BOARD, SESSION_DOC, boardDocKey } from '@dmc/shared/protocol/api';
import { DocConnection, type DocConnectionHandlers, type DocEnd, type LinkStatus } from './docConnection';
import { serverWithWorkshop } from './serverHarness.testing';

/**
 * The one document connection every client of ours is built on, against the real server: what
 * each close code leads to (a refused write → a fresh copy, the refused one handed over; a
 * document kept closed → opened again on `retry()`; an invalid token → the end), and an honest
 * status across the browser's offline/online events. The server's harness and `ws` are loaded
 * at run time: the client's type configuration has no Node types.
 */

/** Records what a connection reports and lets a test wait for a report, without sleeping. */
class Recorder {
  readonly statuses: LinkStatus[] = [];
  readonly synced: { doc: Y.Doc; first: boolean }[] = [];
  readonly refused: { code: number; doc: Y.Doc | null }[] = [];
  readonly ended: DocEnd[] = [];
  hidden = 0;
  private readonly waiters = new Set<() => boolean>();

  readonly handlers: DocConnectionHandlers = {
    status: (status) => this.push(() => this.statuses.push(status)),
    synced: (doc, first) => this.push(() => this.synced.push({ doc, first })),
    refused: (code, _reason, doc) => this.push(() => this.refused.push({ code, doc })),
    ended: (end) => this.push(() => this.ended.push(end)),
    hidden: () => this.push(() => this.hidden++),
  };

  /** Resolves once `check` holds (checked after every report). */
  until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        if (!check()) return false;
        resolve();
        return true;
      };
      this.waiters.add(waiter);
    });
  }

  private push(record: () => void): void {
    record();
    for (const waiter of [...this.waiters]) if (waiter()) this.waiters.delete(waiter);
  }
}

/** The browser's online/offline events, fired by the test. */
class FakeNetwork extends EventTarget {
  online = true;
  go(online: boolean): void {
    this.online = online;
    this.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }
}

describe('DocConnection', () => {
  const env = serverWithWorkshop('Verbinding');

  const connect = (
    session: { token: string },
    docKey: string,
    recorder: Recorder,
    extra: { network?: FakeNetwork; onRefusal?: 'rebuild' | 'reread' } = {},
  ) =>
    new DocConnection(
      {
        wsBase: env.harness.collabUrl(env.server.url),
        workshopId: env.facilitator.workshop.id,
        docKey,
        token: () => session.token,
        user: null,
        onRefusal: extra.onRefusal ?? 'rebuild',
        WebSocketPolyfill: env.WebSocketPolyfill,
        network: extra.network ?? null,
        online: () => extra.network?.online ?? true,
      },
      recorder.handlers,
    );

  it('ends for good on 4401 (a token that is not valid) and does not try again', async () => {
    const recorder = new Recorder();
    const connection = connect({ token: 'not-a-token' }, boardDocKey(PLENARY_BOARD), recorder);
    await recorder.until(() => recorder.ended.length > 0);
    expect(recorder.ended).toEqual(['unauthorized']);
    expect(connection.ended).toBe('unauthorized');
    expect(recorder.synced).toEqual([]);
    expect(connection.status).not.toBe('connected');
    connection.destroy();
  });

  it('after a refused write syncs a fresh copy and hands over the refused one with the change in it', async () => {
    const other = env.harness.connectBoard(env.server.url, env.facilitator);
    await other.synced();
    addNote(other.doc, {
      id: 'kept',
      sheetId: 'vel1',
      fieldId: null,
      x: 10,
      y: 10,
      color: 'yellow',
      text: 'van de begeleider',
      authorId: env.facilitator.participant.id,
    });
    await env.harness.flush(other);

    const recorder = new Recorder();
    const connection = connect(env.participant, boardDocKey(PLENARY_BOARD), recorder);
    await recorder.until(() => recorder.synced.length === 1);
    const first = connection.doc;
    // A note in someone else's name: the server refuses it (4403) and closes the connection.
    addNote(first, {
      id: 'forged',
      sheetId: 'vel1',
      fieldId: null,
      x: 20,
      y: 20,
      color: 'yellow',
      text: 'namens een ander',
      authorId: env.facilitator.participant.id,
    });
    await recorder.until(() => recorder.synced.length === 2);
    expect(recorder.refused.map((r) => r.code)).toEqual([4403]);
    // The refused copy, with the refused change in it, went to the owner; a fresh one replaced it.
    const refusedDoc = recorder.refused[0]?.doc;
    expect(refusedDoc).toBe(first);
    expect(readNotes(first).map((n) => n.id)).toContain('forged');
    expect(recorder.synced[1]).toEqual({ doc: connection.doc, first: true });
    expect(connection.doc).not.toBe(first);
    expect(readNotes(connection.doc).map((n) => n.id)).toEqual(['kept']);
    expect(connection.status).toBe('connected');
    refusedDoc?.destroy();
    connection.destroy();
    other.destroy();
  });

  it('waits on a document the server keeps closed (4406) and opens it on retry() once allowed', async () => {
    const session = env.harness.connectDoc(env.server.url, env.facilitator, SESSION_DOC);
    await session.synced();
    const groupA = { id: newId(), name: 'Tafel Noord', color: '#1d4ed8' as const, order: 0 };
    const groupB = { id: newId(), name: 'Tafel Zuid', color: '#047857' as const, order: 1 };
    putGroup(session.doc, groupA);
    putGroup(session.doc, groupB);
    assignMembers(session.doc, new Map([[env.participant.participant.id, groupA.id]]));
    updateFlow(session.doc, startPhase('vel1-discuss', Date.now(), {}));
    await env.harness.flush(session);

    const recorder = new Recorder();
    const connection = connect(env.participant, boardDocKey(groupB.id), recorder);
    await recorder.until(() => recorder.hidden === 1);
    expect(connection.isHidden).toBe(true);
    expect(recorder.synced).toEqual([]);

    // Still closed: retrying changes nothing but another 4406.
    connection.retry();
    await recorder.until(() => recorder.hidden === 2);

    assignMembers(session.doc, new Map([[env.participant.participant.id, groupB.id]]));
    await env.harness.flush(session);
    connection.retry();
    await recorder.until(() => recorder.synced.length === 1);
    expect(connection.isHidden).toBe(false);
    expect(connection.status).toBe('connected');
    connection.destroy();
    session.destroy();
  });

  it('says offline at once when the browser does, and connected again as soon as it is back', async () => {
    const network = new FakeNetwork();
    const recorder = new Recorder();
    const connection = connect(env.facilitator, boardDocKey(PLENARY_BOARD), recorder, { network });
    await recorder.until(() => recorder.synced.length === 1);
    expect(connection.status).toBe('connected');

    network.go(false);
    expect(connection.status).toBe('offline');
    expect(connection.live).toBe(false);

    const before = recorder.synced.length;
    network.go(true);
    // Back online: the socket is opened anew and the status is "connected" once it synced.
    await recorder.until(() => recorder.synced.length > before);
    expect(connection.status).toBe('connected');
    expect(recorder.statuses.slice(-3)).toEqual(['offline', 'reconnecting', 'connected']);
    connection.destroy();
  });
});
