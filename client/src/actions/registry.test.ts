import { beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { initialFlow } from '@dmc/shared/domain/session';
import type { PhaseId } from '@dmc/shared/domain/phases';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { template } from '../scene/template';
import { SessionClient } from '../collab/sessionClient';
import { BoardClient } from '../collab/boardClient';
import { useAppStore } from '../store';
import type { KeyLike } from './keys';
import { actionForKey, ACTIONS, getAction } from './registry';
import type { ActionContext } from './types';

const session = (role: 'facilitator' | 'participant'): SessionResponse => ({
  token: 't',
  participant: { id: 'me', name: 'Ik', role, tableRole: null },
  // Only the identity fields matter to the rules under test.
  workshop: {
    id: 'w1',
    title: 'W',
    language: 'nl',
    code: 'ABCDEF',
    createdAt: 0,
    expiresAt: 1,
    closed: false,
  } as SessionResponse['workshop'],
});

const note = (id: string, authorId: string): Note => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 100,
  y: 200,
  color: 'yellow',
  text: id,
  authorId,
  createdAt: 1,
  z: 1,
});

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

// A board client that is never started: it has no document, but its rules (mayEdit) are real.
function context(role: 'facilitator' | 'participant' = 'participant'): ActionContext {
  const options = { session: session(role), store: useAppStore, wsBase: 'ws://unused' };
  return { store: useAppStore, board: new BoardClient(options), session: new SessionClient(options), template };
}

/** Puts the workshop in a phase (no subgroups: everyone works on the plenary board). */
function inPhase(phaseId: PhaseId, role: 'facilitator' | 'participant' = 'participant'): void {
  const state = useAppStore.getState();
  state.setSession(session(role));
  state.setWorkshop({ flow: { ...initialFlow(0), phaseId }, groups: [], members: [], settings: null });
}

