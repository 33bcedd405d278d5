import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_ID, departureMode } from '../domain/departure';
import type { Note } from '../domain/note';
import { newAction, type ActionItem } from '../domain/actionItems';
import { BOARD_SPEC, SYNTHESIS_SPEC, readSnapshot, writeSnapshot } from './registry';
import { forgetInSynthesis, forgetOnBoard, newForgetting, type Departure } from './departure';

const ME = 'me-participant';
const OTHER = 'other-participant';

function note(id: string, authorId: string, text = id): Note {
  return { id, sheetId: 'sheet-1', fieldId: 'doel', x: 10, y: 10, color: 'yellow', text, authorId, createdAt: 1, z: 1 };
}

function action(id: string, createdBy: string, extra: Partial<ActionItem> = {}): ActionItem {
  return { ...newAction(`do ${id}`, { sourceKind: 'direct' }, { id, createdBy, now: 1 }), ...extra };
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  writeSnapshot(doc, BOARD_SPEC, {
    notes: [note('mine', ME, 'my text'), note('theirs', OTHER, 'their text')],
    marks: [
      { noteId: 'theirs', participantId: ME, value: 'agree' },
      { noteId: 'mine', participantId: OTHER, value: 'disagree' },
      { noteId: 'theirs', participantId: OTHER, value: 'open' },
    ],
    votes: [
      { noteId: 'theirs', participantId: ME, slot: 0 },
      { noteId: 'mine', participantId: OTHER, slot: 0 },
      { noteId: 'theirs', participantId: OTHER, slot: 1 },
    ],
    formulations: [
      {
        fieldId: 'doel',
        sheetId: 'sheet-1',
        text: 'agreed',
        sourceNoteIds: ['mine', 'theirs'],
        updatedBy: ME,
        updatedAt: 2,
      },
    ],
    deferrals: [
      {
        id: 'q1',
        sheetId: 'sheet-1',
        fieldId: 'doel',
        noteId: null,
        question: 'my question',
        findOut: '',
        askWhom: '',
        owner: '',
        createdBy: ME,
        createdAt: 3,
      },
    ],
    highlights: [{ noteId: 'mine', by: OTHER }],
    choices: [{ fieldId: 'doel', targetKind: 'note', targetId: 'theirs', by: ME }],
  });
  return doc;
}

const leaving = (mode: Departure['mode']): Departure => ({
  participantId: ME,
  mode,
  pseudonym: 'anonymous-x1',
  name: 'Ada',
});

describe('forgetting a participant who leaves', () => {
  it('remove: their notes, marks, dots and questions go, with what hangs on their notes; others stay', () => {
    const doc = board();
    const tally = newForgetting();
    forgetOnBoard(doc, leaving('remove'), tally);
    const after = readSnapshot(doc, BOARD_SPEC);
    expect(after.notes.map((n) => n.id)).toEqual(['theirs']);
    expect(after.marks).toEqual([{ noteId: 'theirs', participantId: OTHER, value: 'open' }]);
    expect(after.votes).toEqual([{ noteId: 'theirs', participantId: OTHER, slot: 1 }]);
    expect(after.deferrals).toEqual([]);
    expect(after.highlights).toEqual([]);
    // The group's wording and choice stay, no longer in their name, and no longer pointing at their note.
    expect(after.formulations[0]).toMatchObject({ text: 'agreed', updatedBy: ANONYMOUS_ID, sourceNoteIds: ['theirs'] });
    expect(after.choices).toEqual([{ fieldId: 'doel', targetKind: 'note', targetId: 'theirs', by: ANONYMOUS_ID }]);
    expect([...tally.removedNoteIds]).toEqual(['mine']);
    expect(JSON.stringify(after)).not.toContain(ME);
  });

  it('anonymise: everything stays, under the anonymous id; marks and dots under one pseudonym', () => {
    const doc = board();
    forgetOnBoard(doc, leaving('anonymise'), newForgetting());
    const after = readSnapshot(doc, BOARD_SPEC);
    expect(after.notes.find((n) => n.id === 'mine')).toMatchObject({ text: 'my text', authorId: ANONYMOUS_ID });
    expect(after.notes.find((n) => n.id === 'theirs')?.authorId).toBe(OTHER);
    expect(after.marks).toContainEqual({ noteId: 'theirs', participantId: 'anonymous-x1', value: 'agree' });
    expect(after.marks).toHaveLength(3);
    expect(after.votes).toContainEqual({ noteId: 'theirs', participantId: 'anonymous-x1', slot: 0 });
    expect(after.votes).toHaveLength(3);
    expect(after.deferrals[0]).toMatchObject({ question: 'my question', createdBy: ANONYMOUS_ID });
    expect(JSON.stringify(after)).not.toContain(ME);
  });

  it('synthesis: their actions go (remove) or lose their name (anonymise); an action on their name is unlinked', () => {
    const make = () => {
      const doc = new Y.Doc();
      writeSnapshot(doc, SYNTHESIS_SPEC, {
        clusters: [
          { id: 'c1', fieldId: 'doel', itemIds: ['mine'], kind: null, label: 'only mine', updatedBy: OTHER },
          { id: 'c2', fieldId: 'doel', itemIds: ['mine', 'theirs'], kind: 'common', label: 'both', updatedBy: ME },
        ],
        plenaryFormulations: [],
        actions: [
          action('a1', ME),
          action('a2', OTHER, { who: 'Ada', whoParticipantId: ME, sourceNoteId: 'mine' }),
          action('a3', OTHER, { who: 'Bob', whoParticipantId: OTHER }),
        ],
      });
      return doc;
    };
    const removed = make();
    const tally = newForgetting();
    tally.removedNoteIds.add('mine');
    forgetInSynthesis(removed, leaving('remove'), tally);
    const r = readSnapshot(removed, SYNTHESIS_SPEC);
    expect(r.actions.map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(r.actions[0]).toMatchObject({ who: '', whoParticipantId: null, sourceNoteId: null });
    expect(r.clusters).toEqual([
      { id: 'c2', fieldId: 'doel', itemIds: ['theirs'], kind: 'common', label: 'both', updatedBy: ANONYMOUS_ID },
    ]);

    const kept = make();
    forgetInSynthesis(kept, leaving('anonymise'), newForgetting());
    const k = readSnapshot(kept, SYNTHESIS_SPEC);
    expect(k.actions.map((a) => a.createdBy)).toEqual([ANONYMOUS_ID, OTHER, OTHER]);
    expect(k.clusters).toHaveLength(2);
    expect(JSON.stringify(k)).not.toContain(ME);
  });
});

describe('departureMode', () => {
  it('follows the facilitator where the rule is fixed, and the participant under "choose"', () => {
    expect(departureMode('remove', 'anonymise')).toBe('remove');
    expect(departureMode('anonymise', 'remove')).toBe('anonymise');
    expect(departureMode('choose', 'remove')).toBe('remove');
    expect(departureMode('choose', undefined)).toBeNull();
  });
});
