import type { RecordChange } from '../doc/records';
import type { Refusal } from './actor';
import { collectionLimit } from './limits';

/** The number of records a collection holds once the change is applied. */
export type CountRecords = (collection: string) => number;

/**
 * Refuses a change set that adds records to a collection which then holds more than its limit
 * (LIMITS.recordsPerCollection). Only adding is judged: a collection already over its limit — an
 * older document — can still be edited and emptied. `holder` names the document in the reason
 * ("a board", "a draft"), so the user reads e.g. "a board holds at most 600 deferrals".
 */
export function checkRecordCounts(
  changes: readonly RecordChange[],
  count: CountRecords,
  holder: string,
): Refusal | null {
  const grown = new Set<string>();
  for (const change of changes) if (change.type === 'add') grown.add(change.collection);
  for (const name of grown) {
    const limit = collectionLimit(name);
    if (count(name) > limit) return { code: 'limit', reason: `${holder} holds at most ${limit} ${name}` };
  }
  return null;
}
