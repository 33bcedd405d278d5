import { describe, expect, it } from 'vitest';
import { PHASES } from './phases';
import {
  isPresenterOf,
  isPresenting,
  mayEditSynthesis,
  mayRemoveDeferral,
  mayRemoveRecord,
  mayWriteInDraft,
  presentedField,
  revealsOnLeaving,
} from './policies';
import { initialFlow, type Flow } from './session';
import { ANNA as anna, FAC as fac, sampleState } from '../testing/fixtures';

const state = sampleState;
const presenting = (extra: Partial<Flow> = {}): Flow => ({
  ...initialFlow(0),
  phaseId: 'presentations',
  spotlightGroupId: 'g1',
  ...extra,
});

describe('phase table columns', () => {
  it('reveals the silent notes on leaving exactly the individual-writing phases', () => {
    expect(PHASES.filter((p) => p.revealsOnLeave).map((p) => p.id)).toEqual(['vel1-write', 'vel2-write']);
    expect(PHASES.every((p) => p.revealsOnLeave === p.privateWriting)).toBe(true);
  });

  it('opens the synthesis in its phase and the action list from the actions on; the canvas before', () => {
    expect(Object.fromEntries(PHASES.filter((p) => p.view !== 'board').map((p) => [p.id, p.view]))).toEqual({
      synthesis: 'synthesis',
      actions: 'actions',
      done: 'actions',
    });
  });

  it('has one presentation phase, on the spotlighted board', () => {
    expect(PHASES.filter((p) => p.presentation).map((p) => p.id)).toEqual(['presentations']);
    expect(PHASES.filter((p) => p.presentation).every((p) => p.board === 'spotlight')).toBe(true);
  });
});

describe('reveal on leaving', () => {
  it('is asked with the phase a change left, which comes from a remote document', () => {
    expect(revealsOnLeaving('vel1-write')).toBe(true);
    expect(revealsOnLeaving('vel2-write')).toBe(true);
    expect(revealsOnLeaving('vel1-discuss')).toBe(false);
    expect(revealsOnLeaving('nonsense')).toBe(false);
    expect(revealsOnLeaving(undefined)).toBe(false);
  });
});

describe('presenting', () => {
  it('lets the chosen presenter step through the spotlighted board, or a facilitator while nobody is chosen', () => {
    expect(isPresenting(presenting())).toBe(true);
    expect(isPresenting({ phaseId: 'prepare' })).toBe(false);
    expect(isPresenterOf(presenting(), fac, 'g1')).toBe(true);
    expect(isPresenterOf(presenting(), anna, 'g1')).toBe(false);
    expect(isPresenterOf(presenting({ presenterId: 'anna' }), anna, 'g1')).toBe(true);
    expect(isPresenterOf(presenting({ presenterId: 'anna' }), fac, 'g1')).toBe(false);
    // Another board, no spotlight, or another phase: nobody presents.
    expect(isPresenterOf(presenting({ presenterId: 'anna' }), anna, 'g2')).toBe(false);
    expect(isPresenterOf(presenting({ spotlightGroupId: null }), fac, 'g1')).toBe(false);
    expect(isPresenterOf(presenting({ phaseId: 'synthesis' }), fac, 'g1')).toBe(false);
    expect(isPresenterOf(presenting(), null, 'g1')).toBe(false);
  });

  it('shows the presenter field to everyone looking at the presented board', () => {
    const f = presenting({ presenterSheetId: 'vel1', presenterFieldId: 'doel' });
    expect(presentedField(f, 'g1')).toEqual({ sheetId: 'vel1', fieldId: 'doel' });
    expect(presentedField(f, 'g2')).toBeNull();
    expect(presentedField(presenting(), 'g1')).toBeNull();
    expect(presentedField({ ...f, phaseId: 'synthesis' }, 'g1')).toBeNull();
  });
});

describe('synthesis and draft rights', () => {
  it('lets participants edit the synthesis in the plenary phases only, facilitators always', () => {
    expect(mayEditSynthesis(anna, state('synthesis'), { groupId: 'a' })).toBe(true);
    expect(mayEditSynthesis(anna, state('actions'), { groupId: 'a' })).toBe(true);
    expect(mayEditSynthesis(anna, state('vel1-discuss'), { groupId: 'a' })).toBe(false);
    expect(mayEditSynthesis(fac, state('vel1-discuss'), { groupId: null })).toBe(true);
  });

  it('lets the owner write a draft while writing silently, a facilitator always', () => {
    expect(mayWriteInDraft(anna, 'anna', state('vel1-write'), { groupId: 'a' })).toBe(true);
    expect(mayWriteInDraft(anna, 'anna', state('vel1-discuss'), { groupId: 'a' })).toBe(false);
    expect(mayWriteInDraft(anna, 'bob', state('vel1-write'), { groupId: 'a' })).toBe(false);
    expect(mayWriteInDraft(fac, 'anna', state('vel1-discuss'), { groupId: null })).toBe(true);
  });
});

describe('removing records', () => {
  it('lets the author or a facilitator remove an action point, nobody else', () => {
    const d = {
      id: 'd1',
      sheetId: 'vel1',
      fieldId: 'doel',
      text: 'uitzoeken',
      createdBy: 'anna',
      createdAt: 1,
    } as unknown as Parameters<typeof mayRemoveDeferral>[1];
    expect(mayRemoveDeferral(anna, d)).toBe(true);
    expect(mayRemoveDeferral(fac, d)).toBe(true);
    expect(mayRemoveDeferral({ id: 'bob', role: 'participant' }, d)).toBe(false);
  });

  it('follows the declared ownership of any collection', () => {
    const rec = { by: 'anna' };
    expect(mayRemoveRecord(anna, null, rec)).toBe(true);
    expect(mayRemoveRecord(anna, { field: 'by', writes: 'create', remove: 'anyone' }, { by: 'bob' })).toBe(true);
    expect(mayRemoveRecord(anna, { field: 'by', writes: 'create', remove: 'facilitator' }, rec)).toBe(false);
    expect(mayRemoveRecord(fac, { field: 'by', writes: 'create', remove: 'facilitator' }, rec)).toBe(true);
    expect(mayRemoveRecord(anna, { field: 'by', writes: 'each', remove: 'owner' }, rec)).toBe(true);
  });
});
