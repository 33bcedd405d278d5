import { BOARD_SPEC, type Ownership } from '../doc/collections';
import type { Actor } from './actor';
import type { Deferral } from './discussion';
import { boardRights, mayWriteDraft, type Membership, type WorkshopState } from './permissions';
import { isPhaseId, phase } from './phases';
import type { Flow } from './session';

/**
 * Derived permissions that both the server's room policies (server/src/workflow.ts) and the
 * client's buttons ask, each written once. They read the phase table's columns, never phase ids.
 */

/** Whether leaving this phase reveals the silently written notes (`from` comes from a remote change). */
export function revealsOnLeaving(from: unknown): boolean {
  return isPhaseId(from) && phase(from).revealsOnLeave;
}

/** Whether the flow is in a presentation phase (subgroups present in turn). */
export function isPresenting(flow: Pick<Flow, 'phaseId'> | null): boolean {
  return !!flow && phase(flow.phaseId).presentation;
}

/** Whether this person steps through the fields of board `boardId` now: the presenter, or a facilitator while nobody is. */
export function isPresenterOf(flow: Flow | null, actor: Actor | null, boardId: string): boolean {
  if (!flow || !actor || !isPresenting(flow) || !flow.spotlightGroupId || flow.spotlightGroupId !== boardId)
    return false;
  return flow.presenterId === actor.id || (flow.presenterId === null && actor.role === 'facilitator');
}

/** The field the presenter shows on board `boardId`, which everyone looking at that board follows; null if none. */
export function presentedField(flow: Flow | null, boardId: string): { sheetId: string; fieldId: string } | null {
  if (!flow || !isPresenting(flow) || !flow.presenterSheetId || !flow.presenterFieldId) return null;
  if (flow.spotlightGroupId !== boardId) return null;
  return { sheetId: flow.presenterSheetId, fieldId: flow.presenterFieldId };
}

/** Whether this person may edit the synthesis and the action items (the plenary-edit right). */
export function mayEditSynthesis(actor: Actor, state: WorkshopState, membership: Membership): boolean {
  return boardRights(actor, { kind: 'plenary' }, state, membership).permissions.has('plenary-edit');
}

/** Whether this person may write in the draft of `ownerId` now: a facilitator always, others per `mayWriteDraft`. */
export function mayWriteInDraft(actor: Actor, ownerId: string, state: WorkshopState, membership: Membership): boolean {
  return actor.role === 'facilitator' || mayWriteDraft(actor, ownerId, state, membership);
}

/**
 * Whether this person may remove a record, from its collection's declared ownership
 * (doc/collections.ts): as the server's record check decides; a facilitator may always.
 */
export function mayRemoveRecord(
  actor: Actor,
  owner: Ownership | null,
  record: Readonly<Record<string, unknown>>,
): boolean {
  if (!owner || owner.remove === 'anyone' || actor.role === 'facilitator') return true;
  return owner.remove === 'owner' && record[owner.field] === actor.id;
}

/** Whether this person may remove an action point ("kunnen we nu niet beantwoorden"): its author or a facilitator. */
export function mayRemoveDeferral(actor: Actor, deferral: Deferral): boolean {
  return mayRemoveRecord(actor, BOARD_SPEC.deferrals.owner, deferral);
}
