import * as Y from 'yjs';
import { type ActionItem } from '../domain/actionItems';
import {
  clusterRecordSchema,
  plenaryFormulationSchema,
  type ClusterRecord,
  type PlenaryFormulation,
} from '../domain/plenary';
import { collection, readRecords, upsertRecord } from './records';
import { LOCAL_ORIGIN } from './origins';
import { SYNTHESIS_SPEC, collectionNames, readCollection } from './registry';

/** Collections of the workshop's synthesis document (plenary results and action items). */
export const SYNTHESIS_COLLECTIONS = collectionNames(SYNTHESIS_SPEC);

/** Confirmed clusters. */
export function readClusters(doc: Y.Doc): ClusterRecord[] {
  return readRecords(doc, 'clusters', clusterRecordSchema);
}

/** Adds or edits a cluster (confirm, split, relabel, mark common ground or difference). */
export function putCluster(doc: Y.Doc, cluster: ClusterRecord, origin: unknown = LOCAL_ORIGIN): void {
  upsertRecord(doc, 'clusters', cluster.id, { ...cluster, itemIds: [...cluster.itemIds] }, origin);
}

/** Removes a cluster. */
export function removeCluster(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => collection(doc, 'clusters').delete(id), origin);
}

/** The plenary's compromise wordings. */
export function readPlenaryFormulations(doc: Y.Doc): PlenaryFormulation[] {
  return readRecords(doc, 'plenaryFormulations', plenaryFormulationSchema);
}

/** Writes a field's compromise wording. */
export function setPlenaryFormulation(
  doc: Y.Doc,
  formulation: PlenaryFormulation,
  origin: unknown = LOCAL_ORIGIN,
): void {
  upsertRecord(doc, 'plenaryFormulations', formulation.fieldId, { ...formulation }, origin);
}

/** All action items. */
export function readActions(doc: Y.Doc): ActionItem[] {
  return readCollection(doc, 'actions', SYNTHESIS_SPEC.actions);
}

/** Adds or edits an action item. */
export function putAction(doc: Y.Doc, action: ActionItem, origin: unknown = LOCAL_ORIGIN): void {
  upsertRecord(doc, 'actions', action.id, { ...action }, origin);
}

/** Removes an action item. */
export function removeAction(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => collection(doc, 'actions').delete(id), origin);
}

/** Calls `listener` whenever the synthesis document changes, and once now. */
export function observeSynthesis(doc: Y.Doc, listener: () => void): () => void {
  const colls = SYNTHESIS_COLLECTIONS.map((name) => collection(doc, name));
  const handler = () => listener();
  for (const c of colls) c.observeDeep(handler);
  listener();
  return () => {
    for (const c of colls) c.unobserveDeep(handler);
  };
}
