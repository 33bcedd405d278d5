import { describe, expect, it } from 'vitest';
import { clusterId, explainSimilarity, sharedTerms, suggestClusters, type ClusterInput } from './cluster';
import { sampleClusterNotes } from './sampleNotes';

/*
 * Real examples. The notes are the handbook's own examples ("Voorbeelden uit de praktijk" for
 * kansen en risico's, the example goals) and statements from the interviews in the seeds
 * (interviews-studiedata.txt, vu-student-analytics.txt), spread over subgroups A, B and C the way
 * three tables would write them, in their own words, one table partly in English.
 */

const note = (id: string, groupId: string, text: string): ClusterInput => ({ id, groupId, text });
/** The notes one table wrote in a field, numbered by the table's letter: A's are a1, a2, … */
const table = (groupId: string, texts: readonly string[]): ClusterInput[] =>
  texts.map((text, i) => note(`${groupId.toLowerCase()}${i + 1}`, groupId, text));

/** Field "kansen en risico's". */
const risks: ClusterInput[] = [
  ...table('A', [
    'Studenten willen misschien niet meewerken, voelen zich bekeken',
    'Teveel focus op studiesucces en niet op kwaliteit van onderwijs',
    'Docenten ervaren weerstand: afrekenen op kwaliteit',
    'Verkeerde conclusies trekken over studievoortgang',
    'Kans: studenten eerder helpen als ze achterblijven',
  ]),
  ...table('B', [
    'Weerstand bij studenten: ze voelen zich gecontroleerd en bekeken',
    'Persoonlijke data nodig, problemen met de AVG',
    'Te veel nadruk op studiesucces, te weinig op onderwijskwaliteit',
    'Onderzoekers hebben data van alle studenten nodig',
    'Budget voor ICT ontbreekt',
  ]),
  ...table('C', [
    'Teachers fear being judged on the quality of their teaching',
    'Privacy: AVG en toestemming van studenten',
    'Verkeerde conclusies uit data over studievoortgang maken het probleem groter',
    'Uitval voorkomen door vroeg te signaleren',
    'Bias in algoritmes voor minderheden',
  ]),
];

/** Field "doel". */
const goals: ClusterInput[] = [
  ...table('A', ['Inzicht in studievoortgang', 'Studentbegeleiding verbeteren', 'Kwaliteitsverbetering vakken']),
  ...table('B', [
    'Studievoortgang beter inzichtelijk maken voor studieadviseurs',
    'Uitval voorkomen in het eerste jaar',
    'Onderwijsonderzoek',
  ]),
  ...table('C', [
    'Kwaliteit van de vakken verbeteren',
    'Persoonlijke begeleiding van studenten op maat',
    'Onderzoek naar onderwijs ondersteunen',
    'Studenten eerder signaleren die dreigen uit te vallen',
  ]),
];

/** Field "stakeholders" and "visie en beleid", four tables. */
const stakeholders: ClusterInput[] = [
  note('s1', 'A', 'Studenten en studentenraad betrekken'),
  note('s2', 'A', 'Docenten als eerste gebruikers'),
  note('s3', 'A', 'ICT-afdeling voor beheer van het systeem'),
  note('s4', 'A', 'Privacy officer'),
  note('s5', 'A', 'Code of Practice Privacy & Ethiek opstellen, samen met studenten'),
  note('s6', 'B', 'De studentenraad moet instemmen'),
  note('s7', 'B', 'Functionaris gegevensbescherming (privacy officer) vroeg betrekken'),
  note('s8', 'B', 'Code of Practice jaarlijks herzien met de studentenraad'),
  note('s9', 'B', 'Beslissingen worden nu genomen op basis van vooronderstellingen'),
  note('s10', 'C', 'Studieadviseurs en decanen'),
  note('s11', 'C', 'ICT: koppelingen en beheer'),
  note('s12', 'C', 'Cultuuromslag nodig: beslissingen onderbouwen met data'),
  note('s13', 'C', 'Eén overkoepelende afdeling voor data-analyses'),
  note('s14', 'D', 'OR en studentenraad'),
  note('s15', 'D', 'Gezamenlijke analyse-afdeling over de domeinen heen'),
  note('s16', 'A', 'Studieadviseurs'),
];

const memberSets = (items: readonly ClusterInput[], options = {}): string[][] =>
  suggestClusters(items, options)
    .map((c) => c.itemIds)
    .sort((p, q) => (p.join() < q.join() ? -1 : 1));

