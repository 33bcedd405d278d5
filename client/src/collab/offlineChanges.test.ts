import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, BOARD_COLLECTIONS, deleteNote, readNotes, setNoteText } from '@dmc/shared/doc/board';
import { readMarks, setMark } from '@dmc/shared/doc/discussion';
import { putAction, SYNTHESIS_COLLECTIONS } from '@dmc/shared/doc/synthesis';
import { checkSynthesisChanges } from '@dmc/shared/domain/synthesisRules';
import { LOCAL_ORIGIN } from '@dmc/shared/doc/origins';
import type { WorkshopState } from '@dmc/shared/domain/permissions';
import { offlineChanges } from './offlineChanges';
import { newAction } from '@dmc/shared/domain/actionItems';
import { replay, unsavedItems, type ReplayContext } from './offlineReplay';

const note = (id: string, authorId: string, text = id) => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 10,
  y: 10,
  color: 'yellow' as const,
  text,
  authorId,
});

/** The server's copy and a client that synced with it, then went offline. */
function offlinePair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const syncClient = () => Y.applyUpdate(client, Y.encodeStateAsUpdate(server), 'remote');
  /** A new copy synced from the server, as after a rebuild. */
  const fresh = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), 'remote');
    return doc;
  };
  return { server, client, syncClient, fresh };
}

const state = (phaseId: WorkshopState['phaseId']): WorkshopState => ({
  phaseId,
  hasGroups: false,
  closed: false,
  spotlightGroupId: null,
});
const ctx = (phaseId: WorkshopState['phaseId'], kind: 'board' | 'draft' = 'board'): ReplayContext => ({
  actor: { id: 'anna', role: 'participant' },
  boardId: kind === 'board' ? 'plenary' : 'anna',
  kind,
  state: state(phaseId),
  membership: { groupId: null },
  dotsPerPerson: 3,
});

