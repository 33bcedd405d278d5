import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote } from '@dmc/shared/doc/board';
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { authOptions } from './authSocket';
import { unstoredRecordIds } from './offlineChanges';
import { watchServerState } from './serverState';
import { loadServerHarness, type ServerHarness } from './serverHarness.testing';

/**
 * The confirmation that keeps "n changes not saved yet" on screen until the server has them,
 * against the real server. The server's harness and `ws` are loaded at run time only: the
 * client's type configuration has no Node types.
 */

describe('watchServerState', () => {
  let harness: ServerHarness;
  let WebSocketPolyfill: typeof WebSocket;
  let server: { url: string; close(): Promise<void> };
  let facilitator: CreateWorkshopResponse;

  beforeAll(async () => {
    ({ harness, WebSocketPolyfill } = await loadServerHarness());
    server = await harness.startTestServer();
    facilitator = await harness.createWorkshop(server.url, 'Bevestigen');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('reports what the server lacks when it takes us in, and confirms once it stored it', async () => {
    const doc = new Y.Doc();
    // Written before connecting, as offline.
    addNote(doc, {
      id: 'offline-1',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 10,
      y: 10,
      color: 'yellow',
      text: 'offline',
      authorId: facilitator.participant.id,
    });
    const provider = new WebsocketProvider(
      harness.collabUrl(server.url),
      `${facilitator.workshop.id}/${boardDocKey(PLENARY_BOARD)}`,
      doc,
      {
        ...authOptions(() => facilitator.token, WebSocketPolyfill),
        disableBc: true,
        connect: false,
      },
    );
    const missing: string[][] = [];
    let confirmed = 0;
    const watch = watchServerState(provider, {
      serverState: (sv) => missing.push([...unstoredRecordIds(doc, sv, 'notes')]),
      confirmed: () => confirmed++,
    });
    provider.on('sync', (synced) => {
      if (synced) watch.probe();
    });
    provider.connect();
    await harness.waitFor(() => confirmed === 1, 'the confirmation');
    expect(missing).toEqual([['offline-1']]);

    // A second connection's view of the server: it has the note now.
    const other = new Y.Doc();
    const reader = new WebsocketProvider(
      harness.collabUrl(server.url),
      `${facilitator.workshop.id}/${boardDocKey(PLENARY_BOARD)}`,
      other,
      {
        ...authOptions(() => facilitator.token, WebSocketPolyfill),
        disableBc: true,
      },
    );
    await harness.waitFor(() => other.getMap('notes').has('offline-1'), 'the note on the server');
    // Reconnecting: the server's state now covers ours, nothing is reported missing.
    provider.disconnect();
    provider.connect();
    await harness.waitFor(() => missing.length === 2, 'the state vector of the second join');
    expect(missing[1]).toEqual([]);
    watch.stop();
    reader.destroy();
    provider.destroy();
  });
});
