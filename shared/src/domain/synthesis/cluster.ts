/**
 * Suggested clusters of similar notes across subgroups, for the plenary synthesis.
 *
 * The method, in plain words:
 * 1. Every note is normalised (see normalize.ts): lower case, no accents, no function words,
 *    light Dutch or English stems, English workshop words mapped to Dutch through a glossary.
 *    A long Dutch compound also counts its parts when those parts occur as words elsewhere in
 *    the same field ("studievoortgang" also counts as "voortgang" when another note says
 *    "voortgang van studie").
 * 2. Each note becomes two weighted lists: its terms, and the three-letter pieces of those terms
 *    (trigrams, which catch compounds and spelling variants that stems miss). Words that many
 *    notes share weigh less (TF-IDF), so "studiedata" on every note does not glue them together.
 * 3. Two notes' similarity is 0.7 × the cosine of their term lists + 0.3 × the cosine of their
 *    trigram lists: 1 for the same words, 0 for nothing in common.
 * 4. Notes are merged bottom-up, most similar first, as long as the average similarity between
 *    all notes of two candidate clusters stays at or above the threshold (average linkage: one
 *    accidental shared word does not chain unrelated notes together).
 * 5. A cluster is suggested when it spans at least two subgroups, or when all its notes are
 *    near-duplicates (one group wrote the same thing twice). Single notes are not suggested.
 * The label is made of the terms most members share; `explainSimilarity` shows the shared terms
 * of two notes, so people can see why they were grouped. The result does not depend on the
 * input order. See cluster.test.ts for what it does, and does not, find on real workshop notes.
 *
 * Limits: it compares words, not meaning. Synonyms ("nadruk"/"focus" only pass because other
 * words are shared), separable verbs ("uitval"/"uit te vallen") and English words outside the
 * glossary are not matched; a Dutch and an English note on the same risk usually share too few
 * glossary words to reach 0.35. It is a suggestion the plenary confirms, never a decision.
 * Cost: n² similarities in memory (500 notes: two 2 MB matrices), tens of milliseconds.
 */

import { normalize, type NormalizedToken, type TextLanguage } from './normalize';

/** A note offered for clustering. */
export interface ClusterInput {
  readonly id: string;
  /** The subgroup (board) the note comes from. */
  readonly groupId: string;
  readonly text: string;
}

/** A suggested cluster of similar notes. */
export interface SuggestedCluster {
  /** Derived from the sorted member ids: the same members always give the same id. */
  readonly id: string;
  /** Member note ids, sorted. */
  readonly itemIds: string[];
  /** The subgroups the members come from, sorted. */
  readonly groupIds: string[];
  /** The terms the members share most, comma-separated, as people wrote them. */
  readonly label: string;
  /** Average similarity between the members, 0–1, rounded to three decimals. */
  readonly score: number;
}

/** Tuning of {@link suggestClusters}. */
export interface ClusterOptions {
  /** Minimum average similarity for notes to be grouped; 0.35 by default. */
  readonly threshold?: number;
  /** Notes of one group only form a cluster when this similar: near-duplicates; 0.8. */
  readonly nearDuplicateThreshold?: number;
  /** Language of notes without clear language cues; the workshop's language, Dutch by default. */
  readonly fallbackLanguage?: TextLanguage;
  /** Terms in a label; 3. */
  readonly labelTerms?: number;
}

/** How much the term cosine counts against the trigram cosine. */
const TERM_WEIGHT = 0.7;
const TRIGRAM_WEIGHT = 1 - TERM_WEIGHT;

/** Shortest compound part that is split off; shorter ones ("ter", "aan") are too ambiguous. */
const MIN_PART = 4;

interface PreparedNote {
  readonly input: ClusterInput;
  readonly tokens: readonly NormalizedToken[];
  /** stem → how often, including compound parts. */
  readonly terms: Map<string, number>;
  /** stem → how it was written as a word of its own, for labels. */
  readonly surfaces: Map<string, string>;
  /** stem → the word it came from, compounds included ("voortgang" ← "studievoortgang"). */
  readonly origins: Map<string, string>;
  readonly trigrams: Map<string, number>;
}

