import { describe, expect, it } from 'vitest';
import {
  actionFromCard,
  actionItemSchema,
  clampWhat,
  directAction,
  newAction,
  type ActionItem,
} from '@dmc/shared/domain/actionItems';
import { studiedataDeck } from '@dmc/shared/template/studiedataDeck';
import {
  actionSource,
  actionSummary,
  deferralKey,
  deferralText,
  draftActions,
  hasSource,
  isFiltered,
  nextSort,
  ownerFrom,
  takenOver,
  visibleActions,
} from './actionTable';
import { NO_ACTION_FILTER } from './plenarySlice';
import { CARD_MIME, cardFromDrop, cardFromEvent } from '../components/cardDrag';
import { board, deferral, note } from '../plenary/testData.testing';

const action = (id: string, extra: Partial<ActionItem> = {}): ActionItem => ({
  ...newAction(`Actie ${id}`, { sourceKind: 'direct' }, { id, createdBy: 'fac', now: 100 }),
  ...extra,
});

const actions = [
  action('a', { who: 'Marloes T.', when: '2026-03-10', status: 'doing', sourceFieldId: 'doel', createdAt: 1 }),
  action('b', { who: '', when: '2026-02-01', sourceFieldId: 'data', createdAt: 2 }),
  action('c', { who: 'ICTO', whoParticipantId: null, when: '', status: 'done', createdAt: 3 }),
  action('d', { who: 'Ahmed', whoParticipantId: 'p-ahmed', when: '2026-04-01', sourceFieldId: 'doel', createdAt: 4 }),
];
const ids = (list: ActionItem[]) => list.map((a) => a.id);

describe('visibleActions', () => {
  it('sorts by the chosen column; actions without a value come last', () => {
    expect(ids(visibleActions(actions, { key: 'when', dir: 'asc' }, NO_ACTION_FILTER))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(visibleActions(actions, { key: 'when', dir: 'desc' }, NO_ACTION_FILTER))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(visibleActions(actions, { key: 'who', dir: 'asc' }, NO_ACTION_FILTER))).toEqual(['d', 'c', 'a', 'b']);
    expect(ids(visibleActions(actions, { key: 'status', dir: 'asc' }, NO_ACTION_FILTER))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('filters by owner, field, status and dates, and by what is still missing', () => {
    const sort = { key: 'created', dir: 'asc' } as const;
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, who: 'marloes' }))).toEqual(['a']);
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, who: 'p-ahmed' }))).toEqual(['d']);
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, fieldId: 'doel' }))).toEqual(['a', 'd']);
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, status: 'open' }))).toEqual(['b', 'd']);
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, from: '2026-03-01', to: '2026-03-31' }))).toEqual([
      'a',
    ]);
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, missing: 'owner' }))).toEqual(['b']);
    expect(ids(visibleActions(actions, sort, { ...NO_ACTION_FILTER, missing: 'date' }))).toEqual(['c']);
    expect(isFiltered(NO_ACTION_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_ACTION_FILTER, missing: 'date' })).toBe(true);
  });

  it('flips the direction when the same column is pressed again', () => {
    expect(nextSort({ key: 'when', dir: 'asc' }, 'when')).toEqual({ key: 'when', dir: 'desc' });
    expect(nextSort({ key: 'when', dir: 'desc' }, 'who')).toEqual({ key: 'who', dir: 'asc' });
  });
});

describe('actionSummary', () => {
  it('counts actions without owner or date, and per status', () => {
    expect(actionSummary(actions)).toEqual({ total: 4, withoutOwner: 1, withoutDate: 1, open: 2, doing: 1, done: 1 });
  });
});

