import { agendaOverrides, agendaPhases, plannedMinutes, type AgendaMinutes } from '@dmc/shared/domain/schedule';
import type { PhaseId } from '@dmc/shared/domain/phases';
import {
  AGENDA_ENTRY_LABEL_LENGTH,
  MAX_AGENDA_ENTRIES,
  MAX_AGENDA_ENTRY_MINUTES,
  type AgendaEntry,
  type AgendaEntryKind,
} from '@dmc/shared/domain/agenda';
import { newId } from '@dmc/shared/domain/ids';
import type { UpdateWorkshopRequest } from '@dmc/shared/protocol/api';

/**
 * The preparation form as the facilitator edits it: date and start time, minutes per phase,
 * the reading list and the practical notes. Pure: what the form holds, how an edit changes it,
 * what is wrong with it, and which fields a save sends (only those that changed).
 */

/** Limits of the API (see protocol/api.ts), repeated for messages before sending. */
export const MAX_READINGS = 20;
export const MAX_MINUTES = 600;
export const MAX_PRACTICAL_NOTES = 2000;

/** What is saved on the server. */
export interface SavedPreparation {
  readonly date: string;
  readonly startTime: string;
  readonly agendaMinutes: AgendaMinutes;
  /** Own agenda items (breaks and others), in their order. */
  readonly agendaEntries: readonly AgendaEntry[];
  readonly readingList: readonly { readonly title: string; readonly url: string }[];
  readonly practicalNotes: string;
}

/** One own agenda item while editing: its minutes as typed; `key` is its id. */
export interface EntryDraft {
  readonly key: string;
  readonly kind: AgendaEntryKind;
  readonly label: string;
  readonly minutes: string;
  readonly after: PhaseId;
}

/** What is wrong with one own agenda item. */
export interface EntryProblem {
  readonly label?: 'required';
  readonly minutes?: 'invalid';
}

/** One entry of the reading list while editing; `key` keeps React's rows stable. */
export interface ReadingEntry {
  readonly key: string;
  readonly title: string;
  readonly url: string;
}

/** The form's values; minutes are the text typed per phase. */
export interface PreparationValues {
  readonly date: string;
  readonly startTime: string;
  readonly minutes: Readonly<Partial<Record<PhaseId, string>>>;
  readonly entries: readonly EntryDraft[];
  readonly readings: readonly ReadingEntry[];
  readonly practicalNotes: string;
}

/** What is wrong with one reading entry. */
export interface ReadingProblem {
  readonly title?: 'required';
  readonly url?: 'invalid';
}

/** Everything wrong with the form; empty when it can be saved. */
export interface PreparationProblems {
  readonly startTime?: 'invalid';
  readonly minutes: readonly PhaseId[];
  readonly entries: Readonly<Record<string, EntryProblem>>;
  readonly tooManyEntries: boolean;
  readonly readings: Readonly<Record<string, ReadingProblem>>;
  readonly tooManyReadings: boolean;
}

let lastKey = 0;
/** A fresh key for a new reading entry. */
export function newReadingKey(): string {
  lastKey += 1;
  return `r${lastKey}`;
}

/** The form as it starts: the saved values, minutes filled in for every agenda phase. */
export function valuesFrom(saved: SavedPreparation): PreparationValues {
  const minutes: Partial<Record<PhaseId, string>> = {};
  for (const id of agendaPhases()) minutes[id] = String(plannedMinutes(id, saved.agendaMinutes));
  return {
    date: saved.date,
    startTime: saved.startTime,
    minutes,
    entries: saved.agendaEntries.map((e) => ({
      key: e.id,
      kind: e.kind,
      label: e.label,
      minutes: String(e.minutes),
      after: e.after,
    })),
    readings: saved.readingList.map((r) => ({ key: newReadingKey(), title: r.title, url: r.url })),
    practicalNotes: saved.practicalNotes,
  };
}

/** Whole minutes from what was typed (0–600), or null when it is not such a number. */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= MAX_MINUTES ? value : null;
}

