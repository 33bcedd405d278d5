import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import {
  clusterId,
  sharedTerms,
  suggestClusters,
  type SuggestedCluster,
  type TextLanguage,
} from '@dmc/shared/domain/synthesis/index';
import type { NoteCard } from './columns';

/**
 * Clusters in the synthesis view: the tool's suggestions for a field (with the words that made
 * it group the notes), and every edit the plenary makes to confirmed clusters — confirm, create
 * from a selection, split off, take notes out, add, merge — as plain records to write. The
 * views keep one rule: a note belongs to at most one confirmed cluster, so its colour says where
 * it belongs; moving a note into a cluster takes it out of any other.
 */

/** A cluster as the synthesis writes it (the client adds my name). */
export type ClusterDraft = Omit<ClusterRecord, 'updatedBy'>;

/** What to write to the synthesis document for one edit. */
export interface ClusterEdit {
  readonly put: readonly ClusterDraft[];
  readonly remove: readonly string[];
}

/** Nothing to write. */
export const NO_EDIT: ClusterEdit = { put: [], remove: [] };

/** Longest label the schema allows. */
const LABEL_LENGTH = 200;
/** Notes compared pairwise to explain a cluster; beyond this the pairs add little but time. */
const EXPLAIN_NOTES = 10;

/** A word (term) several notes share, with how the notes wrote it. */
export interface SharedWord {
  /** The normalised term (stem), for keys. */
  readonly term: string;
  /** The words as people wrote them, most common first. */
  readonly words: readonly string[];
  /** In how many of the compared pairs of notes it occurs. */
  readonly pairs: number;
}

/** Why notes were grouped: the words they share, and how many pairs were compared. */
export interface ClusterWhy {
  readonly words: readonly SharedWord[];
  readonly pairs: number;
}

/**
 * The words a set of notes share (pairwise, with `sharedTerms`, as `explainSimilarity` finds them), most widely shared first;
 * at most `limit` words.
 */
export function explainCluster(texts: readonly string[], language: TextLanguage, limit = 5): ClusterWhy {
  const sample = texts.slice(0, EXPLAIN_NOTES);
  const found = new Map<string, { pairs: number; words: Map<string, number> }>();
  let pairs = 0;
  for (let i = 0; i < sample.length; i++) {
    for (let j = i + 1; j < sample.length; j++) {
      pairs++;
      for (const shared of sharedTerms(sample[i] ?? '', sample[j] ?? '', { fallbackLanguage: language })) {
        const entry = found.get(shared.term) ?? { pairs: 0, words: new Map<string, number>() };
        entry.pairs++;
        for (const word of [shared.inA, shared.inB]) entry.words.set(word, (entry.words.get(word) ?? 0) + 1);
        found.set(shared.term, entry);
      }
    }
  }
  const words = [...found.entries()]
    .map(([term, e]): SharedWord => ({
      term,
      pairs: e.pairs,
      words: [...e.words.entries()]
        .sort(([a, ca], [b, cb]) => cb - ca || a.length - b.length || (a < b ? -1 : 1))
        .map(([w]) => w),
    }))
    .sort((a, b) => b.pairs - a.pairs || (a.term < b.term ? -1 : 1))
    .slice(0, limit);
  return { words, pairs };
}

/** A suggestion as the synthesis view shows it. */
export interface SuggestionView {
  readonly suggestion: SuggestedCluster;
  /** Members already in a confirmed cluster: shown, but left where they are on confirming. */
  readonly clustered: readonly string[];
  /** Members confirming would put in the new cluster. */
  readonly free: readonly string[];
  readonly why: ClusterWhy;
}

/** Which confirmed cluster each note is in. */
export function clusterOfNote(clusters: readonly ClusterRecord[]): Map<string, ClusterRecord> {
  const out = new Map<string, ClusterRecord>();
  // Sorted, so that should two clusters ever hold the same note, every screen shows the same one.
  for (const cluster of [...clusters].sort((a, b) => (a.id < b.id ? -1 : 1)))
    for (const id of cluster.itemIds) if (!out.has(id)) out.set(id, cluster);
  return out;
}

