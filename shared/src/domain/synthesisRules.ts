import type { RecordChange } from '../doc/records';
import { SYNTHESIS_SPEC, type DocSpec } from '../doc/collections';
import type { Actor, Refusal } from './actor';
import { checkRecord, type Issue, type RecordTexts } from './recordCheck';
import { checkRecordCounts, type CountRecords } from './recordLimits';

/**
 * Decides writes to the synthesis document (clusters, compromise wording, action items): only
 * with the plenary-edit right of the phase (facilitators always), each record well-formed and
 * made in the writer's own name, and no collection over its limit once `count` (the records
 * after the change; the server always passes it) is applied. Who may change and remove what
 * (declared per collection in doc/collections.ts, checked by checkRecord in recordCheck.ts):
 *
 * | collection          | create / change                                        | remove                     |
 * |---------------------|--------------------------------------------------------|----------------------------|
 * | clusters            | anyone with plenary-edit, in own name                  | anyone with plenary-edit: merging and splitting replace other people's clusters as a normal step |
 * | plenaryFormulations | anyone with plenary-edit, in own name                  | facilitator                |
 * | actions             | create in own name; what/who/when/status by anyone with plenary-edit (a shared table); author and creation time never change | its author or a facilitator |
 */
export function checkSynthesisChanges(
  actor: Actor,
  changes: readonly RecordChange[],
  mayEdit: boolean,
  count?: CountRecords,
): Refusal | null {
  if (!mayEdit && changes.length > 0)
    return { code: 'forbidden', reason: 'the plenary results are edited in the synthesis and actions phases' };
  for (const change of changes) {
    if (!Object.hasOwn(SYNTHESIS_SPEC, change.collection))
      return { code: 'invalid', reason: `unknown collection ${change.collection}` };
    const name = change.collection as SynthesisCollection;
    const verdict = checkRecord(actor, change, (SYNTHESIS_SPEC as DocSpec)[name]!, TEXTS[name], invalid);
    if (!verdict.ok) return verdict.refusal;
  }
  return count ? checkRecordCounts(changes, count, 'the synthesis') : null;
}

/** A collection of the synthesis document. */
type SynthesisCollection = keyof typeof SYNTHESIS_SPEC;

/** How the generic record check (recordCheck.ts) words its refusals; the synthesis has no special rules beyond it. */
const TEXTS: Readonly<Record<SynthesisCollection, RecordTexts>> = {
  clusters: {
    keyMismatch: 'cluster id does not match its key',
    notOwnName: 'edit in your own name',
    mayNotRemove: "you cannot remove someone else's cluster",
    immutable: (key) => `a cluster's ${key} cannot change`,
  },
  plenaryFormulations: {
    keyMismatch: 'a wording is stored under its field',
    notOwnName: 'edit in your own name',
    mayNotRemove: 'only a facilitator removes a compromise wording',
    immutable: (key) => `a compromise wording's ${key} cannot change`,
  },
  actions: {
    keyMismatch: 'action id does not match its key',
    notOwnName: 'an action is created in your own name',
    mayNotRemove: "you cannot remove someone else's action",
    immutable: "an action's author and creation time cannot change",
  },
};

function invalid(change: RecordChange, issues: readonly Issue[]): Refusal {
  const issue = issues[0];
  const where = issue ? issue.path.map(String).join('.') : '';
  if (issue?.code === 'too_big') return { code: 'limit', reason: `${change.collection}: ${where} is too long` };
  return {
    code: 'invalid',
    reason: `${change.collection}/${change.id}: ${where} ${issue?.message ?? 'is malformed'}`.trim(),
  };
}
