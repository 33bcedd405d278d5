import { describe, expect, it } from 'vitest';
import type { WorkshopState } from '@dmc/shared/domain/permissions';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { chooseBoard, type BoardChoiceInput } from './boardChoice';

const state = (phaseId: PhaseId, spotlightGroupId: string | null = null, hasGroups = true): WorkshopState => ({
  phaseId,
  closed: false,
  hasGroups,
  spotlightGroupId,
});
const input = (values: Partial<BoardChoiceInput>): BoardChoiceInput => ({
  state: state('open'),
  role: 'participant',
  groupId: 'g1',
  groupIds: ['g1', 'g2'],
  viewBoardId: null,
  ...values,
});

describe('which board a screen shows', () => {
  it('waits for the session before anything', () => {
    expect(chooseBoard(input({ state: null }))).toEqual({ kind: 'loading' });
  });

  it('shows a participant their subgroup in the group phases and plenary otherwise', () => {
    expect(chooseBoard(input({ state: state('vel1-write') }))).toMatchObject({ kind: 'board', boardId: 'g1' });
    expect(chooseBoard(input({ state: state('welcome') }))).toMatchObject({ kind: 'board', boardId: 'plenary' });
    expect(chooseBoard(input({ state: state('synthesis'), groupId: null }))).toMatchObject({
      kind: 'board',
      boardId: 'plenary',
    });
  });

  it("shows a participant their own subgroup's sheet behind 'Canvas' in the synthesis, the actions and after", () => {
    for (const phaseId of ['synthesis', 'actions', 'done'] as const)
      expect(chooseBoard(input({ state: state(phaseId) }))).toMatchObject({ kind: 'board', boardId: 'g1' });
    // The welcome is held on the plenary board itself.
    expect(chooseBoard(input({ state: state('welcome') }))).toMatchObject({ boardId: 'plenary' });
  });

  it('shows the plenary board to everyone when there are no subgroups', () => {
    expect(chooseBoard(input({ state: state('vel1-write', null, false), groupId: null, groupIds: [] }))).toMatchObject({
      kind: 'board',
      boardId: 'plenary',
    });
  });

  it('lets an unplaced participant wait in the group phases', () => {
    expect(chooseBoard(input({ state: state('vel2-discuss'), groupId: null }))).toEqual({ kind: 'waiting' });
    // A subgroup that no longer exists is no placement.
    expect(chooseBoard(input({ state: state('vel2-discuss'), groupId: 'gone' }))).toEqual({ kind: 'waiting' });
  });

  it("shows everyone the spotlighted group's board in the presentations", () => {
    expect(chooseBoard(input({ state: state('presentations', 'g2') }))).toMatchObject({ kind: 'board', boardId: 'g2' });
    expect(chooseBoard(input({ state: state('presentations', null) }))).toMatchObject({ kind: 'board', boardId: 'g1' });
  });

  it("shows a facilitator the phase's board, the first subgroup in group phases, or the board they opened", () => {
    const fac = { role: 'facilitator' as const, groupId: null };
    expect(chooseBoard(input({ ...fac, state: state('vel1-discuss') }))).toEqual({
      kind: 'board',
      boardId: 'g1',
      phaseBoardId: 'g1',
      overridden: false,
    });
    expect(chooseBoard(input({ ...fac, state: state('welcome') }))).toMatchObject({
      boardId: 'plenary',
      overridden: false,
    });
    expect(chooseBoard(input({ ...fac, state: state('vel1-discuss'), viewBoardId: 'g2' }))).toEqual({
      kind: 'board',
      boardId: 'g2',
      phaseBoardId: 'g1',
      overridden: true,
    });
    expect(chooseBoard(input({ ...fac, state: state('vel1-discuss'), viewBoardId: 'removed' }))).toMatchObject({
      boardId: 'g1',
      overridden: false,
    });
    // A participant's override is ignored.
    expect(chooseBoard(input({ state: state('vel1-discuss'), viewBoardId: 'g2' }))).toMatchObject({ boardId: 'g1' });
  });
});
