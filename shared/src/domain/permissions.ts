import type { Actor } from './actor';
import { phase, type Permission, type PhaseId } from './phases';

/**
 * Who may see and change which board in which phase. One set of rules, called by the server's
 * websocket guard and by the browser to decide what to show and offer.
 */

/** A board of a workshop: the plenary board or one subgroup's board. */
export type BoardRef = { readonly kind: 'plenary' } | { readonly kind: 'group'; readonly groupId: string };

/** What the rules need to know about the workshop right now. */
export interface WorkshopState {
  readonly phaseId: PhaseId;
  readonly closed: boolean;
  /** Whether the workshop has any subgroups; without them everyone works on the plenary board. */
  readonly hasGroups: boolean;
  /** The subgroup the facilitator spotlights in the presentations phase. */
  readonly spotlightGroupId: string | null;
}

/** The actor's place in the workshop. */
export interface Membership {
  /** The actor's subgroup, or null when not assigned. */
  readonly groupId: string | null;
}

/** What an actor may do on one board right now. */
export interface BoardRights {
  readonly read: boolean;
  /** Permissions on the board itself. */
  readonly permissions: ReadonlySet<Permission>;
  /** Sheets on which notes may be created or moved to; 'all' for facilitators. */
  readonly writableSheets: readonly string[] | 'all';
  /** Notes go to the actor's private draft instead of the board (silent writing). */
  readonly writesPrivately: boolean;
}

const ALL_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'notes',
  'mark',
  'vote',
  'formulate',
  'defer',
  'highlight',
  'choose-group',
  'plenary-edit',
  'ask',
]);
const NONE: ReadonlySet<Permission> = new Set();

/** The board a participant works on in the group phases: their subgroup's, or plenary without groups. */
export function workBoard(state: WorkshopState, membership: Membership): BoardRef | null {
  if (!state.hasGroups) return { kind: 'plenary' };
  return membership.groupId ? { kind: 'group', groupId: membership.groupId } : null;
}

/** The board a participant should be looking at in the current phase (null: waiting to be placed). */
export function currentBoard(state: WorkshopState, membership: Membership): BoardRef | null {
  const def = phase(state.phaseId);
  if (def.board === 'plenary') return { kind: 'plenary' };
  if (def.board === 'spotlight') {
    if (state.spotlightGroupId) return { kind: 'group', groupId: state.spotlightGroupId };
    return workBoard(state, membership) ?? { kind: 'plenary' };
  }
  return workBoard(state, membership);
}

function sameBoard(a: BoardRef | null, b: BoardRef): boolean {
  if (!a) return false;
  return a.kind === b.kind && (a.kind === 'plenary' || (b.kind === 'group' && a.groupId === b.groupId));
}

/** What an actor may do on a board in the current state. */
export function boardRights(actor: Actor, board: BoardRef, state: WorkshopState, membership: Membership): BoardRights {
  if (actor.role === 'facilitator') {
    return {
      read: true,
      permissions: state.closed ? NONE : ALL_PERMISSIONS,
      writableSheets: state.closed ? [] : 'all',
      writesPrivately: false,
    };
  }
  const def = phase(state.phaseId);
  const own = sameBoard(workBoard(state, membership), board);
  // Other groups' boards stay closed while groups work, so nobody copies; afterwards all are open.
  const plenaryPhases = def.board !== 'group';
  const read = board.kind === 'plenary' || own || plenaryPhases;
  // In the presentations everyone works on the spotlighted board: its side list of questions.
  const spotlighted = board.kind === 'group' && board.groupId === state.spotlightGroupId;
  const worksHere =
    !state.closed &&
    (def.board === 'plenary'
      ? board.kind === 'plenary'
      : def.board === 'group'
        ? own
        : def.board === 'spotlight' && spotlighted);
  // A presentation screen shows what a participant without a subgroup may see, and changes nothing.
  if (!read || !worksHere || actor.role === 'viewer')
    return { read, permissions: NONE, writableSheets: [], writesPrivately: false };
  if (def.privateWriting) return { read, permissions: NONE, writableSheets: def.writableSheets, writesPrivately: true };
  return { read, permissions: new Set(def.participant), writableSheets: def.writableSheets, writesPrivately: false };
}

/** Whether an actor may change the workshop flow (phase, timer, subgroups, settings). */
export function mayFacilitate(actor: Actor): boolean {
  return actor.role === 'facilitator';
}

/** Whether a participant may write notes into their private draft right now. */
export function mayWriteDraft(actor: Actor, ownerId: string, state: WorkshopState, membership: Membership): boolean {
  if (state.closed || actor.id !== ownerId || actor.role === 'viewer') return false;
  return phase(state.phaseId).privateWriting && workBoard(state, membership) !== null;
}

/** Whether a participant may pick their own subgroup now (the workshop must allow it too). */
export function mayChooseGroup(actor: Actor, state: WorkshopState, allowed: boolean): boolean {
  if (actor.role === 'facilitator') return true;
  return (
    actor.role === 'participant' &&
    allowed &&
    !state.closed &&
    phase(state.phaseId).participant.includes('choose-group')
  );
}