/**
 * The tool's suggestions for one field over every group's notes there (`suggestClusters`),
 * leaving out what the plenary already confirmed: a suggestion that was confirmed as it was, and
 * one of which fewer than two notes are still outside confirmed clusters.
 */
export function suggestionsForField(
  cards: readonly NoteCard[],
  confirmed: readonly ClusterRecord[],
  language: TextLanguage,
): SuggestionView[] {
  const inputs = cards.map((c) => ({ id: c.note.id, groupId: c.boardId, text: c.note.text }));
  const texts = new Map(inputs.map((i) => [i.id, i.text]));
  const taken = clusterOfNote(confirmed);
  const confirmedIds = new Set(confirmed.map((c) => c.id));
  const out: SuggestionView[] = [];
  for (const suggestion of suggestClusters(inputs, { fallbackLanguage: language })) {
    if (confirmedIds.has(suggestion.id)) continue;
    const clustered = suggestion.itemIds.filter((id) => taken.has(id));
    const free = suggestion.itemIds.filter((id) => !taken.has(id));
    if (free.length < 2) continue;
    out.push({
      suggestion,
      clustered,
      free,
      why: explainCluster(
        suggestion.itemIds.map((id) => texts.get(id) ?? ''),
        language,
      ),
    });
  }
  return out;
}

