import { describe, expect, it } from 'vitest';
import { agendaTotal, buildAgenda } from '@dmc/shared/domain/schedule';
import { DEFAULT_READING_LIST } from '@dmc/shared/protocol/api';
import {
  addEntry,
  addReading,
  agendaEntriesOf,
  removeEntry,
  updateEntry,
  agendaMinutesOf,
  hasProblems,
  moveReading,
  parseMinutes,
  preparationChanges,
  problemsOf,
  readingListOf,
  removeReading,
  samePreparation,
  setMinutes,
  updateReading,
  valuesFrom,
  type SavedPreparation,
} from './preparationDraft';

const saved: SavedPreparation = {
  date: '',
  startTime: '',
  agendaMinutes: { actions: 30 },
  agendaEntries: [],
  readingList: DEFAULT_READING_LIST,
  practicalNotes: '',
};

describe('the preparation form', () => {
  it('starts from what is saved, with minutes for every phase on the agenda', () => {
    const values = valuesFrom(saved);
    expect(values.minutes.welcome).toBe('20');
    expect(values.minutes.actions).toBe('30');
    expect(values.minutes.open).toBeUndefined();
    expect(values.readings.map((r) => r.title)).toEqual(DEFAULT_READING_LIST.map((r) => r.title));
    expect(new Set(values.readings.map((r) => r.key)).size).toBe(3);
    expect(preparationChanges(values, saved)).toEqual({});
  });

  it('sends only what changed, and of the agenda only the minutes that differ from the suggestion', () => {
    let values = valuesFrom(saved);
    values = { ...values, date: '2026-12-10', startTime: '13:30' };
    values = setMinutes(values, 'vel1-write', '20');
    values = setMinutes(values, 'actions', '25'); // back to the suggestion
    expect(preparationChanges(values, saved)).toEqual({
      date: '2026-12-10',
      startTime: '13:30',
      agendaMinutes: { 'vel1-write': 20 },
    });
    // The agenda the invitation shows follows the form at once.
    const minutes = agendaMinutesOf(values);
    expect(agendaTotal(minutes)).toBe(220);
    expect(buildAgenda(values.startTime, minutes).find((s) => s.phaseId === 'vel1-write')).toMatchObject({
      start: '13:50',
      end: '14:10',
    });
  });

  it('parses typed minutes strictly', () => {
    expect(parseMinutes(' 25 ')).toBe(25);
    expect(parseMinutes('0')).toBe(0);
    expect(parseMinutes('600')).toBe(600);
    expect(parseMinutes('601')).toBeNull();
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('1,5')).toBeNull();
    expect(parseMinutes('-5')).toBeNull();
  });

  it('reports a phase with minutes that are not a number, and keeps the suggestion for it', () => {
    const values = setMinutes(valuesFrom(saved), 'welcome', 'twintig');
    const problems = problemsOf(values);
    expect(problems.minutes).toEqual(['welcome']);
    expect(hasProblems(problems)).toBe(true);
    expect(agendaMinutesOf(values).welcome).toBeUndefined();
  });

  it('adds, edits, reorders and removes reading entries', () => {
    let values = addReading(valuesFrom(saved), 'new');
    values = updateReading(values, 'new', {
      title: '  Ons beleidsplan  ',
      url: 'https://intranet.example.nl/beleid.pdf',
    });
    values = moveReading(values, 'new', -1);
    expect(values.readings.map((r) => r.key).indexOf('new')).toBe(2);
    const first = values.readings[0]?.key ?? '';
    expect(moveReading(values, first, -1)).toBe(values);
    values = removeReading(values, first);
    expect(readingListOf(values)).toEqual([
      { title: DEFAULT_READING_LIST[1]?.title, url: DEFAULT_READING_LIST[1]?.url },
      { title: 'Ons beleidsplan', url: 'https://intranet.example.nl/beleid.pdf' },
      { title: DEFAULT_READING_LIST[2]?.title, url: DEFAULT_READING_LIST[2]?.url },
    ]);
    expect(preparationChanges(values, saved).readingList).toHaveLength(3);
  });

  it('drops an empty new entry, but wants a title for a link and a web address for a link', () => {
    let values = addReading(valuesFrom(saved), 'empty');
    expect(hasProblems(problemsOf(values))).toBe(false);
    expect(preparationChanges(values, saved)).toEqual({});
    values = updateReading(values, 'empty', { url: 'intranet/beleid.pdf' });
    expect(problemsOf(values).readings.empty).toEqual({ title: 'required', url: 'invalid' });
    values = updateReading(values, 'empty', { title: 'Beleid', url: 'http://intranet.example.nl/beleid.pdf' });
    expect(problemsOf(values).readings.empty).toBeUndefined();
  });

  it('says when there are more than 20 readings', () => {
    let values = valuesFrom({ ...saved, readingList: [] });
    for (let i = 0; i < 21; i++) values = updateReading(addReading(values, `k${i}`), `k${i}`, { title: `Stuk ${i}` });
    expect(problemsOf(values).tooManyReadings).toBe(true);
  });

  it('reports an impossible start time', () => {
    expect(problemsOf({ ...valuesFrom(saved), startTime: '25:00' }).startTime).toBe('invalid');
    expect(problemsOf({ ...valuesFrom(saved), startTime: '' }).startTime).toBeUndefined();
  });

  it('compares saved states by content', () => {
    expect(samePreparation(saved, { ...saved, agendaMinutes: { actions: 30, welcome: 20 } })).toBe(true);
    expect(samePreparation(saved, { ...saved, readingList: [] })).toBe(false);
  });
});