interface SparseVector {
  readonly features: Int32Array;
  readonly weights: Float64Array;
}

interface Model {
  readonly notes: readonly PreparedNote[];
  readonly termVectors: readonly SparseVector[];
  readonly trigramVectors: readonly SparseVector[];
  /** Term feature index → stem. */
  readonly termNames: readonly string[];
  /** stem → its most common spelling as a word of its own anywhere, for labels of compound parts. */
  readonly spelling: ReadonlyMap<string, string>;
}

function increment(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The parts of a compound stem that occur as words in the vocabulary, e.g. studie + voortgang. */
function compoundParts(stem: string, vocabulary: ReadonlySet<string>): string[] {
  const parts = new Set<string>();
  if (stem.length < 2 * MIN_PART) return [];
  for (let i = MIN_PART; i <= stem.length - MIN_PART; i++) {
    const head = stem.slice(0, i);
    const tail = stem.slice(i);
    // Dutch links compound parts with -s- or -e(n)-: "kwaliteit-s-verbetering".
    const heads = [head];
    if (head.endsWith('s') && head.length > MIN_PART) heads.push(head.slice(0, -1));
    if (head.endsWith('en') && head.length > MIN_PART + 1) heads.push(head.slice(0, -2));
    for (const h of heads) if (h !== stem && vocabulary.has(h)) parts.add(h);
    if (tail !== stem && vocabulary.has(tail)) parts.add(tail);
  }
  return [...parts].sort();
}

function prepare(inputs: readonly ClusterInput[], fallbackLanguage: TextLanguage): PreparedNote[] {
  const normalized = inputs.map((input) => normalize(input.text, { fallbackLanguage }).tokens);
  const vocabulary = new Set<string>();
  for (const tokens of normalized) for (const token of tokens) vocabulary.add(token.stem);
  return inputs.map((input, index) => {
    const tokens = normalized[index] ?? [];
    const terms = new Map<string, number>();
    const surfaces = new Map<string, string>();
    const origins = new Map<string, string>();
    const trigrams = new Map<string, number>();
    for (const token of tokens) {
      increment(terms, token.stem);
      if (!surfaces.has(token.stem)) surfaces.set(token.stem, token.surface);
      if (!origins.has(token.stem)) origins.set(token.stem, token.surface);
      for (const part of compoundParts(token.stem, vocabulary)) {
        increment(terms, part);
        if (!origins.has(part)) origins.set(part, token.surface);
      }
      const padded = `_${token.stem}_`;
      for (let i = 0; i + 3 <= padded.length; i++) increment(trigrams, padded.slice(i, i + 3));
    }
    return { input, tokens, terms, surfaces, origins, trigrams };
  });
}

/** TF-IDF vectors, L2-normalised; sublinear term frequency, smoothed IDF. */
function vectorize(bags: readonly Map<string, number>[]): { vectors: SparseVector[]; names: string[] } {
  const index = new Map<string, number>();
  const documentFrequency: number[] = [];
  const names: string[] = [];
  for (const bag of bags) {
    for (const key of bag.keys()) {
      let feature = index.get(key);
      if (feature === undefined) {
        feature = names.length;
        index.set(key, feature);
        names.push(key);
        documentFrequency.push(0);
      }
      documentFrequency[feature] = (documentFrequency[feature] ?? 0) + 1;
    }
  }
  const n = bags.length;
  const vectors = bags.map((bag) => {
    const entries = [...bag.entries()]
      .map(([key, count]) => {
        const feature = index.get(key) ?? 0;
        const idf = Math.log((1 + n) / (1 + (documentFrequency[feature] ?? 0))) + 1;
        return [feature, (1 + Math.log(count)) * idf] as const;
      })
      .sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    return {
      features: Int32Array.from(entries.map(([f]) => f)),
      weights: Float64Array.from(entries.map(([, w]) => w / norm)),
    };
  });
  return { vectors, names };
}

function buildModel(inputs: readonly ClusterInput[], fallbackLanguage: TextLanguage): Model {
  const notes = prepare(inputs, fallbackLanguage);
  const terms = vectorize(notes.map((note) => note.terms));
  const trigrams = vectorize(notes.map((note) => note.trigrams));
  const counts = new Map<string, Map<string, number>>();
  for (const note of notes) {
    for (const [stem, surface] of note.surfaces) {
      const forms = counts.get(stem) ?? new Map<string, number>();
      increment(forms, surface);
      counts.set(stem, forms);
    }
  }
  const spelling = new Map([...counts].map(([stem, forms]) => [stem, mostCommon(forms) ?? stem] as const));
  return { notes, termVectors: terms.vectors, trigramVectors: trigrams.vectors, termNames: terms.names, spelling };
}

/** The most common form; ties go to the shorter, then the alphabetically first. */
function mostCommon(forms: ReadonlyMap<string, number>): string | undefined {
  const sorted = [...forms.entries()].sort(([fa, ca], [fb, cb]) => cb - ca || fa.length - fb.length || compare(fa, fb));
  return sorted[0]?.[0];
}

/** Adds weight × the dot products (found through an inverted index) into the symmetric `matrix`. */
function accumulate(vectors: readonly SparseVector[], weight: number, matrix: Float64Array): void {
  const n = vectors.length;
  const postings = new Map<number, { doc: number; w: number }[]>();
  vectors.forEach((vector, doc) => {
    for (let k = 0; k < vector.features.length; k++) {
      const feature = vector.features[k] ?? 0;
      let list = postings.get(feature);
      if (list === undefined) postings.set(feature, (list = []));
      list.push({ doc, w: vector.weights[k] ?? 0 });
    }
  });
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const first = list[a];
      if (first === undefined) continue;
      for (let b = a + 1; b < list.length; b++) {
        const second = list[b];
        if (second === undefined) continue;
        const product = weight * first.w * second.w;
        matrix[first.doc * n + second.doc] = (matrix[first.doc * n + second.doc] ?? 0) + product;
        matrix[second.doc * n + first.doc] = (matrix[second.doc * n + first.doc] ?? 0) + product;
      }
    }
  }
}