/** The planned minutes the form describes (invalid inputs count as the saved value would: the suggestion). */
export function agendaMinutesOf(values: PreparationValues): Partial<Record<PhaseId, number>> {
  const planned: Partial<Record<PhaseId, number>> = {};
  for (const id of agendaPhases()) {
    const parsed = parseMinutes(values.minutes[id] ?? '');
    if (parsed !== null) planned[id] = parsed;
  }
  return agendaOverrides(planned);
}

/** Sets the typed minutes of one phase. */
export function setMinutes(values: PreparationValues, phaseId: PhaseId, text: string): PreparationValues {
  return { ...values, minutes: { ...values.minutes, [phaseId]: text } };
}

/** Whole minutes of an own item from what was typed (1–180), or null. */
export function parseEntryMinutes(text: string): number | null {
  const value = parseMinutes(text);
  return value !== null && value >= 1 && value <= MAX_AGENDA_ENTRY_MINUTES ? value : null;
}

/** Adds an own item after a phase (at the end of the items already there). */
export function addEntry(
  values: PreparationValues,
  item: { kind: AgendaEntryKind; label: string; minutes: number; after: PhaseId },
  key: string = newId(),
): PreparationValues {
  const entry: EntryDraft = {
    key,
    kind: item.kind,
    label: item.label,
    minutes: String(item.minutes),
    after: item.after,
  };
  return { ...values, entries: [...values.entries, entry] };
}

/** Changes one own item. */
export function updateEntry(
  values: PreparationValues,
  key: string,
  change: Partial<Omit<EntryDraft, 'key'>>,
): PreparationValues {
  return { ...values, entries: values.entries.map((e) => (e.key === key ? { ...e, ...change } : e)) };
}

/** Removes an own item. */
export function removeEntry(values: PreparationValues, key: string): PreparationValues {
  return { ...values, entries: values.entries.filter((e) => e.key !== key) };
}

/** The own items the form describes; those with an empty name or wrong minutes are left out. */
export function agendaEntriesOf(values: PreparationValues): AgendaEntry[] {
  return values.entries.flatMap((e) => {
    const minutes = parseEntryMinutes(e.minutes);
    const label = e.label.trim().slice(0, AGENDA_ENTRY_LABEL_LENGTH);
    return minutes === null || label === '' ? [] : [{ id: e.key, kind: e.kind, label, minutes, after: e.after }];
  });
}

/** Changes one reading entry. */
export function updateReading(
  values: PreparationValues,
  key: string,
  change: Partial<Omit<ReadingEntry, 'key'>>,
): PreparationValues {
  return { ...values, readings: values.readings.map((r) => (r.key === key ? { ...r, ...change } : r)) };
}

/** Adds an empty reading entry at the end. */
export function addReading(values: PreparationValues, key: string = newReadingKey()): PreparationValues {
  return { ...values, readings: [...values.readings, { key, title: '', url: '' }] };
}

/** Removes a reading entry. */
export function removeReading(values: PreparationValues, key: string): PreparationValues {
  return { ...values, readings: values.readings.filter((r) => r.key !== key) };
}

/** Moves a reading entry one place up (-1) or down (+1); nothing at the ends. */
export function moveReading(values: PreparationValues, key: string, delta: -1 | 1): PreparationValues {
  const index = values.readings.findIndex((r) => r.key === key);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= values.readings.length) return values;
  const readings = [...values.readings];
  [readings[index], readings[target]] = [readings[target] as ReadingEntry, readings[index] as ReadingEntry];
  return { ...values, readings };
}

/** A web address the server accepts. */
export function isReadingUrl(url: string): boolean {
  return url === '' || /^https?:\/\/[^\s]+$/i.test(url);
}

/** The reading list the form describes: trimmed, entries left completely empty dropped. */
export function readingListOf(values: PreparationValues): { title: string; url: string }[] {
  return values.readings
    .map((r) => ({ title: r.title.trim(), url: r.url.trim() }))
    .filter((r) => r.title !== '' || r.url !== '');
}

