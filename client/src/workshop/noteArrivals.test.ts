import { beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { loadCatalogue } from '../i18n';
import { arrivalText, NoteArrivals, type ArrivalBatch } from './noteArrivals';

// The app fetches English when it is first wanted; these tests read it directly.
beforeAll(() => loadCatalogue('en'));

const note = (id: string, authorId: string, fieldId: string | null = 'doel'): Note => ({
  id,
  sheetId: 'vel1',
  fieldId,
  x: 0,
  y: 0,
  color: 'yellow',
  text: id,
  authorId,
  createdAt: 1,
  z: 1,
});

/** A tracker whose timer the test fires by hand: no waiting, no clock. */
function tracker() {
  const batches: ArrivalBatch[] = [];
  const timers: Array<{ callback: () => void; cancelled: boolean }> = [];
  const arrivals = new NoteArrivals(
    (batch) => batches.push(batch),
    (callback) => {
      const timer = { callback, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  );
  const fire = () => {
    const live = timers.filter((t) => !t.cancelled);
    timers.length = 0;
    for (const t of live) t.callback();
  };
  return { arrivals, batches, timers, fire };
}

const look = (arrivals: NoteArrivals, notes: Note[], boardId = 'g1', loaded = true) =>
  arrivals.observe({ boardId, loaded, notes, meId: 'me' });

describe('announcing others’ new notes', () => {
  it('treats the notes of a freshly synced board as the starting point, not as news', () => {
    const { arrivals, timers } = tracker();
    look(arrivals, [], 'g1', false);
    look(arrivals, [note('a', 'anna'), note('b', 'bram')]);
    expect(timers).toHaveLength(0);
  });

  it('gathers notes that arrive one after another into one announcement per field', () => {
    const { arrivals, batches, timers, fire } = tracker();
    look(arrivals, []);
    const notes: Note[] = [];
    for (const [id, field] of [
      ['n1', 'doel'],
      ['n2', 'doel'],
      ['n3', 'doelgroep'],
      ['n4', 'doel'],
    ] as const) {
      notes.push(note(id, 'anna', field));
      look(arrivals, [...notes]);
    }
    // One timer for the whole batch, not one per note.
    expect(timers).toHaveLength(1);
    expect(batches).toHaveLength(0);
    fire();
    expect(batches).toEqual([
      new Map([
        ['doel', 3],
        ['doelgroep', 1],
      ]),
    ]);
    // Text changes of known notes are no news.
    look(
      arrivals,
      notes.map((n) => ({ ...n, text: `${n.text}!` })),
    );
    expect(timers).toHaveLength(0);
  });

  it('leaves my own notes out, and starts afresh on another board', () => {
    const { arrivals, timers } = tracker();
    look(arrivals, []);
    look(arrivals, [note('mine', 'me')]);
    expect(timers).toHaveLength(0);
    look(arrivals, [note('x', 'anna'), note('y', 'bram')], 'g2');
    expect(timers).toHaveLength(0);
  });

  it('drops what gathered when the board changes before the announcement', () => {
    const { arrivals, batches, fire } = tracker();
    look(arrivals, []);
    look(arrivals, [note('a', 'anna')]);
    look(arrivals, [], 'g2');
    fire();
    expect(batches).toHaveLength(0);
  });

  it('says how many in which field, in the interface language', () => {
    const titleOf = (fieldId: string | null) => (fieldId === 'doel' ? 'DOEL' : 'DOELGROEP');
    const batch = new Map([
      ['doel', 3],
      ['doelgroep', 1],
    ]);
    expect(arrivalText(batch, titleOf, 'nl')).toBe(
      '3 nieuwe notities van anderen in DOEL. 1 nieuwe notitie van anderen in DOELGROEP',
    );
    expect(arrivalText(new Map([['doel', 2]]), titleOf, 'en')).toBe('2 new notes from others in DOEL');
  });
});
