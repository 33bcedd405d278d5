import { useMemo } from 'react';
import type { Actor } from '@dmc/shared/domain/actor';
import {
  boardRights,
  currentBoard,
  type BoardRef,
  type BoardRights,
  type WorkshopState,
} from '@dmc/shared/domain/permissions';
import type { CanvasTemplate } from '@dmc/shared/template/types';
import { templateForBoard } from '@dmc/shared/template/plenary';
import { useAppStore } from '../store';
import { selectMembership } from '../store/workshopState';

/**
 * The workshop state as the rules in shared/domain see it, as hooks on the store (the selectors
 * are in store/workshopState). The same `boardRights` the server enforces decides which buttons
 * the interface offers.
 */

/** This person as the rules see them, re-rendering only when they change. */
export function useActor(): Actor | null {
  const id = useAppStore((s) => s.session?.participant.id);
  const role = useAppStore((s) => s.session?.participant.role);
  return useMemo(() => (id && role ? { id, role } : null), [id, role]);
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

/** The template of the board on screen. */
export function useTemplate(): CanvasTemplate {
  return templateForBoard(useAppStore((s) => s.boardId));
}