describe('suggested clusters on the handbook examples', () => {
  it('groups the same risk written by different tables, and nothing else', () => {
    expect(memberSets(risks)).toEqual([
      // "voelen zich bekeken" / "voelen zich gecontroleerd en bekeken"
      ['a1', 'b1'],
      // "teveel focus op studiesucces … kwaliteit van onderwijs" / "te veel nadruk op studiesucces … onderwijskwaliteit"
      ['a2', 'b3'],
      // "verkeerde conclusies … studievoortgang"
      ['a4', 'c3'],
    ]);
  });

  it('labels a cluster with the words its notes share, as people wrote them', () => {
    const cluster = suggestClusters(risks).find((c) => c.itemIds.includes('a1'));
    expect(cluster?.label.split(', ').sort()).toEqual(['bekeken', 'studenten', 'voelen']);
    expect(cluster?.groupIds).toEqual(['A', 'B']);
    expect(cluster?.score).toBeGreaterThan(0.35);
  });

  it('finds goals phrased as a noun or a verb, and compounds against their parts', () => {
    expect(memberSets(goals)).toEqual([
      // "inzicht" / "inzichtelijk", both "studievoortgang"
      ['a1', 'b1'],
      // "studentbegeleiding" / "begeleiding van studenten"
      ['a2', 'c2'],
      // "kwaliteitsverbetering vakken" / "kwaliteit van de vakken verbeteren"
      ['a3', 'c1'],
      // "onderwijsonderzoek" / "onderzoek naar onderwijs"
      ['b3', 'c3'],
    ]);
  });

  it('misses what only meaning connects: "uitval" and "uit te vallen" (a separable verb)', () => {
    const sets = memberSets(goals);
    expect(sets.some((s) => s.includes('b2') && s.includes('c4'))).toBe(false);
  });

  it('groups stakeholders across four tables, and keeps related-but-different notes apart', () => {
    const sets = memberSets(stakeholders);
    expect(sets).toContainEqual(['s1', 's14', 's6']);
    expect(sets).toContainEqual(['s10', 's16']);
    expect(sets).toContainEqual(['s11', 's3']);
    expect(sets).toContainEqual(['s4', 's7']);
    expect(sets).toContainEqual(['s5', 's8']);
    // "analyse-afdeling" / "afdeling voor data-analyses": the hyphen splits, "-s" and "-e" are stemmed.
    expect(sets).toContainEqual(['s13', 's15']);
    expect(sets).toHaveLength(6);
    // Same theme (deciding on assumptions rather than data) but only "beslissingen" in common.
    expect(sets.some((s) => s.includes('s9') && s.includes('s12'))).toBe(false);
  });

  it('does not group unrelated notes', () => {
    expect(suggestClusters([note('x', 'A', 'AVG en privacy'), note('y', 'B', 'Budget voor ICT')])).toEqual([]);
    expect(explainSimilarity('AVG en privacy', 'Budget voor ICT')).toEqual({ similarity: 0, sharedTerms: [] });
  });
});

describe('across languages', () => {
  const dutch = 'Docenten ervaren weerstand: afrekenen op kwaliteit';
  const english = 'Teachers fear being judged on the quality of their teaching';

  it('sees the glossary words two languages share, but that alone stays under the threshold', () => {
    const explanation = explainSimilarity(dutch, english);
    expect(explanation.sharedTerms).toEqual([
      { term: 'docent', inA: 'docenten', inB: 'teachers' },
      { term: 'kwaliteit', inA: 'kwaliteit', inB: 'quality' },
    ]);
    expect(explanation.similarity).toBeGreaterThan(0.2);
    expect(explanation.similarity).toBeLessThan(0.35);
    expect(suggestClusters([note('a3', 'A', dutch), note('c1', 'C', english)])).toEqual([]);
    // Among the other risks the pair scores higher (rarer words weigh more); a lower threshold finds it.
    expect(memberSets(risks, { threshold: 0.25 })).toContainEqual(['a3', 'c1']);
  });

  it('does not match words outside the glossary ("voelen zich bekeken" / "feel watched")', () => {
    const explanation = explainSimilarity(
      'Studenten willen misschien niet meewerken, voelen zich bekeken',
      'Students may not want to take part because they feel watched',
    );
    expect(explanation.sharedTerms.map((t) => t.term)).toEqual(['student']);
    expect(explanation.similarity).toBeLessThan(0.2);
  });
});

