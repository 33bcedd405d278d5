import { describe, expect, it } from 'vitest';
import type { Vote } from '@dmc/shared/domain/discussion';
import { indexDiscussion, votesLeft, voteToTakeBack } from './discussionIndex';

describe('the discussion index', () => {
  const index = indexDiscussion(
    {
      marks: [
        { noteId: 'n1', participantId: 'me', value: 'agree' },
        { noteId: 'n1', participantId: 'bram', value: 'disagree' },
        { noteId: 'n1', participantId: 'cleo', value: 'agree' },
        { noteId: 'n2', participantId: 'bram', value: 'open' },
      ],
      votes: [
        { noteId: 'n1', participantId: 'me', slot: 0 },
        { noteId: 'n1', participantId: 'me', slot: 2 },
        { noteId: 'n2', participantId: 'bram', slot: 0 },
      ],
      formulations: [
        { fieldId: 'doel', sheetId: 'vel1', text: 'Samen', sourceNoteIds: ['n1'], updatedBy: 'me', updatedAt: 1 },
      ],
      deferrals: [
        {
          id: 'd1',
          sheetId: 'vel1',
          fieldId: 'doel',
          noteId: null,
          question: 'Wie?',
          findOut: '',
          askWhom: '',
          owner: '',
          createdBy: 'me',
          createdAt: 1,
        },
      ],
      highlights: [{ noteId: 'n2', by: 'bram' }],
      choices: [],
    },
    'me',
  );

  it('counts marks and dots per note, and knows mine', () => {
    expect(index.byNote.get('n1')).toEqual({
      agree: 2,
      disagree: 1,
      open: 0,
      votes: 2,
      myMark: 'agree',
      myVotes: 2,
      highlighted: false,
    });
    expect(index.byNote.get('n2')).toEqual({
      agree: 0,
      disagree: 0,
      open: 1,
      votes: 1,
      myMark: null,
      myVotes: 0,
      highlighted: true,
    });
  });

  it('finds the wording and open questions of a field', () => {
    expect(index.formulationByField.get('doel')?.text).toBe('Samen');
    expect(index.deferralsByField.get('doel')?.map((d) => d.id)).toEqual(['d1']);
  });

  it('knows how many dots are left and which to take back', () => {
    expect(votesLeft(index.myVotes, 3)).toBe(1);
    // Dots in slots beyond a lowered limit do not count against the new limit.
    const mine: Vote[] = [{ noteId: 'n1', participantId: 'me', slot: 4 }];
    expect(votesLeft(mine, 3)).toBe(3);
    expect(voteToTakeBack(index.myVotes, 'n1')).toBe(2);
    expect(voteToTakeBack(index.myVotes, 'n2')).toBeNull();
  });
});