describe('action registry', () => {
  beforeEach(() => {
    useAppStore.getState().resetUi();
    useAppStore.getState().resetBoard();
    useAppStore.getState().setNotes([note('mine', 'me'), note('theirs', 'someone')]);
    inPhase('open');
  });

  it('has unique names', () => {
    expect(new Set(ACTIONS.map((a) => a.name)).size).toBe(ACTIONS.length);
  });

  it('maps plain keys to actions', () => {
    const ctx = context();
    expect(actionForKey(key('n'), ctx)?.name).toBe('addNote');
    expect(actionForKey(key('2'), ctx)?.name).toBe('sheet-vel2');
    expect(actionForKey(key('+', { shiftKey: true }), ctx)?.name).toBe('zoomIn');
    expect(actionForKey(key('0'), ctx)?.name).toBe('zoomFit');
  });

  it('offers undo and redo only when there is something to undo or redo', () => {
    const ctx = context();
    expect(actionForKey(key('z', { ctrlKey: true }), ctx)).toBeUndefined();
    useAppStore.getState().setHistory(true, true);
    expect(actionForKey(key('z', { ctrlKey: true }), ctx)?.name).toBe('undo');
    expect(actionForKey(key('Z', { metaKey: true, shiftKey: true }), ctx)?.name).toBe('redo');
    expect(actionForKey(key('y', { ctrlKey: true }), ctx)?.name).toBe('redo');
  });

  it('offers editing and deleting only for notes the person may change', () => {
    const ctx = context();
    useAppStore.getState().select('mine');
    expect(actionForKey(key('Delete'), ctx)?.name).toBe('deleteNote');
    expect(actionForKey(key('Enter'), ctx)?.name).toBe('editNote');
    expect(actionForKey(key('ArrowLeft', { shiftKey: true }), ctx)?.name).toBe('nudgeLeft');
    useAppStore.getState().select('theirs');
    expect(actionForKey(key('Delete'), ctx)).toBeUndefined();
    expect(actionForKey(key('Enter'), ctx)).toBeUndefined();
    // Anyone may move or recolour.
    expect(actionForKey(key('ArrowDown', { shiftKey: true }), ctx)?.name).toBe('nudgeDown');
    expect(getAction('color-blue').predicate?.(ctx)).toBe(true);
    // A facilitator may change anyone's note.
    inPhase('open', 'facilitator');
    expect(actionForKey(key('Delete'), context('facilitator'))?.name).toBe('deleteNote');
  });

  it('offers only what the phase allows', () => {
    const ctx = context();
    useAppStore.getState().select('mine');
    inPhase('presentations');
    expect(actionForKey(key('n'), ctx)).toBeUndefined();
    expect(actionForKey(key('Delete'), ctx)).toBeUndefined();
    expect(actionForKey(key('ArrowLeft', { shiftKey: true }), ctx)).toBeUndefined();
    expect(getAction('mark-agree').predicate?.(ctx)).toBe(false);
    // Discussing sheet 1: own notes there can be changed and marked, not on sheet 2.
    inPhase('vel1-discuss');
    expect(actionForKey(key('Delete'), ctx)?.name).toBe('deleteNote');
    expect(getAction('mark-agree').predicate?.(ctx)).toBe(true);
    expect(getAction('highlight').predicate?.(ctx)).toBe(false);
    useAppStore.getState().setNotes([{ ...note('mine', 'me'), sheetId: 'vel2', fieldId: 'data' }]);
    expect(actionForKey(key('Delete'), ctx)).toBeUndefined();
    expect(getAction('mark-agree').predicate?.(ctx)).toBe(false);
  });

  it('sends new notes to the private draft while writing silently, and nowhere without one', () => {
    const ctx = context();
    inPhase('vel1-write');
    useAppStore.getState().setSheet('vel1');
    // Without a draft connection there is nowhere to write: the command is not offered.
    expect(actionForKey(key('n'), ctx)).toBeUndefined();
    const withDraft = {
      ...ctx,
      draft: new BoardClient({
        session: session('participant'),
        store: useAppStore,
        wsBase: 'ws://unused',
        role: 'draft',
      }),
    };
    expect(actionForKey(key('n'), withDraft)?.name).toBe('addNote');
    // Board notes are read-only meanwhile.
    useAppStore.getState().select('mine');
    expect(actionForKey(key('Delete'), withDraft)).toBeUndefined();
    // The other sheet is not the phase's.
    useAppStore.getState().setSheet('vel2');
    expect(actionForKey(key('n'), withDraft)).toBeUndefined();
  });

  it('offers choosing a note as the goal only in DOEL, as a question only in the questions field, when the phase lets the group agree', () => {
    const ctx = context();
    useAppStore
      .getState()
      .setNotes([
        note('goal', 'someone'),
        { ...note('question', 'someone'), fieldId: 'concrete-vragen' },
        { ...note('group', 'someone'), fieldId: 'doelgroep' },
      ]);
    inPhase('vel1-discuss');
    useAppStore.getState().select('goal');
    expect(getAction('choose-goal').predicate?.(ctx)).toBe(true);
    expect(getAction('choose-question').predicate?.(ctx)).toBe(false);
    useAppStore.getState().select('question');
    expect(getAction('choose-goal').predicate?.(ctx)).toBe(false);
    expect(getAction('choose-question').predicate?.(ctx)).toBe(true);
    // DOELGROEP asks for no choice.
    useAppStore.getState().select('group');
    expect(getAction('choose-goal').predicate?.(ctx)).toBe(false);
    expect(getAction('choose-question').predicate?.(ctx)).toBe(false);
    // While writing silently nobody agrees on anything yet.
    inPhase('vel1-write');
    useAppStore.getState().select('goal');
    expect(getAction('choose-goal').predicate?.(ctx)).toBe(false);
  });

  it('walks the notes with the arrows and Tab in reading order, and moves the selected one with Shift+arrows', () => {
    const ctx = context();
    useAppStore.getState().setNotes([
      { ...note('lower', 'me'), y: 300 },
      { ...note('upper-right', 'someone'), x: 300, y: 100 },
      { ...note('upper-left', 'someone'), x: 100, y: 100 },
    ]);
    const press = (k: string, mods: Partial<KeyLike> = {}) => {
      const action = actionForKey(key(k, mods), ctx);
      action?.perform(ctx, { source: 'keyboard', event: key(k, mods) });
      return action?.name;
    };
    // Tab from nothing selected leaves the canvas (no keyboard trap); an arrow starts the walk.
    expect(actionForKey(key('Tab'), ctx)).toBeUndefined();
    expect(press('ArrowDown')).toBe('selectNext');
    expect(useAppStore.getState().selectedId).toBe('upper-left');
    expect(useAppStore.getState().announcement?.text).toContain('1 van 3');
    expect(press('Tab')).toBe('selectNext');
    expect(useAppStore.getState().selectedId).toBe('upper-right');
    expect(press('ArrowRight')).toBe('selectNext');
    expect(useAppStore.getState().selectedId).toBe('lower');
    // Past the last note Tab goes on to the next control.
    expect(actionForKey(key('Tab'), ctx)).toBeUndefined();
    expect(press('Tab', { shiftKey: true })).toBe('selectPrevious');
    expect(useAppStore.getState().selectedId).toBe('upper-right');
    expect(actionForKey(key('ArrowLeft', { shiftKey: true }), ctx)?.name).toBe('nudgeLeft');
    expect(actionForKey(key('ArrowLeft', { shiftKey: true, ctrlKey: true }), ctx)?.name).toBe('nudgeLeft');
    expect(press('Escape')).toBe('deselect');
    expect(useAppStore.getState().selectedId).toBeNull();
    // In the list view the page's own Tab and arrows stay.
    useAppStore.getState().setListView(true);
    expect(actionForKey(key('ArrowDown'), ctx)).toBeUndefined();
  });

  it('leaves canvas-only keys alone in the list view', () => {
    const ctx = context();
    useAppStore.getState().select('mine');
    useAppStore.getState().setListView(true);
    expect(actionForKey(key('+'), ctx)).toBeUndefined();
    expect(actionForKey(key('Delete'), ctx)).toBeUndefined();
    expect(actionForKey(key('1'), ctx)?.name).toBe('sheet-vel1');
  });
});

describe('a spot of your own while writing silently', () => {
  it('is stable per person, inside the field, and differs between people', async () => {
    const { personalPoint } = await import('./commands');
    const rect = { x: 30, y: 120, width: 600, height: 360 };
    const a = personalPoint(rect, 'anna-id');
    expect(personalPoint(rect, 'anna-id')).toEqual(a);
    expect(a.x).toBeGreaterThanOrEqual(rect.x + rect.width * 0.2);
    expect(a.x).toBeLessThanOrEqual(rect.x + rect.width * 0.8);
    expect(a.y).toBeGreaterThanOrEqual(rect.y + rect.height * 0.2);
    expect(personalPoint(rect, 'bram-id')).not.toEqual(a);
  });
});
