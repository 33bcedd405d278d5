import type { Actor } from '@dmc/shared/domain/actor';
import type { BoardRef, Membership, WorkshopState } from '@dmc/shared/domain/permissions';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import type { AppState } from './types';

/**
 * The workshop state as the rules in shared/domain see it, selected from the store. Selectors
 * only, so the connections (collab/) can judge a change with the same rules the interface uses.
 */

/** The rules' view of the workshop, or null before the session document synced. */
export function selectWorkshopState(s: AppState): WorkshopState | null {
  if (!s.flow) return null;
  return {
    phaseId: s.flow.phaseId,
    closed: s.settings?.closed ?? s.session?.workshop.closed ?? false,
    hasGroups: s.groups.length > 0,
    spotlightGroupId: s.flow.spotlightGroupId,
  };
}

/** This person as the rules see them. */
export function selectActor(s: AppState): Actor | null {
  return s.session ? { id: s.session.participant.id, role: s.session.participant.role } : null;
}

/** This person's subgroup. */
export function selectMembership(s: AppState): Membership {
  const id = s.session?.participant.id;
  return { groupId: s.members.find((m) => m.id === id)?.groupId ?? null };
}

/** The board id of a board reference (`plenary` or the subgroup id). */
export function boardIdOf(board: BoardRef): string {
  return board.kind === 'plenary' ? PLENARY_BOARD : board.groupId;
}

/** The board reference of a board id. */
export function boardRefOf(boardId: string): BoardRef {
  return boardId === PLENARY_BOARD ? { kind: 'plenary' } : { kind: 'group', groupId: boardId };
}
