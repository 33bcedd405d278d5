import type { RecordChange } from '../doc/records';
import { flowSchema, groupSchema, initialFlow, memberSchema, SELF_MEMBER_KEYS, FLOW_ID } from './session';
import type { Actor, Refusal } from './actor';
import { mayChooseGroup, type WorkshopState } from './permissions';
import { checkRecordCounts, type CountRecords } from './recordLimits';

/** What the session rules need to know besides the change. */
export interface SessionContext {
  /** The workshop state before the change. */
  readonly state: WorkshopState;
  /** Whether participants may pick their own subgroup. */
  readonly selfSelectGroups: boolean;
  /** The current presenter (before the change). */
  readonly presenterId: string | null;
  /** Whether a subgroup exists once the change is applied. */
  groupExists(groupId: string): boolean;
  /** Records in a collection of the session once the change is applied. */
  readonly count: CountRecords;
}

/** Flow keys the presenter may change: stepping through the fields while everyone follows. */
const PRESENTER_KEYS = ['presenterSheetId', 'presenterFieldId'];

/**
 * Decides whether an actor may make these changes to the session document. Facilitators run the
 * flow and the subgroups; participants may only say they are ready, pick a subgroup where allowed,
 * and — when presenting — step through the fields. Membership and settings are the server's.
 */
export function checkSessionChanges(
  actor: Actor,
  changes: readonly RecordChange[],
  ctx: SessionContext,
): Refusal | null {
  // Closed is read-only for everyone, facilitators included: they reopen through the workshop API.
  if (ctx.state.closed && changes.length > 0) return { code: 'forbidden', reason: 'the workshop is closed' };
  for (const change of changes) {
    const refusal = checkChange(actor, change, ctx);
    if (refusal) return refusal;
  }
  return checkRecordCounts(changes, ctx.count, 'a workshop');
}

function checkChange(actor: Actor, change: RecordChange, ctx: SessionContext): Refusal | null {
  const facilitator = actor.role === 'facilitator';
  switch (change.collection) {
    case 'settings':
    case 'readings':
    case 'agenda':
    case 'agendaEntries':
      return { code: 'forbidden', reason: 'settings are changed through the workshop settings' };
    case 'flow': {
      if (change.id !== FLOW_ID || change.type === 'remove')
        return { code: 'invalid', reason: 'the flow is one record' };
      // Fields added in later versions take their initial values in older documents.
      const parsed = flowSchema.safeParse({ ...initialFlow(0), ...change.after });
      if (!parsed.success)
        return {
          code: 'invalid',
          reason: `flow: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
        };
      if (facilitator) return null;
      const presenting =
        change.type === 'update' &&
        ctx.presenterId === actor.id &&
        change.keys.every((k) => PRESENTER_KEYS.includes(k));
      return presenting
        ? null
        : { code: 'forbidden', reason: 'only the facilitator changes the phase, timer and view' };
    }
    case 'groups': {
      if (!facilitator) return { code: 'forbidden', reason: 'only the facilitator manages subgroups' };
      if (change.type === 'remove') return null;
      const parsed = groupSchema.safeParse(change.after);
      if (!parsed.success) return { code: 'invalid', reason: `group: ${parsed.error.issues[0]?.message}` };
      if (change.id === 'plenary') return { code: 'invalid', reason: 'that subgroup id is reserved' };
      return parsed.data.id === change.id ? null : { code: 'invalid', reason: 'group id does not match its key' };
    }
    case 'members': {
      if (change.type !== 'update') return { code: 'forbidden', reason: 'people join and leave through the server' };
      const parsed = memberSchema.safeParse(change.after);
      if (!parsed.success) return { code: 'invalid', reason: `member: ${parsed.error.issues[0]?.message}` };
      const groupId = parsed.data.groupId;
      if (change.keys.includes('groupId') && groupId !== null && !ctx.groupExists(groupId)) {
        return { code: 'invalid', reason: 'no such subgroup' };
      }
      if (facilitator) {
        return change.keys.every((k) => k === 'groupId' || k === 'readyPhase')
          ? null
          : { code: 'forbidden', reason: 'names and roles change through the server' };
      }
      if (change.id !== actor.id) return { code: 'forbidden', reason: 'you can only change your own status' };
      if (!change.keys.every((k) => (SELF_MEMBER_KEYS as readonly string[]).includes(k))) {
        return { code: 'forbidden', reason: 'you can only mark yourself ready or pick a subgroup' };
      }
      if (change.keys.includes('groupId') && !mayChooseGroup(actor, ctx.state, ctx.selfSelectGroups)) {
        return { code: 'forbidden', reason: 'the facilitator assigns the subgroups' };
      }
      const ready = parsed.data.readyPhase;
      if (change.keys.includes('readyPhase') && ready !== null && ready !== ctx.state.phaseId) {
        return { code: 'invalid', reason: 'you can only be ready for the current phase' };
      }
      return null;
    }
    default:
      return { code: 'invalid', reason: `unknown collection ${change.collection}` };
  }
}
