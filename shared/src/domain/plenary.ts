import { z } from 'zod/mini';
import { FORMULATION_LENGTH } from './discussion';
import { CLUSTER_KINDS } from '../export/model';
import { idSchema as id, fieldIdSchema as fieldId } from './ids';

/**
 * The plenary's own records, kept in the workshop's `synthesis` document: clusters of notes the
 * group confirmed across subgroups (common ground or a difference), the compromise wording per
 * field, and the action items (schema in actionItems.ts).
 */

/** A confirmed cluster of notes from any subgroup board; record id = cluster id. */
export const clusterRecordSchema = z.strictObject({
  id,
  fieldId,
  itemIds: z.array(id).check(z.minLength(1), z.maxLength(200)),
  kind: z.nullable(z.enum(CLUSTER_KINDS)),
  label: z.string().check(z.maxLength(200)),
  updatedBy: id,
});
export type ClusterRecord = z.infer<typeof clusterRecordSchema>;

/** The plenary's compromise wording for a field; record id = field id. */
export const plenaryFormulationSchema = z.strictObject({
  fieldId,
  text: z.string().check(z.maxLength(FORMULATION_LENGTH)),
  updatedBy: id,
  updatedAt: z.int().check(z.nonnegative()),
});
export type PlenaryFormulation = z.infer<typeof plenaryFormulationSchema>;
