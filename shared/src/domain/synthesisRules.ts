import type { RecordChange } from '../doc/records';
import { actionItemSchema } from './actionItems';
import type { Actor, Refusal } from './actor';
import { clusterRecordSchema, plenaryFormulationSchema } from './plenary';
import { checkRecordCounts, type CountRecords } from './recordLimits';

/**
 * Decides writes to the synthesis document (clusters, compromise wording, action items): only
 * with the plenary-edit right of the phase (facilitators always), each record well-formed and
 * made in the writer's own name, and no collection over its limit once `count` (the records
 * after the change; the server always passes it) is applied. Who may change and remove what:
 *
 * | collection          | create / change                                        | remove                     |
 * |---------------------|--------------------------------------------------------|----------------------------|
 * | clusters            | anyone with plenary-edit, in own name                  | anyone with plenary-edit: merging and splitting replace other people's clusters as a normal step |
 * | plenaryFormulations | anyone with plenary-edit, in own name                  | facilitator                |
 * | actions             | create in own name; what/who/when/status by anyone with plenary-edit (a shared table); author and creation time never change | its author or a facilitator |
 */
export function checkSynthesisChanges(actor: Actor, changes: readonly RecordChange[], mayEdit: boolean, count?: CountRecords): Refusal | null {
  if (!mayEdit && changes.length > 0) return { code: 'forbidden', reason: 'the plenary results are edited in the synthesis and actions phases' };
  for (const change of changes) {
    const refusal = checkChange(actor, change);
    if (refusal) return refusal;
  }
  return count ? checkRecordCounts(changes, count, 'the synthesis') : null;
}

function checkRemove(actor: Actor, change: RecordChange & { type: 'remove' }): Refusal | null {
  switch (change.collection) {
    case 'clusters':
      return null;
    case 'plenaryFormulations':
      return actor.role === 'facilitator' ? null : { code: 'forbidden', reason: 'only a facilitator removes a compromise wording' };
    case 'actions':
      return actor.role === 'facilitator' || change.before.createdBy === actor.id ? null : { code: 'forbidden', reason: "you cannot remove someone else's action" };
    default:
      return { code: 'invalid', reason: `unknown collection ${change.collection}` };
  }
}

function checkChange(actor: Actor, change: RecordChange): Refusal | null {
  if (change.type === 'remove') return checkRemove(actor, change);
  switch (change.collection) {
    case 'clusters': {
      const parsed = clusterRecordSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues[0]);
      if (parsed.data.id !== change.id) return { code: 'invalid', reason: 'cluster id does not match its key' };
      return parsed.data.updatedBy === actor.id ? null : { code: 'forbidden', reason: 'edit in your own name' };
    }
    case 'plenaryFormulations': {
      const parsed = plenaryFormulationSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues[0]);
      if (parsed.data.fieldId !== change.id) return { code: 'invalid', reason: 'a wording is stored under its field' };
      return parsed.data.updatedBy === actor.id ? null : { code: 'forbidden', reason: 'edit in your own name' };
    }
    case 'actions': {
      const parsed = actionItemSchema.safeParse(change.after);
      if (!parsed.success) return invalid(change, parsed.error.issues[0]);
      if (parsed.data.id !== change.id) return { code: 'invalid', reason: 'action id does not match its key' };
      if (change.type === 'add' && parsed.data.createdBy !== actor.id && actor.role !== 'facilitator') {
        return { code: 'forbidden', reason: 'an action is created in your own name' };
      }
      if (change.type === 'update' && change.keys.some((k) => k === 'id' || k === 'createdBy' || k === 'createdAt')) {
        return { code: 'forbidden', reason: "an action's author and creation time cannot change" };
      }
      return null;
    }
    default:
      return { code: 'invalid', reason: `unknown collection ${change.collection}` };
  }
}

function invalid(change: RecordChange, issue: { path: readonly PropertyKey[]; message: string; code: string } | undefined): Refusal {
  const where = issue ? issue.path.map(String).join('.') : '';
  if (issue?.code === 'too_big') return { code: 'limit', reason: `${change.collection}: ${where} is too long` };
  return { code: 'invalid', reason: `${change.collection}/${change.id}: ${where} ${issue?.message ?? 'is malformed'}`.trim() };
}