describe('explaining a match', () => {
  it('shows compound parts with the words they came from', () => {
    const explanation = explainSimilarity('Inzicht in studievoortgang', 'Voortgang van studie volgen');
    expect(explanation.sharedTerms).toEqual([
      { term: 'studie', inA: 'studievoortgang', inB: 'studie' },
      { term: 'voortgang', inA: 'studievoortgang', inB: 'voortgang' },
    ]);
    expect(explanation.similarity).toBeGreaterThanOrEqual(0.35);
  });

  it('shows the shared terms of the handbook pair', () => {
    const explanation = explainSimilarity(
      'Studenten willen misschien niet meewerken, voelen zich bekeken',
      'Weerstand bij studenten: ze voelen zich gecontroleerd en bekeken',
    );
    expect(explanation.sharedTerms.map((t) => `${t.inA}/${t.inB}`)).toEqual([
      'studenten/studenten',
      'voelen/voelen',
      'bekeken/bekeken',
    ]);
  });
});

describe('rules of the result', () => {
  it('does not suggest notes of one group that are merely similar, but does suggest its near-duplicates', () => {
    const similar = [
      note('a', 'A', 'Inzicht in studievoortgang'),
      note('b', 'A', 'Studievoortgang beter inzichtelijk maken'),
    ];
    expect(suggestClusters(similar)).toEqual([]);
    const duplicates = [
      note('a', 'A', 'Privacy van studenten waarborgen'),
      note('b', 'A', 'privacy van de studenten waarborgen!'),
    ];
    expect(suggestClusters(duplicates).map((c) => c.itemIds)).toEqual([['a', 'b']]);
  });

  it('never returns single notes, and ignores empty notes and notes of only function words', () => {
    expect(suggestClusters([])).toEqual([]);
    expect(suggestClusters([note('a', 'A', 'Inzicht in studievoortgang')])).toEqual([]);
    expect(suggestClusters([note('a', 'A', ''), note('b', 'B', ''), note('c', 'C', 'wat is het? en de')])).toEqual([]);
  });

  it('gives the same clusters, ids and labels whatever the input order', () => {
    const reference = suggestClusters(risks);
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 10; round++) {
      const shuffled = [...risks].sort(() => random() - 0.5);
      expect(suggestClusters(shuffled)).toEqual(reference);
    }
  });

  it('derives a stable cluster id from the sorted member ids', () => {
    const cluster = suggestClusters(risks).find((c) => c.itemIds.includes('a1'));
    expect(cluster?.id).toBe(clusterId(['b1', 'a1']));
    expect(clusterId(['a1', 'b1'])).toMatch(/^cl-[0-9a-f]{16}$/);
    expect(clusterId(['a1', 'b1'])).not.toBe(clusterId(['a1', 'b2']));
  });

  // How fast this is belongs to the benchmark (`npm run bench`: clustering 500 notes).
  it('clusters 500 notes from five subgroups into valid suggestions', () => {
    const items = sampleClusterNotes(500);
    const clusters = suggestClusters(items);
    expect(clusters.length).toBeGreaterThan(0);
    const ids = new Set(items.map((n) => n.id));
    for (const c of clusters) {
      expect(c.itemIds.length).toBeGreaterThanOrEqual(2);
      expect(c.itemIds.every((id) => ids.has(id))).toBe(true);
    }
    // A note belongs to one suggestion at most.
    const all = clusters.flatMap((c) => c.itemIds);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('sharedTerms: the shared words of a pair without the score', () => {
  it('finds exactly the terms explainSimilarity reports, compound parts and glossary words included', () => {
    const pairs: [string, string][] = [
      [
        'Docenten ervaren weerstand: afrekenen op kwaliteit',
        'Teachers fear being judged on the quality of their teaching',
      ],
      ['Studievoortgang zichtbaar maken voor mentoren', 'De voortgang van de studie volgen'],
      ['Kwaliteitsverbetering van het onderwijs', 'Verbetering van kwaliteit in de opleiding'],
      ['AVG en privacy', 'Budget voor ICT'],
    ];
    for (const [a, b] of pairs) {
      expect(sharedTerms(a, b)).toEqual(explainSimilarity(a, b).sharedTerms);
      expect(sharedTerms(a, b, { fallbackLanguage: 'en' })).toEqual(
        explainSimilarity(a, b, { fallbackLanguage: 'en' }).sharedTerms,
      );
    }
    expect(sharedTerms(pairs[1]![0], pairs[1]![1]).map((t) => t.term)).toContain('voortgang');
  });
});
