import type { Choice } from '@dmc/shared/domain/discussion';
import type { Guidance } from '@dmc/shared/domain/guidance';
import type { Note } from '@dmc/shared/domain/note';
import { PHASES, PHASE_IDS, phase, type PhaseId } from '@dmc/shared/domain/phases';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import type { FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import type { MessageKey } from '../i18n/messages';

/**
 * What the canvas's own instructions ask of a group — choose one goal, at most two concrete
 * questions, consider every question — turned into what the screen shows when. Pure: the phase,
 * the sheet and the board's records in, plain view models out. The advice itself comes from
 * `sheetGuidance` in shared/domain; this decides when it is shown and in which words.
 */

/** A translatable text: a message key and its placeholders. */
export interface GuidanceText {
  readonly key: MessageKey;
  readonly vars?: Readonly<Record<string, string | number>>;
}

/** Whether a phase lets the group work on what it agrees (wording, choices): its discussion is under way. */
function discusses(phaseId: PhaseId): boolean {
  return phase(phaseId).participant.includes('formulate');
}

/**
 * Whether the choose-one / too-many warnings show on a sheet: once that sheet's discussion is under
 * way — in its discussion phase, the discussion phases after it and the preparation of the
 * presentation — never while people write silently or only watch, nor on the free canvas before
 * the script starts (people try the canvas out there).
 */
export function fieldWarningsShown(phaseId: PhaseId, sheetId: string): boolean {
  const current = phase(phaseId);
  if (phaseId === 'open' || !discusses(phaseId) || current.privateWriting) return false;
  if (current.sheetId === null) return true;
  const upTo = PHASES.slice(0, PHASE_IDS.indexOf(phaseId) + 1);
  return upTo.some((p) => p.sheetId === sheetId && discusses(p.id) && !p.privateWriting);
}

/**
 * Whether a group can check a sheet now ("Controleer vel"): a sheet of the discussion model (not
 * the plenary welcome sheet), while its discussion is under way.
 */
export function sheetCheckShown(phaseId: PhaseId, sheetId: string): boolean {
  return discussiemodelTemplate.sheets.some((s) => s.id === sheetId) && fieldWarningsShown(phaseId, sheetId);
}

/** The sheet whose discussion ends when the group says "klaar" in this phase, if any (vel1-discuss, vel2-discuss). */
export function readyCheckSheetId(phaseId: PhaseId): string | null {
  const current = phase(phaseId);
  return current.sheetId !== null && discusses(phaseId) && !current.privateWriting ? current.sheetId : null;
}

/** Only the warnings about choices (shown on the field itself), by field. */
export function choiceWarnings(advice: readonly Guidance[]): ReadonlyMap<string, Guidance> {
  const out = new Map<string, Guidance>();
  for (const a of advice) if (a.kind !== 'empty') out.set(a.fieldId, a);
  return out;
}

/** Small numbers as words ("maximaal twee vragen"); larger ones as digits. */
export function countWord(locale: Locale, n: number): string {
  const words =
    locale === 'nl' ? ['nul', 'één', 'twee', 'drie', 'vier', 'vijf'] : ['zero', 'one', 'two', 'three', 'four', 'five'];
  return Number.isInteger(n) && n >= 0 && n < words.length ? (words[n] ?? String(n)) : String(n);
}

/** The words for one piece of advice. */
export function adviceText(advice: Guidance, locale: Locale): GuidanceText {
  switch (advice.kind) {
    case 'choose-one':
      return { key: 'guide.chooseOne', vars: { count: advice.chosen } };
    case 'too-many':
      return { key: 'guide.tooMany', vars: { max: countWord(locale, advice.max), count: advice.chosen } };
    case 'empty':
      return { key: 'guide.empty' };
  }
}

/** One field in the check dialog: what is the matter and what the group can do about it. */
export interface GuidanceItem {
  readonly field: FieldTemplate;
  readonly texts: readonly GuidanceText[];
  /** Nothing was written: offer to make an action point of the question. */
  readonly empty: boolean;
  /** The choice is not as the canvas asks: offer to go and choose. */
  readonly choice: boolean;
}

/**
 * The check dialog's list: the advised fields in the order of the sheet, each once, the empty
 * state first (an empty field has nothing to choose from, so it offers no choosing).
 */
export function guidanceItems(sheet: SheetTemplate, advice: readonly Guidance[], locale: Locale): GuidanceItem[] {
  const items: GuidanceItem[] = [];
  for (const field of sheet.fields) {
    const mine = advice.filter((a) => a.fieldId === field.id);
    if (mine.length === 0) continue;
    const empty = mine.some((a) => a.kind === 'empty');
    const ordered = [...mine].sort((a, b) => Number(b.kind === 'empty') - Number(a.kind === 'empty'));
    items.push({
      field,
      texts: ordered.map((a) => adviceText(a, locale)),
      empty,
      choice: !empty && mine.some((a) => a.kind !== 'empty'),
    });
  }
  return items;
}

/** What the check dialog is for: "klaar" was pressed, or the group asked for a check. */
export type CheckMode = 'ready' | 'check';

/** Whether pressing "klaar" should first show the check: a discussion phase with advice left. */
export function readyNeedsCheck(phaseId: PhaseId, advice: readonly Guidance[]): boolean {
  return readyCheckSheetId(phaseId) !== null && advice.length > 0;
}

/** What a field asks the group to choose: one goal, or a few questions (null: no choice asked). */
export type ChoiceKind = 'goal' | 'question';

/** The kind of choice a field asks for. */
export function choiceKindOf(field: Pick<FieldTemplate, 'maxChosen'> | undefined): ChoiceKind | null {
  if (!field || field.maxChosen === undefined) return null;
  return field.maxChosen === 1 ? 'goal' : 'question';
}

/** Whether a note is chosen in the field it lies in now (a choice made in another field no longer counts). */
export function isNoteChosen(choices: readonly Choice[], note: Pick<Note, 'id' | 'fieldId'>): boolean {
  return (
    note.fieldId !== null &&
    choices.some((c) => c.targetKind === 'note' && c.targetId === note.id && c.fieldId === note.fieldId)
  );
}

/** Whether a field's agreed wording is chosen (and there is a wording to choose). */
export function isWordingChosen(choices: readonly Choice[], fieldId: string, wording: string | undefined): boolean {
  return (
    (wording ?? '').trim() !== '' &&
    choices.some((c) => c.targetKind === 'formulation' && c.targetId === fieldId && c.fieldId === fieldId)
  );
}

/** The notes and the wording chosen in a field, counted as the guidance counts them. */
export function chosenCount(
  choices: readonly Choice[],
  field: Pick<FieldTemplate, 'id'>,
  notes: readonly Pick<Note, 'id' | 'fieldId'>[],
  wording: string | undefined,
): number {
  const here = notes.filter((n) => n.fieldId === field.id && isNoteChosen(choices, n)).length;
  return here + Number(isWordingChosen(choices, field.id, wording));
}
