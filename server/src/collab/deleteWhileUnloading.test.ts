import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import {
  InterceptedDocuments,
  connectBoard,
  createWorkshop,
  joinWorkshop,
  persistedNote,
  startServerWithDocuments,
  waitFor,
} from '../testing/harness';
import { cleanupAfterEach } from '../testing/cleanup';

/** The embedded document store, but a board's compaction waits until the test opens the gate. */
class GatedCompaction extends InterceptedDocuments {
  private openGate: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.openGate = resolve));
  private reachGate: () => void = () => undefined;
  /** Resolves when a board's compaction waits at the gate. */
  readonly waiting = new Promise<void>((resolve) => (this.reachGate = resolve));
  private released = false;
  /** Whether the workshop's documents were deleted while a board was still waiting to be written. */
  deletedWhileWriting: boolean | null = null;

  protected override async compact(docKey: string, write: () => void | Promise<void>): Promise<void> {
    if (docKey.startsWith('board-')) {
      this.reachGate();
      await this.gate;
    }
    await write();
  }

  release(): void {
    this.released = true;
    this.openGate();
  }

  override deleteWorkshop(workshopId: string): Promise<void> {
    this.deletedWhileWriting = !this.released;
    // Let the held compaction go on, so that a removal that did not wait still ends.
    this.release();
    return this.inner.deleteWorkshop(workshopId);
  }
}

describe('deleting a workshop while one of its documents is being unloaded', () => {
  const cleanup = cleanupAfterEach();

  it('waits for the idle document to be written, then leaves nothing of it on disk', async () => {
    const { server, documents } = await startServerWithDocuments((embedded) => new GatedCompaction(embedded), {
      idleUnloadMs: 20,
    });
    cleanup(() => server.close());
    const workshop = await createWorkshop(server.url);
    const piet = await joinWorkshop(server.url, workshop.workshop.code, 'Piet');
    const board = connectBoard(server.url, piet);
    await board.synced();
    addNote(board.doc, persistedNote('n1', piet.participant.id));
    const folder = path.join(server.dataDir, 'workshops', workshop.workshop.id);
    const room = () => server.collab.loadedRoom(workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    await waitFor(() => readNotes(room()?.doc ?? new Y.Doc()).length === 1, 'the server to store the note');
    // The last person leaves: the board goes idle and its compaction starts (and waits).
    board.destroy();
    await documents.waiting;

    const removed = server.workshops.remove(workshop.workshop.id);
    // Round trips to the server while the board is held: time enough for a removal that does not
    // wait for it to delete the documents (then it releases the board itself).
    for (let i = 0; i < 20 && documents.deletedWhileWriting === null; i++) await fetch(`${server.url}/api/health`);
    documents.release();
    await removed;

    expect(documents.deletedWhileWriting).toBe(false);
    expect(fs.existsSync(folder)).toBe(false);
  });
});