/** A label for notes the plenary grouped by hand: the words they share, else the first note's opening. */
export function defaultLabel(texts: readonly string[], language: TextLanguage): string {
  const shared = explainCluster(texts, language, 3).words.map((w) => w.words[0] ?? w.term);
  if (shared.length > 0) return shared.join(', ');
  const first = (texts.find((t) => t.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  return first.length > 40 ? `${first.slice(0, 39).trimEnd()}…` : first;
}

/** Takes notes out of every confirmed cluster except `keepId`; clusters left empty are removed. */
function release(
  itemIds: readonly string[],
  confirmed: readonly ClusterRecord[],
  keepId: string | null,
): { put: ClusterDraft[]; remove: string[] } {
  const moving = new Set(itemIds);
  const put: ClusterDraft[] = [];
  const remove: string[] = [];
  for (const cluster of confirmed) {
    if (cluster.id === keepId || !cluster.itemIds.some((id) => moving.has(id))) continue;
    const rest = cluster.itemIds.filter((id) => !moving.has(id));
    if (rest.length === 0) remove.push(cluster.id);
    else put.push(draft({ ...cluster, itemIds: rest }));
  }
  return { put, remove };
}

function draft(cluster: ClusterRecord | ClusterDraft): ClusterDraft {
  return {
    id: cluster.id,
    fieldId: cluster.fieldId,
    itemIds: [...cluster.itemIds],
    kind: cluster.kind,
    label: cluster.label.slice(0, LABEL_LENGTH),
  };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * Confirms a suggestion: its free notes become a cluster with the suggestion's label (and
 * optionally already marked common ground or difference). Notes already in a confirmed cluster
 * stay there. The id follows from the members, so two people confirming at once write one cluster.
 */
export function confirmSuggestion(
  view: SuggestionView,
  fieldId: string,
  kind: ClusterRecord['kind'] = null,
): ClusterEdit {
  if (view.free.length === 0) return NO_EDIT;
  const itemIds = [...view.free].sort();
  return { put: [draft({ id: clusterId(itemIds), fieldId, itemIds, kind, label: view.suggestion.label })], remove: [] };
}

/** A new cluster of the selected notes, taken out of any cluster they were in. */
export function createCluster(
  fieldId: string,
  itemIds: readonly string[],
  label: string,
  confirmed: readonly ClusterRecord[],
): ClusterEdit {
  const items = unique(itemIds).sort();
  if (items.length === 0) return NO_EDIT;
  const id = clusterId(items);
  const released = release(items, confirmed, id);
  return { put: [...released.put, draft({ id, fieldId, itemIds: items, kind: null, label })], remove: released.remove };
}

/** Takes notes out of a cluster (a cluster left empty is removed). */
export function removeFromCluster(cluster: ClusterRecord, itemIds: readonly string[]): ClusterEdit {
  const out = new Set(itemIds);
  const rest = cluster.itemIds.filter((id) => !out.has(id));
  if (rest.length === cluster.itemIds.length) return NO_EDIT;
  return rest.length === 0
    ? { put: [], remove: [cluster.id] }
    : { put: [draft({ ...cluster, itemIds: rest })], remove: [] };
}

/**
 * Splits notes off a cluster into a new one: the cluster keeps the rest (and its label and kind),
 * the split-off notes form a cluster of their own, not yet marked. Splitting off all or none of
 * the notes changes nothing.
 */
export function splitCluster(cluster: ClusterRecord, itemIds: readonly string[], label: string): ClusterEdit {
  const moving = new Set(itemIds);
  const moved = cluster.itemIds.filter((id) => moving.has(id)).sort();
  const rest = cluster.itemIds.filter((id) => !moving.has(id));
  if (moved.length === 0 || rest.length === 0) return NO_EDIT;
  return {
    put: [
      draft({ ...cluster, itemIds: rest }),
      draft({ id: clusterId(moved), fieldId: cluster.fieldId, itemIds: moved, kind: null, label }),
    ],
    remove: [],
  };
}

/** Adds notes to a cluster, taking them out of any other (a cluster left empty is removed: a merge). */
export function addToCluster(
  cluster: ClusterRecord,
  itemIds: readonly string[],
  confirmed: readonly ClusterRecord[],
): ClusterEdit {
  const adding = unique(itemIds).filter((id) => !cluster.itemIds.includes(id));
  if (adding.length === 0) return NO_EDIT;
  const released = release(adding, confirmed, cluster.id);
  return {
    put: [...released.put, draft({ ...cluster, itemIds: [...cluster.itemIds, ...adding] })],
    remove: released.remove,
  };
}

/** Merges `from` into `into`: all of its notes join `into`, and `from` goes. */
export function mergeClusters(
  into: ClusterRecord,
  from: ClusterRecord,
  confirmed: readonly ClusterRecord[],
): ClusterEdit {
  if (into.id === from.id) return NO_EDIT;
  return addToCluster(into, from.itemIds, confirmed);
}

/** A cluster with a new label. */
export function relabelCluster(cluster: ClusterRecord, label: string): ClusterEdit {
  const trimmed = label.trim();
  return trimmed === cluster.label ? NO_EDIT : { put: [draft({ ...cluster, label: trimmed })], remove: [] };
}

/** A cluster marked common ground, a difference, or (null) not decided. */
export function markCluster(cluster: ClusterRecord, kind: ClusterRecord['kind']): ClusterEdit {
  return kind === cluster.kind ? NO_EDIT : { put: [draft({ ...cluster, kind })], remove: [] };
}

/** How many colours confirmed clusters cycle through. */
export const CLUSTER_COLOR_COUNT = 8;

/**
 * A colour (0 … CLUSTER_COLOR_COUNT − 1) per confirmed cluster of a field, the same on every
 * screen. Each cluster has its own first choice (from its id), so confirming or removing another
 * cluster rarely changes it; two clusters wanting one colour are told apart in id order.
 */
export function clusterColors(clusters: readonly ClusterRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const cluster of [...clusters].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    let color = preferredColor(cluster.id);
    // Beyond eight clusters colours repeat; the name on every note still tells them apart.
    for (let tries = 0; used.has(color) && tries < CLUSTER_COLOR_COUNT; tries++)
      color = (color + 1) % CLUSTER_COLOR_COUNT;
    used.add(color);
    out.set(cluster.id, color);
  }
  return out;
}

/** A cluster's first-choice colour: a small hash of its id. */
function preferredColor(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return h % CLUSTER_COLOR_COUNT;
}
