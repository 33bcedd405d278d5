import { useMemo } from 'react';
import type { Actor } from '@dmc/shared/domain/actor';
import {
  boardRights,
  currentBoard,
  type BoardRef,
  type BoardRights,
  type Membership,
  type WorkshopState,
} from '@dmc/shared/domain/permissions';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { useAppStore } from '../store';
import type { AppState } from '../store';

/**
 * The workshop state as the rules in shared/domain see it, derived from the store. The same
 * `boardRights` the server enforces decides which buttons the interface offers.
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

/** This person as the rules see them, re-rendering only when they change. */
export function useActor(): Actor | null {
  const id = useAppStore((s) => s.session?.participant.id);
  const role = useAppStore((s) => s.session?.participant.role);
  return useMemo(() => (id && role ? { id, role } : null), [id, role]);
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

/** The workshop state, re-derived only when its parts change. */
export function useWorkshopState(): WorkshopState | null {
  const flow = useAppStore((s) => s.flow);
  const closed = useAppStore((s) => s.settings?.closed ?? s.session?.workshop.closed ?? false);
  const hasGroups = useAppStore((s) => s.groups.length > 0);
  return useMemo(
    () => (flow ? { phaseId: flow.phaseId, closed, hasGroups, spotlightGroupId: flow.spotlightGroupId } : null),
    [flow, closed, hasGroups],
  );
}

/** This person's subgroup id (null: not placed). */
export function useMyGroupId(): string | null {
  return useAppStore((s) => selectMembership(s).groupId);
}

/** The board this person should see now (null: waiting to be placed in a subgroup). */
export function useCurrentBoard(): BoardRef | null {
  const state = useWorkshopState();
  const groupId = useMyGroupId();
  return useMemo(() => (state ? currentBoard(state, { groupId }) : { kind: 'plenary' }), [state, groupId]);
}

/** What this person may do on a board now. */
export function useBoardRights(board: BoardRef | null): BoardRights | null {
  const state = useWorkshopState();
  const groupId = useMyGroupId();
  const role = useAppStore((s) => s.session?.participant.role);
  const id = useAppStore((s) => s.session?.participant.id);
  return useMemo(() => {
    if (!board || !state || !role || !id) return null;
    return boardRights({ id, role }, board, state, { groupId });
  }, [board, state, groupId, role, id]);
}
