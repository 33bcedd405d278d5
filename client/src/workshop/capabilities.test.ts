import { describe, expect, it } from 'vitest';
import type { Actor } from '@dmc/shared/domain/actor';
import type { Note } from '@dmc/shared/domain/note';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { capabilitiesOf, mayUse, newNotesTarget, noteRights, readonlyReason } from './capabilities';

const anna: Actor = { id: 'anna', role: 'participant' };
const fac: Actor = { id: 'fac', role: 'facilitator' };
const caps = (
  phaseId: PhaseId,
  options: {
    actor?: Actor;
    groupId?: string | null;
    boardId?: string;
    closed?: boolean;
    hasGroups?: boolean;
    spotlight?: string | null;
  } = {},
) =>
  capabilitiesOf({
    actor: options.actor ?? anna,
    state: {
      phaseId,
      closed: options.closed ?? false,
      hasGroups: options.hasGroups ?? true,
      spotlightGroupId: options.spotlight ?? null,
    },
    groupId: options.groupId === undefined ? 'g1' : options.groupId,
    boardId: options.boardId ?? 'g1',
    dotsPerPerson: 3,
  });
const note = (authorId: string, sheetId = 'vel1'): Pick<Note, 'sheetId' | 'authorId'> => ({ sheetId, authorId });

describe('what the interface offers, by phase', () => {
  it('writes into the private draft while writing silently, only on the phase sheet', () => {
    const c = caps('vel1-write');
    expect(c.draftWritable).toBe(true);
    expect(newNotesTarget(c, 'vel1')).toBe('draft');
    expect(newNotesTarget(c, 'vel2')).toBeNull();
    // Board notes cannot be touched meanwhile; my own private notes can.
    expect(noteRights(c, note('anna'), undefined).move).toBe(false);
    expect(noteRights(c, note('anna'), 'anna')).toMatchObject({
      move: true,
      editText: true,
      remove: true,
      mark: false,
    });
    expect(readonlyReason(c, 'vel2')).toEqual({ kind: 'otherSheet', sheets: ['vel1'] });
    expect(readonlyReason(c, 'vel1')).toBeNull();
  });

  it('lets a facilitator write on the board and only read the drafts', () => {
    const c = caps('vel1-write', { actor: fac, groupId: null });
    expect(c.draftWritable).toBe(false);
    expect(newNotesTarget(c, 'vel2')).toBe('board');
    expect(noteRights(c, note('anna'), 'anna').move).toBe(false);
  });

  it('offers marks, dots, wording and action points when discussing, on the phase sheet only', () => {
    const c = caps('vel1-discuss');
    expect(newNotesTarget(c, 'vel1')).toBe('board');
    for (const tool of ['mark', 'vote', 'formulate', 'defer'] as const) expect(mayUse(c, tool, 'vel1')).toBe(true);
    expect(mayUse(c, 'highlight', 'vel1')).toBe(false);
    expect(mayUse(c, 'mark', 'vel2')).toBe(false);
    const other = noteRights(c, note('bram'), undefined);
    expect(other).toMatchObject({ move: true, recolor: true, editText: false, remove: false, mark: true, vote: true });
    expect(noteRights(c, note('bram', 'vel2'), undefined).move).toBe(false);
    expect(readonlyReason(c, 'vel2')).toEqual({ kind: 'otherSheet', sheets: ['vel1'] });
  });

  it('offers highlights when preparing the presentation', () => {
    expect(mayUse(caps('prepare'), 'highlight', 'vel2')).toBe(true);
    expect(mayUse(caps('prepare'), 'vote', 'vel2')).toBe(false);
  });

  it('only lets people watch in the presentations, the synthesis and when closed', () => {
    const audience = caps('presentations', { groupId: 'g2', spotlight: 'g1' });
    expect(newNotesTarget(audience, 'vel1')).toBeNull();
    expect(readonlyReason(audience, 'vel1')).toEqual({ kind: 'watching' });
    expect(readonlyReason(caps('synthesis', { boardId: 'plenary' }), 'vel1')).toEqual({ kind: 'watching' });
    expect(readonlyReason(caps('done', { boardId: 'plenary' }), 'vel1')).toEqual({ kind: 'done' });
    expect(readonlyReason(caps('vel1-discuss', { closed: true }), 'vel1')).toEqual({ kind: 'closed' });
    expect(readonlyReason(caps('vel1-discuss', { closed: true, actor: fac }), 'vel1')).toEqual({ kind: 'closed' });
  });

  it('offers no dots when the workshop gives none', () => {
    const c = { ...caps('vel1-discuss'), dotsPerPerson: 0 };
    expect(mayUse(c, 'vote', 'vel1')).toBe(false);
  });

  it('has the welcome sheet writable on the plenary board in the welcome phase', () => {
    const c = caps('welcome', { boardId: 'plenary' });
    expect(newNotesTarget(c, 'welkom')).toBe('board');
    expect(newNotesTarget(c, 'vel1')).toBeNull();
    expect(mayUse(c, 'mark', 'welkom')).toBe(true);
  });

  it('offers nothing before the workshop state is known', () => {
    expect(newNotesTarget(null, 'vel1')).toBeNull();
    expect(noteRights(null, note('anna'), undefined).move).toBe(false);
    expect(readonlyReason(null, 'vel1')).toBeNull();
  });
});
