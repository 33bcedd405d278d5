import type { CollectionSpec } from '../doc/registry';
import type { RecordChange } from '../doc/records';
import type { Actor, Refusal } from './actor';
import { mayRemoveRecord } from './policies';

/**
 * The part of every record write that is the same for every collection, decided from the
 * collection's declaration in doc/registry.ts: nothing immutable changes, the record matches its
 * schema, it is stored under its key, it carries the writer's own name where the collection is
 * owned, and only who may remove it removes it. The rules modules (boardRules, synthesisRules)
 * add what is special to a collection and say each refusal in their own words (`RecordTexts`).
 */

/** How a rules module words the generic refusals of one collection. */
export interface RecordTexts {
  /** The record is not stored under its key (invalid). */
  readonly keyMismatch: string | ((change: RecordChange) => string);
  /** The record does not carry the writer's own name (forbidden). */
  readonly notOwnName: string;
  /** The writer may not remove this record (forbidden). */
  readonly mayNotRemove: string;
  /** An immutable key changed (forbidden). */
  readonly immutable: string | ((key: string) => string);
}

/** A schema failure as zod reports it. */
export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string; readonly code: string };

/** The generic verdict: a refusal, or the parsed record (undefined for a removal) for the special rules. */
export type RecordVerdict<T> =
  { readonly ok: false; readonly refusal: Refusal } | { readonly ok: true; readonly record: T | undefined };

/**
 * Checks one change against its collection's declaration. Order: for an update, immutable keys
 * first; then the schema (`invalid` words its failure), the key, the owner's name.
 */
export function checkRecord<T>(
  actor: Actor,
  change: RecordChange,
  spec: CollectionSpec<T>,
  texts: RecordTexts,
  invalid: (change: RecordChange, issues: readonly Issue[]) => Refusal,
): RecordVerdict<T> {
  const refuse = (code: Refusal['code'], reason: string): RecordVerdict<T> => ({
    ok: false,
    refusal: { code, reason },
  });
  const owner = spec.owner;
  if (change.type === 'remove') {
    // The same predicate the client's delete buttons ask (domain/policies.ts).
    if (mayRemoveRecord(actor, owner, change.before)) return { ok: true, record: undefined };
    return refuse('forbidden', texts.mayNotRemove);
  }
  if (change.type === 'update') {
    const changed = change.keys.find((key) => spec.immutable.includes(key));
    if (changed !== undefined)
      return refuse('forbidden', typeof texts.immutable === 'string' ? texts.immutable : texts.immutable(changed));
  }
  const parsed = spec.schema.safeParse(change.after);
  if (!parsed.success) return { ok: false, refusal: invalid(change, parsed.error.issues) };
  const record = parsed.data;
  if (spec.key(record) !== change.id)
    return refuse('invalid', typeof texts.keyMismatch === 'string' ? texts.keyMismatch : texts.keyMismatch(change));
  if (owner) {
    const checked = owner.writes === 'each' || (change.type === 'add' && actor.role !== 'facilitator');
    if (checked && (record as Record<string, unknown>)[owner.field] !== actor.id)
      return refuse('forbidden', texts.notOwnName);
  }
  return { ok: true, record };
}