/** What is wrong with the form. */
export function problemsOf(values: PreparationValues): PreparationProblems {
  const readings: Record<string, ReadingProblem> = {};
  for (const r of values.readings) {
    const title = r.title.trim();
    const url = r.url.trim();
    if (title === '' && url === '') continue;
    const problem: { title?: 'required'; url?: 'invalid' } = {};
    if (title === '') problem.title = 'required';
    if (!isReadingUrl(url)) problem.url = 'invalid';
    if (problem.title || problem.url) readings[r.key] = problem;
  }
  const entries: Record<string, EntryProblem> = {};
  for (const e of values.entries) {
    const problem: { label?: 'required'; minutes?: 'invalid' } = {};
    if (e.label.trim() === '') problem.label = 'required';
    if (parseEntryMinutes(e.minutes) === null) problem.minutes = 'invalid';
    if (problem.label || problem.minutes) entries[e.key] = problem;
  }
  return {
    ...(values.startTime !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.startTime)
      ? { startTime: 'invalid' as const }
      : {}),
    minutes: agendaPhases().filter((id) => parseMinutes(values.minutes[id] ?? '') === null),
    entries,
    tooManyEntries: values.entries.length > MAX_AGENDA_ENTRIES,
    readings,
    tooManyReadings: readingListOf(values).length > MAX_READINGS,
  };
}

/** Whether there is nothing wrong. */
export function hasProblems(problems: PreparationProblems): boolean {
  return (
    problems.startTime !== undefined ||
    problems.minutes.length > 0 ||
    Object.keys(problems.entries).length > 0 ||
    problems.tooManyEntries ||
    Object.keys(problems.readings).length > 0 ||
    problems.tooManyReadings
  );
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Agenda overrides compared by content, whatever the key order. */
function sameAgenda(a: AgendaMinutes, b: AgendaMinutes): boolean {
  return sameJson(agendaOverrides(a), agendaOverrides(b));
}

/** Own agenda items compared by content, whatever the key order of each. */
function sameEntries(a: readonly AgendaEntry[], b: readonly AgendaEntry[]): boolean {
  const plain = (list: readonly AgendaEntry[]) =>
    list.map(({ id, kind, label, minutes, after }) => ({ id, kind, label, minutes, after }));
  return sameJson(plain(a), plain(b));
}

/** The fields a save sends: only those that differ from what is saved. */
export function preparationChanges(values: PreparationValues, saved: SavedPreparation): UpdateWorkshopRequest {
  const changes: UpdateWorkshopRequest = {};
  if (values.date !== saved.date) changes.date = values.date;
  if (values.startTime !== saved.startTime) changes.startTime = values.startTime;
  const agendaMinutes = agendaMinutesOf(values);
  if (!sameAgenda(agendaMinutes, saved.agendaMinutes)) changes.agendaMinutes = agendaMinutes;
  const agendaEntries = agendaEntriesOf(values);
  if (!sameEntries(agendaEntries, saved.agendaEntries)) changes.agendaEntries = agendaEntries;
  const readingList = readingListOf(values);
  if (
    !sameJson(
      readingList,
      saved.readingList.map((r) => ({ title: r.title, url: r.url })),
    )
  )
    changes.readingList = readingList;
  if (values.practicalNotes !== saved.practicalNotes) changes.practicalNotes = values.practicalNotes;
  return changes;
}

/** Whether two saved states are the same (to notice a change from elsewhere). */
export function samePreparation(a: SavedPreparation, b: SavedPreparation): boolean {
  return (
    a.date === b.date &&
    a.startTime === b.startTime &&
    a.practicalNotes === b.practicalNotes &&
    sameAgenda(a.agendaMinutes, b.agendaMinutes) &&
    sameEntries(a.agendaEntries, b.agendaEntries) &&
    sameJson(a.readingList, b.readingList)
  );
}