function similarityMatrix(model: Model): Float64Array {
  const n = model.notes.length;
  const matrix = new Float64Array(n * n);
  accumulate(model.termVectors, TERM_WEIGHT, matrix);
  accumulate(model.trigramVectors, TRIGRAM_WEIGHT, matrix);
  return matrix;
}

/** A short, stable hash of a string (two FNV-1a variants, 16 hex digits). */
function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 13;
  }
  return h1.toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The stable id of a cluster with these members. */
export function clusterId(itemIds: readonly string[]): string {
  return `cl-${stableHash([...itemIds].sort().join('\u0000'))}`;
}

function label(model: Model, members: readonly number[], termCount: number): string {
  const stats = new Map<string, { notes: number; weight: number; surfaces: Map<string, number> }>();
  for (const doc of members) {
    const vector = model.termVectors[doc];
    const note = model.notes[doc];
    if (vector === undefined || note === undefined) continue;
    for (let k = 0; k < vector.features.length; k++) {
      const stem = model.termNames[vector.features[k] ?? 0] ?? '';
      const entry = stats.get(stem) ?? { notes: 0, weight: 0, surfaces: new Map<string, number>() };
      entry.notes++;
      entry.weight += vector.weights[k] ?? 0;
      // Only words written on their own count; a compound part falls back to the field's spelling.
      const surface = note.surfaces.get(stem);
      if (surface !== undefined) increment(entry.surfaces, surface);
      stats.set(stem, entry);
    }
  }
  const ranked = [...stats.entries()].sort(
    ([sa, a], [sb, b]) => b.notes - a.notes || b.weight - a.weight || compare(sa, sb),
  );
  const shared = ranked.filter(([, entry]) => entry.notes >= 2);
  const pool = shared.length > 0 ? shared : ranked;
  const words: string[] = [];
  for (const [stem, entry] of pool) {
    const word = mostCommon(entry.surfaces) ?? model.spelling.get(stem) ?? stem;
    // A compound and its part can read the same; show each word once.
    if (!words.includes(word)) words.push(word);
    if (words.length >= (shared.length > 0 ? termCount : 2)) break;
  }
  return words.join(', ');
}