describe('own agenda items in the form', () => {
  it('adds a break after a phase, sends it, and shows it in the agenda', () => {
    const values = addEntry(
      { ...valuesFrom(saved), startTime: '13:30' },
      { kind: 'break', label: 'Pauze', minutes: 15, after: 'vel1-discuss' },
      'p1',
    );
    const entry = { id: 'p1', kind: 'break', label: 'Pauze', minutes: 15, after: 'vel1-discuss' };
    expect(preparationChanges(values, saved)).toEqual({ startTime: '13:30', agendaEntries: [entry] });
    const slot = buildAgenda(values.startTime, agendaMinutesOf(values), agendaEntriesOf(values)).find(
      (s) => s.entry?.id === 'p1',
    );
    expect(slot).toMatchObject({ start: '14:35', end: '14:50' });
    // Saved, the same item is no change any more, whatever order its keys come in.
    const after = {
      ...saved,
      startTime: '13:30',
      agendaEntries: [
        { after: 'vel1-discuss' as const, minutes: 15, label: 'Pauze', kind: 'break' as const, id: 'p1' },
      ],
    };
    expect(preparationChanges(values, after)).toEqual({});
    expect(samePreparation(after, { ...after, agendaEntries: [entry as never] })).toBe(true);
    expect(valuesFrom(after).entries).toEqual([
      { key: 'p1', kind: 'break', label: 'Pauze', minutes: '15', after: 'vel1-discuss' },
    ]);
  });

  it('names what is wrong with an item and does not send it', () => {
    let values = addEntry(valuesFrom(saved), { kind: 'item', label: 'Bestuur', minutes: 10, after: 'actions' }, 'b1');
    values = updateEntry(values, 'b1', { label: '  ', minutes: '0' });
    expect(problemsOf(values).entries).toEqual({ b1: { label: 'required', minutes: 'invalid' } });
    expect(hasProblems(problemsOf(values))).toBe(true);
    expect(agendaEntriesOf(values)).toEqual([]);
    expect(hasProblems(problemsOf(removeEntry(values, 'b1')))).toBe(false);
    expect(hasProblems(problemsOf(updateEntry(values, 'b1', { minutes: '181', label: 'x' })))).toBe(true);
  });

  it('allows at most 12 items', () => {
    let values = valuesFrom(saved);
    for (let i = 0; i < 13; i++)
      values = addEntry(values, { kind: 'break', label: 'Pauze', minutes: 5, after: 'welcome' }, `p${i}`);
    expect(problemsOf(values).tooManyEntries).toBe(true);
  });
});
