import type { Role } from '@dmc/shared/domain/actor';
import { currentBoard, type WorkshopState } from '@dmc/shared/domain/permissions';
import { phase } from '@dmc/shared/domain/phases';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { boardIdOf } from '../store/workshopState';

/**
 * Which board a screen shows. Participants follow the phase (`currentBoard`): their subgroup's
 * board, the plenary board, or the spotlighted group in the presentations; in the synthesis and the
 * actions (whose own views replace the canvas) their subgroup's board again. A facilitator sees the
 * phase's board too — in the group phases the first subgroup's, as they have no subgroup of their
 * own — unless they opened another board (`viewBoardId`, set by the console or the board chip).
 */

/** What the screen shows. */
export type BoardChoice =
  /** The session document has not synced yet: the phase is unknown. */
  | { readonly kind: 'loading' }
  /** A participant not placed in a subgroup while the subgroups work. */
  | { readonly kind: 'waiting' }
  | {
      readonly kind: 'board';
      readonly boardId: string;
      /** The board the phase itself points this person to. */
      readonly phaseBoardId: string;
      /** A facilitator is looking at another board than the phase's. */
      readonly overridden: boolean;
    };

/** What the choice depends on. */
export interface BoardChoiceInput {
  readonly state: WorkshopState | null;
  readonly role: Role;
  readonly groupId: string | null;
  readonly groupIds: readonly string[];
  readonly viewBoardId: string | null;
}

/** Chooses the board (pure). */
export function chooseBoard(input: BoardChoiceInput): BoardChoice {
  const { state, role, groupId, groupIds, viewBoardId } = input;
  if (!state) return { kind: 'loading' };
  const ownGroup = groupId !== null && groupIds.includes(groupId) ? groupId : null;
  const ref = currentBoard(state, { groupId: ownGroup });
  if (role !== 'facilitator') {
    if (!ref) return { kind: 'waiting' };
    // In the synthesis and the actions the plenary board is empty: "Canvas" shows the sheet of my
    // own subgroup instead (read-only then: other boards are readable once the groups are done).
    const ownSheet = ownGroup !== null && ref.kind === 'plenary' && phase(state.phaseId).view !== 'board';
    const boardId = ownSheet ? ownGroup : boardIdOf(ref);
    return { kind: 'board', boardId, phaseBoardId: boardId, overridden: false };
  }
  const phaseBoardId = ref ? boardIdOf(ref) : (groupIds[0] ?? PLENARY_BOARD);
  const valid = viewBoardId !== null && (viewBoardId === PLENARY_BOARD || groupIds.includes(viewBoardId));
  const boardId = valid ? viewBoardId : phaseBoardId;
  return { kind: 'board', boardId, phaseBoardId, overridden: boardId !== phaseBoardId };
}