describe('offlineChanges: my own changes the server does not have', () => {
  it('finds ten offline notes and a mark, and nothing of what others did meanwhile', () => {
    const { server, client, syncClient, fresh } = offlinePair();
    addNote(server, note('theirs', 'bram'), 'remote');
    addNote(server, note('stays', 'bram'), 'remote');
    syncClient();
    for (let i = 0; i < 10; i++) addNote(client, note(`n${i}`, 'anna', `offline ${i}`));
    setMark(client, 'theirs', 'anna', 'agree');
    // Meanwhile on the server: the marked note is deleted, another note is added.
    deleteNote(server, 'theirs', 'remote');
    addNote(server, note('new', 'bram'), 'remote');

    const { changes, lost } = offlineChanges(client, fresh(), BOARD_COLLECTIONS);
    expect(changes.filter((c) => c.collection === 'notes').map((c) => [c.type, c.id])).toEqual(
      Array.from({ length: 10 }, (_, i) => ['add', `n${i}`]),
    );
    expect(changes.filter((c) => c.collection === 'marks').map((c) => c.type)).toEqual(['add']);
    expect(lost).toEqual([]);
  });

  it('replays the valid part and leaves out the mark on the deleted note', () => {
    const { server, client, syncClient, fresh } = offlinePair();
    addNote(server, note('theirs', 'bram'), 'remote');
    syncClient();
    for (let i = 0; i < 10; i++) addNote(client, note(`n${i}`, 'anna', `offline ${i}`));
    setMark(client, 'theirs', 'anna', 'agree');
    deleteNote(server, 'theirs', 'remote');

    const doc = fresh();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const { changes } = offlineChanges(client, doc, BOARD_COLLECTIONS);
    const outcome = replay(doc, changes, ctx('open'), LOCAL_ORIGIN, null);
    expect(outcome.sent).toHaveLength(10);
    expect(outcome.refused.map((c) => c.collection)).toEqual(['marks']);
    // One update per change: the server can accept each on its own.
    expect(updates).toHaveLength(10);
    for (const update of updates) Y.applyUpdate(server, update, 'client');
    expect(
      readNotes(server)
        .map((n) => n.text)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `offline ${i}`).sort());
    expect(readMarks(server)).toEqual([]);
    // A mark carries no text: counted, not listed.
    expect(unsavedItems(outcome.refused, [], 'plenary')).toEqual({ items: [], dropped: 1 });
  });

  it('gives back notes the phase no longer lets me place, with their text', () => {
    const { client, syncClient, fresh } = offlinePair();
    syncClient();
    addNote(client, note('a', 'anna', 'Eerste gedachte'));
    addNote(client, note('b', 'anna', 'Tweede gedachte'));
    const doc = fresh();
    const outcome = replay(
      doc,
      offlineChanges(client, doc, BOARD_COLLECTIONS).changes,
      ctx('synthesis'),
      LOCAL_ORIGIN,
      null,
    );
    expect(outcome.sent).toEqual([]);
    const { items } = unsavedItems(outcome.refused, [], 'plenary');
    expect(items.map((i) => [i.kind, i.text, i.fieldId])).toEqual([
      ['note', 'Eerste gedachte', 'doel'],
      ['note', 'Tweede gedachte', 'doel'],
    ]);
  });

  it('gives back private notes when silent writing is over (drafts)', () => {
    const { client, syncClient, fresh } = offlinePair();
    syncClient();
    addNote(client, note('p', 'anna', 'Stil geschreven'));
    const doc = fresh();
    expect(
      replay(doc, offlineChanges(client, doc, ['notes']).changes, ctx('vel1-write', 'draft'), LOCAL_ORIGIN, null).sent,
    ).toEqual(['notes/p']);
    const later = fresh();
    const outcome = replay(
      later,
      offlineChanges(client, later, ['notes']).changes,
      ctx('vel1-discuss', 'draft'),
      LOCAL_ORIGIN,
      null,
    );
    expect(outcome.sent).toEqual([]);
    expect(unsavedItems(outcome.refused, [], 'anna').items.map((i) => i.text)).toEqual(['Stil geschreven']);
  });

  it("keeps only the properties I changed, so others' edits of the same note survive", () => {
    const { server, client, syncClient, fresh } = offlinePair();
    addNote(server, note('mine', 'anna', 'oud'), 'remote');
    syncClient();
    setNoteText(client, 'mine', 'nieuw');
    server.transact(() => (server.getMap('notes').get('mine') as Y.Map<unknown>).set('color', 'blue'), 'remote');
    const { changes } = offlineChanges(client, fresh(), BOARD_COLLECTIONS);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change?.type === 'update' && change.keys).toEqual(['text']);
    expect(change?.type === 'update' && change.after.color).toBe('blue');
  });

  it('reports an edit of a note someone deleted meanwhile as lost, with my text', () => {
    const { server, client, syncClient, fresh } = offlinePair();
    addNote(server, note('mine', 'anna', 'oud'), 'remote');
    syncClient();
    setNoteText(client, 'mine', 'wat ik typte');
    deleteNote(server, 'mine', 'remote');
    const { changes, lost } = offlineChanges(client, fresh(), BOARD_COLLECTIONS);
    expect(changes).toEqual([]);
    expect(unsavedItems([], lost, 'plenary').items.map((i) => i.text)).toEqual(['wat ik typte']);
  });

  it('finds my deletions, and nothing when everything is already on the server', () => {
    const { server, client, syncClient, fresh } = offlinePair();
    addNote(server, note('mine', 'anna'), 'remote');
    syncClient();
    expect(offlineChanges(client, fresh(), BOARD_COLLECTIONS).changes).toEqual([]);
    deleteNote(client, 'mine');
    expect(offlineChanges(client, fresh(), BOARD_COLLECTIONS).changes.map((c) => [c.type, c.id])).toEqual([
      ['remove', 'mine'],
    ]);
  });

  it('drops the change the server refused in the previous round, so rounds always end', () => {
    const { server, client, syncClient, fresh } = offlinePair();
    syncClient();
    addNote(client, note('a', 'anna'));
    addNote(client, note('b', 'anna'));
    addNote(client, note('c', 'anna'));
    const first = fresh();
    const updates: Uint8Array[] = [];
    first.on('update', (update: Uint8Array) => updates.push(update));
    const round1 = replay(
      first,
      offlineChanges(client, first, BOARD_COLLECTIONS).changes,
      ctx('open'),
      LOCAL_ORIGIN,
      null,
    );
    expect(round1.sent).toEqual(['notes/a', 'notes/b', 'notes/c']);
    // The server took 'a' and refused 'b' (a race the rules could not see); 'c' was never read.
    Y.applyUpdate(server, updates[0] as Uint8Array, 'client');
    const second = fresh();
    const round2 = replay(
      second,
      offlineChanges(first, second, BOARD_COLLECTIONS).changes,
      ctx('open'),
      LOCAL_ORIGIN,
      round1.sent,
    );
    expect(round2.refused.map((c) => c.id)).toEqual(['b']);
    expect(round2.sent).toEqual(['notes/c']);
  });

  it('gives back an action typed offline in the synthesis once the plenary may no longer edit', () => {
    const { client, syncClient, fresh } = offlinePair();
    syncClient();
    const now = 1_700_000_000_000;
    putAction(
      client,
      newAction('Privacyreglement opstellen', { sourceKind: 'direct' }, { id: 'act1', createdBy: 'anna', now }),
    );
    const doc = fresh();
    const actor = { id: 'anna', role: 'participant' as const };
    const allowedWhile =
      (mayEdit: boolean) => (_doc: Y.Doc, change: Parameters<typeof checkSynthesisChanges>[1][number]) =>
        checkSynthesisChanges(actor, [change], mayEdit) === null;
    const changes = offlineChanges(client, doc, SYNTHESIS_COLLECTIONS).changes;
    expect(replay(fresh(), changes, allowedWhile(true), LOCAL_ORIGIN, null).sent).toEqual(['actions/act1']);
    const outcome = replay(doc, changes, allowedWhile(false), LOCAL_ORIGIN, null);
    expect(unsavedItems(outcome.refused, [], 'plenary').items.map((i) => [i.kind, i.text])).toEqual([
      ['action', 'Privacyreglement opstellen'],
    ]);
  });
});
