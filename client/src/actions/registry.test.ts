import { beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { template } from '../canvas/template';
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
  workshop: { id: 'w1', title: 'W', language: 'nl', code: 'ABCDEF', createdAt: 0, expiresAt: 1, closed: false } as SessionResponse['workshop'],
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

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

// A board client that is never started: it has no document, but its rules (mayEdit) are real.
function context(role: 'facilitator' | 'participant' = 'participant'): ActionContext {
  const options = { session: session(role), store: useAppStore, wsBase: 'ws://unused' };
  return { store: useAppStore, board: new BoardClient(options), session: new SessionClient(options), template };
}

describe('action registry', () => {
  beforeEach(() => {
    useAppStore.getState().resetUi();
    useAppStore.getState().resetBoard();
    useAppStore.getState().setNotes([note('mine', 'me'), note('theirs', 'someone')]);
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
    expect(actionForKey(key('ArrowDown'), ctx)?.name).toBe('nudgeDown');
    expect(getAction('color-blue').predicate?.(ctx)).toBe(true);
    // A facilitator may change anyone's note.
    expect(actionForKey(key('Delete'), context('facilitator'))?.name).toBe('deleteNote');
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
