import { beforeAll, describe, expect, it } from 'vitest';
import { sheetGuidance, type GuidanceInput } from '@dmc/shared/domain/guidance';
import type { Note } from '@dmc/shared/domain/note';
import { PHASE_IDS } from '@dmc/shared/domain/phases';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { loadCatalogue, translate } from '../i18n';
import { sampleChoice, sampleNote } from '@dmc/shared/testing/fixtures';
import {
  adviceText,
  choiceKindOf,
  choiceWarnings,
  chosenCount,
  countWord,
  fieldWarningsShown,
  guidanceItems,
  isNoteChosen,
  isWordingChosen,
  readyCheckSheetId,
  readyNeedsCheck,
  sheetCheckShown,
} from './guidance';

const [vel1, vel2] = discussiemodelTemplate.sheets as [
  (typeof discussiemodelTemplate.sheets)[number],
  (typeof discussiemodelTemplate.sheets)[number],
];
const note = (id: string, fieldId: string | null, sheetId = 'vel1'): Note => sampleNote(id, { fieldId, sheetId });
const choose = sampleChoice;
const empty: GuidanceInput = { notes: [], formulations: [], choices: [], deferrals: [] };
const say = (text: ReturnType<typeof adviceText>, locale: 'nl' | 'en' = 'nl') => translate(locale, text.key, text.vars);

// The app fetches English when it is first wanted; these tests read it directly.
beforeAll(() => loadCatalogue('en'));

describe('when the guidance shows', () => {
  it('shows the choice warnings once a sheet is being discussed, never while writing silently or watching', () => {
    const shown = (sheetId: string) => PHASE_IDS.filter((p) => fieldWarningsShown(p, sheetId));
    expect(shown('vel1')).toEqual(['vel1-discuss', 'vel2-discuss', 'prepare']);
    expect(shown('vel2')).toEqual(['vel2-discuss', 'prepare']);
  });

  it('offers "controleer vel" on the sheets of the model while they are discussed, not on the welcome sheet', () => {
    expect(sheetCheckShown('vel1-discuss', 'vel1')).toBe(true);
    expect(sheetCheckShown('vel1-discuss', 'vel2')).toBe(false);
    expect(sheetCheckShown('open', 'vel1')).toBe(false);
    expect(sheetCheckShown('prepare', 'welkom')).toBe(false);
    expect(sheetCheckShown('presentations', 'vel1')).toBe(false);
  });

  it('checks the sheet of the discussion phase when the group says "klaar", and only then', () => {
    expect(PHASE_IDS.map((p) => [p, readyCheckSheetId(p)]).filter(([, s]) => s !== null)).toEqual([
      ['vel1-discuss', 'vel1'],
      ['vel2-discuss', 'vel2'],
    ]);
    const advice = sheetGuidance(vel1, empty);
    expect(readyNeedsCheck('vel1-discuss', advice)).toBe(true);
    expect(readyNeedsCheck('vel1-discuss', [])).toBe(false);
    expect(readyNeedsCheck('vel1-write', advice)).toBe(false);
    expect(readyNeedsCheck('prepare', advice)).toBe(false);
  });
});

describe('what the guidance says', () => {
  it('says how many goals are chosen, in Dutch and in English', () => {
    const notes = [note('g1', 'doel'), note('g2', 'doel')];
    const none = choiceWarnings(sheetGuidance(vel1, { ...empty, notes })).get('doel');
    expect(none && say(adviceText(none, 'nl'))).toBe('Kies samen één doel (nu: 0)');
    const two = choiceWarnings(
      sheetGuidance(vel1, { ...empty, notes, choices: [choose('doel', 'g1'), choose('doel', 'g2')] }),
    ).get('doel');
    expect(two && say(adviceText(two, 'en'), 'en')).toBe('Choose one goal together (now: 2)');
    expect(choiceWarnings(sheetGuidance(vel1, { ...empty, notes, choices: [choose('doel', 'g1')] })).has('doel')).toBe(
      false,
    );
  });

  it('says "maximaal twee vragen" when three concrete questions are chosen', () => {
    const notes = ['q1', 'q2', 'q3'].map((id) => note(id, 'concrete-vragen'));
    const warning = choiceWarnings(
      sheetGuidance(vel1, { ...empty, notes, choices: notes.map((n) => choose('concrete-vragen', n.id)) }),
    ).get('concrete-vragen');
    expect(warning && say(adviceText(warning, 'nl'))).toBe('Maximaal twee vragen (nu: 3)');
    expect(warning && say(adviceText(warning, 'en'), 'en')).toBe('At most two questions (now: 3)');
  });

  it('keeps the empty-field advice off the field itself (it belongs in the check)', () => {
    expect([...choiceWarnings(sheetGuidance(vel2, empty)).keys()]).toEqual([]);
  });

  it('spells small numbers and writes larger ones as digits', () => {
    expect([
      countWord('nl', 1),
      countWord('nl', 2),
      countWord('en', 3),
      countWord('nl', 12),
      countWord('en', 2.5),
    ]).toEqual(['één', 'twee', 'three', '12', '2.5']);
  });
});