interface MergeCandidate {
  readonly average: number;
  readonly a: number;
  readonly b: number;
  readonly versionA: number;
  readonly versionB: number;
}

/** Max-first order with a total tie-break, so the merge order never depends on the heap's layout. */
function before(p: MergeCandidate, q: MergeCandidate): boolean {
  return p.average > q.average || (p.average === q.average && (p.a < q.a || (p.a === q.a && p.b < q.b)));
}

/** A binary heap of merge candidates, best first. */
class CandidateHeap {
  private readonly items: MergeCandidate[] = [];

  push(item: MergeCandidate): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as MergeCandidate;
      if (!before(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  pop(): MergeCandidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && before(items[right] as MergeCandidate, items[left] as MergeCandidate) ? right : left;
      const c = items[child] as MergeCandidate;
      if (!before(c, last)) break;
      items[i] = c;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Average-linkage clustering down to `threshold`. A cluster is named by its smallest note index;
 * `sums` (the similarity matrix, overwritten) holds the summed similarity between two clusters,
 * which merging simply adds up (Lance–Williams). Stale heap entries are recognised by version.
 * Returns the clusters as sorted note indices; notes without words stay alone.
 */
function averageLinkage(model: Model, sums: Float64Array, threshold: number): number[][] {
  const n = model.notes.length;
  const members: (number[] | null)[] = model.notes.map((note, i) => (note.tokens.length > 0 ? [i] : null));
  const version = new Int32Array(n);
  const heap = new CandidateHeap();
  for (let a = 0; a < n; a++) {
    if (members[a] === null) continue;
    for (let b = a + 1; b < n; b++) {
      const average = sums[a * n + b] ?? 0;
      if (average >= threshold && members[b] !== null) heap.push({ average, a, b, versionA: 0, versionB: 0 });
    }
  }
  for (let next = heap.pop(); next !== undefined; next = heap.pop()) {
    const { a, b } = next;
    const into = members[a];
    const from = members[b];
    if (into == null || from == null || version[a] !== next.versionA || version[b] !== next.versionB) continue;
    const merged = [...into, ...from].sort((x, y) => x - y);
    members[a] = merged;
    members[b] = null;
    version[a] = (version[a] ?? 0) + 1;
    for (let c = 0; c < n; c++) {
      const other = members[c];
      if (c === a || other == null) continue;
      const total = (sums[a * n + c] ?? 0) + (sums[b * n + c] ?? 0);
      sums[a * n + c] = total;
      sums[c * n + a] = total;
      const average = total / (merged.length * other.length);
      if (average < threshold) continue;
      const [lo, hi] = a < c ? [a, c] : [c, a];
      heap.push({ average, a: lo, b: hi, versionA: version[lo] ?? 0, versionB: version[hi] ?? 0 });
    }
  }
  return members.filter((m): m is number[] => m !== null);
}

/**
 * Suggests clusters of similar notes across subgroups (see the comment at the top of this file).
 * Notes without any meaningful word are ignored; of notes with the same id only one counts
 * (the first by group, then text, so the choice does not depend on the order). Clusters come
 * sorted by number of groups, size and score.
 */
export function suggestClusters(items: readonly ClusterInput[], options: ClusterOptions = {}): SuggestedCluster[] {
  const threshold = options.threshold ?? 0.35;
  const nearDuplicate = options.nearDuplicateThreshold ?? 0.8;
  const labelTerms = options.labelTerms ?? 3;

  // Sorting first makes the result independent of the input order, floating point included.
  const sorted = [...items].sort(
    (a, b) => compare(a.id, b.id) || compare(a.groupId, b.groupId) || compare(a.text, b.text),
  );
  const unique = sorted.filter((item, i) => i === 0 || sorted[i - 1]?.id !== item.id);
  const model = buildModel(unique, options.fallbackLanguage ?? 'nl');
  const n = model.notes.length;
  const matrix = similarityMatrix(model);
  // Copied because the linkage below reuses the matrix for its running sums.
  const pairwise = Float64Array.from(matrix);
  const sim = (i: number, j: number): number => pairwise[i * n + j] ?? 0;

  const members = averageLinkage(model, matrix, threshold);

  const clusters: SuggestedCluster[] = [];
  for (const docs of members) {
    if (docs.length < 2) continue;
    let total = 0;
    let pairs = 0;
    for (let x = 0; x < docs.length; x++) {
      for (let y = x + 1; y < docs.length; y++) {
        total += sim(docs[x] ?? 0, docs[y] ?? 0);
        pairs++;
      }
    }
    const score = total / pairs;
    const notes = docs.map((doc) => model.notes[doc]?.input).filter((x): x is ClusterInput => x !== undefined);
    const groupIds = [...new Set(notes.map((note) => note.groupId))].sort(compare);
    if (groupIds.length < 2 && score < nearDuplicate) continue;
    const itemIds = notes.map((note) => note.id).sort(compare);
    clusters.push({
      id: clusterId(itemIds),
      itemIds,
      groupIds,
      label: label(model, docs, labelTerms),
      score: Math.round(score * 1000) / 1000,
    });
  }
  return clusters.sort(
    (p, q) =>
      q.groupIds.length - p.groupIds.length ||
      q.itemIds.length - p.itemIds.length ||
      q.score - p.score ||
      compare(p.id, q.id),
  );
}

/** A term two notes share, with how each note wrote it. */
export interface SharedTerm {
  /** The normalised term. */
  readonly term: string;
  readonly inA: string;
  readonly inB: string;
}

/** Why two notes look alike. */
export interface SimilarityExplanation {
  /** The similarity the clustering would use for just these two notes, 0–1, three decimals. */
  readonly similarity: number;
  /** Shared normalised terms (compound parts included), in the order they occur in `a`. */
  readonly sharedTerms: SharedTerm[];
}

/** Explains the similarity of two note texts: the score and the normalised terms they share. */
export function explainSimilarity(
  a: string,
  b: string,
  options: Pick<ClusterOptions, 'fallbackLanguage'> = {},
): SimilarityExplanation {
  const model = buildModel(pair(a, b), options.fallbackLanguage ?? 'nl');
  const similarity = similarityMatrix(model)[1] ?? 0;
  return { similarity: Math.round(similarity * 1000) / 1000, sharedTerms: termsShared(model.notes) };
}

/**
 * The normalised terms two note texts share, as {@link explainSimilarity} reports them, without
 * the score: a cluster's explanation compares many pairs and needs only these.
 */
export function sharedTerms(
  a: string,
  b: string,
  options: Pick<ClusterOptions, 'fallbackLanguage'> = {},
): SharedTerm[] {
  return termsShared(prepare(pair(a, b), options.fallbackLanguage ?? 'nl'));
}

function pair(a: string, b: string): ClusterInput[] {
  return [
    { id: 'a', groupId: 'a', text: a },
    { id: 'b', groupId: 'b', text: b },
  ];
}

function termsShared([first, second]: readonly PreparedNote[]): SharedTerm[] {
  const shared: SharedTerm[] = [];
  if (first === undefined || second === undefined) return shared;
  for (const term of first.terms.keys()) {
    if (!second.terms.has(term)) continue;
    shared.push({ term, inA: first.origins.get(term) ?? term, inB: second.origins.get(term) ?? term });
  }
  return shared;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
