import type { RecordChange } from '../doc/records';
import { actionItemSchema } from './actionItems';
import type { Actor, Refusal } from './actor';
import { clusterRecordSchema, plenaryFormulationSchema } from './plenary';

/**
 * Decides writes to the synthesis document (clusters, compromise wording, action items): only
 * with the plenary-edit right of the phase (facilitators always), each record well-formed and
 * made in the writer's own name; an action's author and creation time never change.
 */
export function checkSynthesisChanges(actor: Actor, changes: readonly RecordChange[], mayEdit: boolean): Refusal | null {
  if (!mayEdit && changes.length > 0) return { code: 'forbidden', reason: 'the plenary results are edited in the synthesis and actions phases' };
  for (const change of changes) {
    const refusal = checkChange(actor, change);
    if (refusal) return refusal;
  }
  return null;
}

function checkChange(actor: Actor, change: RecordChange): Refusal | null {
  if (change.type === 'remove') return null;
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