describe('draft actions from the subgroups', () => {
  const boards = {
    g1: board({
      notes: [note('n1', 'doel', 'Wie beheert de data?')],
      deferrals: [
        deferral('d1', 'doel', 'Wie beheert de data?', {
          findOut: 'Eigenaar Osiris',
          askWhom: 'Functioneel beheer',
          owner: 'Ahmed',
          noteId: 'n1',
        }),
      ],
    }),
    g2: board({ deferrals: [deferral('d1', 'data', 'Mag dit van de AVG?')] }),
  };
  const words = { findOut: 'Uitzoeken', askWhom: 'Spreken met', owner: 'Wie' };

  it('lists every group’s draft actions and knows which were taken over (ids are per board)', () => {
    expect(draftActions(['g1', 'g2', 'g3'], boards).map((d) => deferralKey(d.boardId, d.deferral.id))).toEqual([
      'g1/d1',
      'g2/d1',
    ]);
    const taken = takenOver([action('x', { sourceKind: 'deferral', sourceGroupId: 'g2', sourceDeferralId: 'd1' })]);
    expect(taken.has('g2/d1')).toBe(true);
    expect(taken.has('g1/d1')).toBe(false);
  });

  it('resolves the source of an action to the text on the board', () => {
    const fromDeferral = actionSource(
      action('x', { sourceKind: 'deferral', sourceGroupId: 'g1', sourceFieldId: 'doel', sourceDeferralId: 'd1' }),
      boards,
      words,
    );
    expect(fromDeferral).toEqual({
      kind: 'deferral',
      boardId: 'g1',
      fieldId: 'doel',
      found: true,
      text: 'Wie beheert de data?\nUitzoeken: Eigenaar Osiris\nSpreken met: Functioneel beheer\nWie: Ahmed',
    });
    const fromNote = actionSource(
      action('y', { sourceKind: 'note', sourceGroupId: 'g1', sourceFieldId: 'doel', sourceNoteId: 'n1' }),
      boards,
      words,
    );
    expect(fromNote).toMatchObject({ kind: 'note', found: true, text: 'Wie beheert de data?' });
    expect(
      actionSource(action('z', { sourceKind: 'note', sourceGroupId: 'g2', sourceNoteId: 'gone' }), boards, words),
    ).toMatchObject({ found: false, text: null });
    expect(actionSource(action('w'), boards, words)).toMatchObject({ kind: 'direct', found: false, text: null });
    expect(deferralText({ question: 'Vraag', findOut: '', askWhom: '', owner: '' }, words)).toBe('Vraag');
  });
});

/** A drop's data as the browser hands it over. */
function fakeDrop(type: string, data: string) {
  return { types: [type], getData: (format: string) => (format === type ? data : '') };
}

describe('new actions', () => {
  const context = { id: 'new1', createdBy: 'fac', now: 500, locale: 'nl' as const };

  it('makes a valid plenary action from typed text', () => {
    const made = directAction('  Privacy officer   betrekken ', context);
    expect(made).toMatchObject({
      what: 'Privacy officer betrekken',
      sourceKind: 'direct',
      status: 'open',
      createdBy: 'fac',
    });
    expect(actionItemSchema.safeParse(made).success).toBe(true);
    expect(directAction('   ', context)).toBeNull();
  });

  it('makes an action from a dropped inspiration card, or one handed over from the keyboard, that remembers the card', () => {
    const dropped = cardFromDrop(
      fakeDrop(CARD_MIME, JSON.stringify({ id: 'sd-07', text: 'Welke data heb je nodig?' })),
    );
    expect(dropped).not.toBeNull();
    const made = dropped && actionFromCard(dropped, context);
    expect(made).toMatchObject({ what: 'Welke data heb je nodig?', sourceKind: 'card', sourceCardId: 'sd-07' });
    expect(actionItemSchema.safeParse(made).success).toBe(true);
    // The deck's "Als actie toevoegen" sends the same card in an event.
    expect(cardFromEvent({ id: 'sd-07', text: ' Welke data heb je nodig? ' })).toEqual(dropped);
    expect(cardFromEvent({ text: 'zonder id' })).toBeNull();
    expect(cardFromEvent('sd-07')).toBeNull();
    // In the table it reads "Inspiratiekaart", and its source is the card in the deck.
    expect(made && hasSource(made)).toBe(true);
    const card = studiedataDeck[0];
    if (!card || !made) throw new Error('the deck has no cards');
    const source = actionSource({ ...made, sourceCardId: card.id }, {}, { findOut: '', askWhom: '', owner: '' }, 'en');
    expect(source).toMatchObject({ kind: 'card', found: true, text: card.text.en });
    expect(
      actionSource({ ...made, sourceCardId: 'sd-999' }, {}, { findOut: '', askWhom: '', owner: '' }),
    ).toMatchObject({ found: false, text: null });
  });

  it('keeps a long text within the limit without breaking an emoji', () => {
    const long = `${'a'.repeat(498)}😀😀`;
    const cut = clampWhat(long);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(cut)).toBe(false);
  });

  it('links "who" to a participant when it is exactly one member’s name', () => {
    const members = [
      { id: 'p1', name: 'Marloes T.' },
      { id: 'p2', name: 'Ahmed B.' },
      { id: 'p3', name: 'Ahmed B.' },
    ];
    expect(ownerFrom(' marloes t. ', members)).toEqual({ who: 'marloes t.', whoParticipantId: 'p1' });
    expect(ownerFrom('Ahmed B.', members)).toEqual({ who: 'Ahmed B.', whoParticipantId: null });
    expect(ownerFrom('ICTO', members)).toEqual({ who: 'ICTO', whoParticipantId: null });
  });
});
