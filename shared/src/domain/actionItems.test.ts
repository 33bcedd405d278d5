import { describe, expect, it } from 'vitest';
import {
  actionFromCard,
  matchOwner,
  actionItemSchema,
  filterActions,
  sortActions,
  type ActionItem,
} from './actionItems';
import { ACTION_SOURCE_LABELS, actionFromDeferral, actionFromNote } from './actionTexts';
import type { Deferral } from './discussion';
import type { Note } from './note';

const base: ActionItem = {
  id: 'a1',
  what: 'Uitzoeken welke data in Canvas beschikbaar zijn',
  who: 'Marieke (ICTO)',
  whoParticipantId: null,
  when: '2025-05-01',
  status: 'open',
  sourceKind: 'direct',
  sourceGroupId: null,
  sourceFieldId: 'data',
  sourceNoteId: null,
  sourceDeferralId: null,
  createdBy: 'p1',
  createdAt: 1000,
  updatedAt: 1000,
};

const action = (overrides: Partial<ActionItem>): ActionItem => ({ ...base, ...overrides });

describe('action item schema', () => {
  it('accepts a complete action and an undated one', () => {
    expect(actionItemSchema.safeParse(base).success).toBe(true);
    expect(actionItemSchema.safeParse(action({ when: '', who: '' })).success).toBe(true);
  });

  it.each([
    ['an empty what', { what: '' }],
    ['a what over 500 characters', { what: 'x'.repeat(501) }],
    ['a who over 120 characters', { who: 'x'.repeat(121) }],
    ['a date with a time', { when: '2025-05-01T10:00' }],
    ['an impossible date', { when: '2025-02-30' }],
    ['a Dutch-style date', { when: '01-05-2025' }],
    ['an unknown status', { status: 'blocked' }],
    ['an unknown source kind', { sourceKind: 'email' }],
    ['an id with a space', { id: 'a 1' }],
    ['a fractional timestamp', { createdAt: 1.5 }],
  ])('refuses %s', (_, overrides) => {
    expect(actionItemSchema.safeParse({ ...base, ...overrides }).success).toBe(false);
  });

  it('refuses unknown keys and nested objects (records stay flat)', () => {
    expect(actionItemSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(actionItemSchema.safeParse({ ...base, source: { kind: 'note' } }).success).toBe(false);
  });
});

describe('sorting actions', () => {
  const items = [
    action({ id: 'x', when: '2025-06-01', who: 'Bram', status: 'done', sourceFieldId: 'privacy', createdAt: 3 }),
    action({ id: 'y', when: '', who: '', status: 'open', sourceFieldId: null, createdAt: 1 }),
    action({ id: 'z', when: '2025-04-15', who: 'émile', status: 'doing', sourceFieldId: 'data', createdAt: 2 }),
    action({ id: 'w', when: '2025-04-15', who: 'anna', status: 'open', sourceFieldId: 'doel', createdAt: 4 }),
  ];
  const ids = (list: readonly ActionItem[]): string[] => list.map((a) => a.id);

  it('puts actions without a date last in both directions', () => {
    expect(ids(sortActions(items, 'when', 'asc'))).toEqual(['z', 'w', 'x', 'y']);
    expect(ids(sortActions(items, 'when', 'desc'))).toEqual(['x', 'z', 'w', 'y']);
  });

  it('sorts "who" alphabetically ignoring case and accents, empty last', () => {
    expect(ids(sortActions(items, 'who'))).toEqual(['w', 'x', 'z', 'y']);
    expect(ids(sortActions(items, 'who', 'desc'))).toEqual(['z', 'x', 'w', 'y']);
  });

  it('sorts by field, status in workflow order, and creation time', () => {
    expect(ids(sortActions(items, 'field'))).toEqual(['z', 'w', 'x', 'y']);
    expect(ids(sortActions(items, 'status'))).toEqual(['y', 'w', 'z', 'x']);
    expect(ids(sortActions(items, 'created', 'desc'))).toEqual(['w', 'x', 'z', 'y']);
  });

  it('does not change its input', () => {
    const before = ids(items);
    sortActions(items, 'when');
    expect(ids(items)).toEqual(before);
  });
});

describe('filtering actions', () => {
  const items = [
    action({
      id: 'a',
      who: 'Émile de Vries',
      whoParticipantId: 'p7',
      when: '2025-04-01',
      status: 'open',
      sourceFieldId: 'data',
    }),
    action({ id: 'b', who: 'CvB-secretaris', when: '2025-05-01', status: 'doing', sourceFieldId: 'commitment-cvb' }),
    action({ id: 'c', who: '', when: '', status: 'done', sourceFieldId: 'data' }),
  ];
  const ids = (list: readonly ActionItem[]): string[] => list.map((a) => a.id);

  it('matches "who" by participant id or by text, without regard to case or accents', () => {
    expect(ids(filterActions(items, { who: 'p7' }))).toEqual(['a']);
    expect(ids(filterActions(items, { who: 'emile' }))).toEqual(['a']);
    expect(ids(filterActions(items, { who: 'cvb' }))).toEqual(['b']);
  });

  it('filters by field, one or more statuses, and an inclusive date range', () => {
    expect(ids(filterActions(items, { fieldId: 'data' }))).toEqual(['a', 'c']);
    expect(ids(filterActions(items, { status: 'done' }))).toEqual(['c']);
    expect(ids(filterActions(items, { status: ['open', 'doing'] }))).toEqual(['a', 'b']);
    expect(ids(filterActions(items, { from: '2025-04-01', to: '2025-04-30' }))).toEqual(['a']);
    expect(ids(filterActions(items, { from: '2025-04-02' }))).toEqual(['b']);
    expect(ids(filterActions(items, {}))).toEqual(['a', 'b', 'c']);
  });
});

const deferral: Deferral = {
  id: 'd1',
  sheetId: 'vel2',
  fieldId: 'data',
  noteId: 'n5',
  question: 'Welke data\nhouden docenten zelf bij in Excel?',
  findOut: 'welke bronnen er naast het LMS zijn',
  askWhom: 'de opleidingscoördinatoren',
  owner: 'Karianne',
  createdBy: 'p2',
  createdAt: 500,
};

const context = { id: 'act-1', createdBy: 'f1', now: 9000, locale: 'nl' as const };

describe('actions from deferred questions and notes', () => {
  it('composes a Dutch action: what to find out, whom to ask, the question', () => {
    const made = actionFromDeferral(deferral, 'g1', context);
    expect(made.what).toBe(
      'Uitzoeken: welke bronnen er naast het LMS zijn — navragen bij de opleidingscoördinatoren (vraag: Welke data houden docenten zelf bij in Excel?)',
    );
    expect(made).toMatchObject({
      who: 'Karianne',
      status: 'open',
      when: '',
      sourceKind: 'deferral',
      sourceGroupId: 'g1',
      sourceFieldId: 'data',
      sourceNoteId: 'n5',
      sourceDeferralId: 'd1',
      createdAt: 9000,
      updatedAt: 9000,
    });
    expect(actionItemSchema.safeParse(made).success).toBe(true);
  });

  it('composes in English, and answers the question itself when nothing else was written', () => {
    const made = actionFromDeferral({ ...deferral, findOut: '', askWhom: '' }, null, { ...context, locale: 'en' });
    expect(made.what).toBe('Answer: Welke data houden docenten zelf bij in Excel?');
    const english = actionFromDeferral(deferral, null, { ...context, locale: 'en' });
    expect(
      english.what.startsWith(
        'Find out: welke bronnen er naast het LMS zijn — ask de opleidingscoördinatoren (question: ',
      ),
    ).toBe(true);
  });

  it('stays valid for the longest allowed deferral and an empty one', () => {
    const long = 'é'.repeat(500);
    const made = actionFromDeferral(
      { ...deferral, question: long, findOut: long, askWhom: long, owner: 'x'.repeat(120) },
      null,
      context,
    );
    expect(actionItemSchema.safeParse(made).success).toBe(true);
    expect(made.what.endsWith('…')).toBe(true);
    const emoji = actionFromDeferral(
      { ...deferral, findOut: '🙂'.repeat(250), question: '', askWhom: '' },
      null,
      context,
    );
    expect(actionItemSchema.safeParse(emoji).success).toBe(true);
    expect(emoji.what).not.toMatch(/[\uD800-\uDBFF]…$/);
    const empty = actionFromDeferral({ ...deferral, question: '', findOut: '', askWhom: '', owner: '' }, null, context);
    expect(actionItemSchema.safeParse(empty).success).toBe(true);
  });

  it('turns a note into an action that points back to it', () => {
    const note: Note = {
      id: 'n9',
      sheetId: 'vel2',
      fieldId: 'stakeholders',
      x: 0,
      y: 0,
      color: 'yellow',
      text: '  Studentenraad\nbetrekken  ',
      authorId: 'p3',
      createdAt: 1,
      z: 0,
    };
    const made = actionFromNote(note, 'g2', context);
    expect(made).toMatchObject({
      what: 'Studentenraad betrekken',
      sourceKind: 'note',
      sourceNoteId: 'n9',
      sourceFieldId: 'stakeholders',
      sourceGroupId: 'g2',
    });
    expect(actionItemSchema.safeParse(made).success).toBe(true);
    expect(actionFromNote({ ...note, text: ' ' }, null, { ...context, locale: 'en' }).what).toBe('(empty note)');
  });
});

describe('actions from inspiration cards', () => {
  const context = { id: 'a7', createdBy: 'fac', now: 5000, locale: 'nl' as const };

  it('makes an action that says it came from an inspiration card, and which one', () => {
    const made = actionFromCard({ id: 'sd-07', text: '  Welke data\nheb je nodig? ' }, context);
    expect(made).toMatchObject({
      what: 'Welke data heb je nodig?',
      sourceKind: 'card',
      sourceCardId: 'sd-07',
      sourceGroupId: null,
      sourceFieldId: null,
      createdBy: 'fac',
      createdAt: 5000,
    });
    expect(actionItemSchema.safeParse(made).success).toBe(true);
    expect(actionFromCard({ id: 'sd-07', text: '  ' }, context)).toBeNull();
    expect(ACTION_SOURCE_LABELS.card).toEqual({ nl: 'Inspiratiekaart', en: 'Inspiration card' });
  });

  it('keeps older records valid: the card id is optional and may be null', () => {
    expect(actionItemSchema.safeParse(base).success).toBe(true);
    expect(actionItemSchema.safeParse({ ...base, sourceCardId: null }).success).toBe(true);
    expect(actionItemSchema.safeParse({ ...base, sourceKind: 'card', sourceCardId: 'sd-07' }).success).toBe(true);
    expect(actionItemSchema.safeParse({ ...base, sourceCardId: 'kaart 7' }).success).toBe(false);
  });
});

describe('owners picked from the participants (issue 11, bug 6)', () => {
  const members = [
    { id: 'p1', name: 'Karianne' },
    { id: 'p2', name: 'Marloes T.' },
    { id: 'p3', name: 'Ahmed' },
    { id: 'p4', name: 'Ahmed' },
  ];

  it('links a typed name to the one participant it names, ignoring case, accents and spaces', () => {
    expect(matchOwner('  marloes   t. ', members)).toEqual({ who: 'marloes t.', whoParticipantId: 'p2' });
    expect(matchOwner('Karíanne', members)).toEqual({ who: 'Karíanne', whoParticipantId: 'p1' });
  });

  it('keeps free text, and a name two people share, unlinked', () => {
    expect(matchOwner('De opleidingscommissie', members)).toEqual({
      who: 'De opleidingscommissie',
      whoParticipantId: null,
    });
    expect(matchOwner('Ahmed', members).whoParticipantId).toBeNull();
    expect(matchOwner('   ', members)).toEqual({ who: '', whoParticipantId: null });
  });

  it("links a deferral's owner to the participant when the action is taken over", () => {
    expect(actionFromDeferral(deferral, 'g1', { ...context, members })).toMatchObject({
      who: 'Karianne',
      whoParticipantId: 'p1',
    });
    expect(actionFromDeferral(deferral, 'g1', context).whoParticipantId).toBeNull();
  });
});