describe('the check dialog', () => {
  it('lists every field nobody considered, in sheet order, with what the group can do', () => {
    const items = guidanceItems(vel1, sheetGuidance(vel1, empty), 'nl');
    expect(items.map((i) => i.field.id)).toEqual(vel1.fields.filter((f) => !f.parentId).map((f) => f.id));
    const doel = items[0];
    // An empty DOEL has nothing to choose from: it asks for an action point, and says both.
    expect(doel?.empty).toBe(true);
    expect(doel?.choice).toBe(false);
    expect(doel?.texts.map((t) => say(t))).toEqual([
      'Nog niets ingevuld: geen notitie, formulering of actiepunt',
      'Kies samen één doel (nu: 0)',
    ]);
  });

  it('offers choosing where notes are but the choice is off, and drops fields that are fine', () => {
    const notes = [
      note('g1', 'doel'),
      note('q1', 'concrete-vragen'),
      note('d1', 'doelgroep'),
      note('k1', 'kansen-risicos'),
    ];
    const items = guidanceItems(vel1, sheetGuidance(vel1, { ...empty, notes }), 'en');
    expect(items.map((i) => [i.field.id, i.empty, i.choice])).toEqual([['doel', false, true]]);
    expect(items[0]?.texts.map((t) => say(t, 'en'))).toEqual(['Choose one goal together (now: 0)']);
  });

  it('counts the nested DPIA boxes for PRIVACY and never lists them on their own', () => {
    const ids = guidanceItems(
      vel2,
      sheetGuidance(vel2, { ...empty, notes: [note('p', 'dpia-risicos', 'vel2')] }),
      'nl',
    ).map((i) => i.field.id);
    expect(ids).not.toContain('privacy');
    expect(ids.some((id) => id.startsWith('dpia'))).toBe(false);
  });
});

describe('choices', () => {
  it('knows which fields ask for a choice, and of what', () => {
    const field = (id: string) => vel1.fields.find((f) => f.id === id);
    expect([
      choiceKindOf(field('doel')),
      choiceKindOf(field('concrete-vragen')),
      choiceKindOf(field('doelgroep')),
      choiceKindOf(undefined),
    ]).toEqual(['goal', 'question', null, null]);
  });

  it('counts a note as chosen only in the field it lies in now', () => {
    const choices = [choose('doel', 'g1')];
    expect(isNoteChosen(choices, { id: 'g1', fieldId: 'doel' })).toBe(true);
    expect(isNoteChosen(choices, { id: 'g1', fieldId: 'doelgroep' })).toBe(false);
    expect(isNoteChosen(choices, { id: 'g1', fieldId: null })).toBe(false);
  });

  it('counts a chosen wording only while there is one, like the guidance does', () => {
    const choices = [choose('doel', 'doel', 'formulation'), choose('doel', 'g1')];
    expect(isWordingChosen(choices, 'doel', 'Studiesucces')).toBe(true);
    expect(isWordingChosen(choices, 'doel', '  ')).toBe(false);
    const notes = [note('g1', 'doel'), note('g2', 'doel')];
    expect(chosenCount(choices, { id: 'doel' }, notes, 'Studiesucces')).toBe(2);
    expect(chosenCount(choices, { id: 'doel' }, notes, undefined)).toBe(1);
    const formulations = [
      { fieldId: 'doel', sheetId: 'vel1', text: 'Studiesucces', sourceNoteIds: [], updatedBy: 'a', updatedAt: 1 },
    ];
    const advice = sheetGuidance(vel1, { ...empty, notes, formulations, choices }).find((a) => a.fieldId === 'doel');
    expect(advice).toEqual({ kind: 'choose-one', fieldId: 'doel', chosen: 2 });
  });
});
