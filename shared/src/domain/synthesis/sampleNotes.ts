import type { ClusterInput } from './cluster';

/** `count` notes over five subgroups, built from recurring workshop phrases (deterministic). */
export function sampleClusterNotes(count: number): ClusterInput[] {
  const fragments = [
    'inzicht in studievoortgang',
    'studenten voelen zich bekeken',
    'weerstand bij docenten',
    'kwaliteit van het onderwijs',
    'privacy en de AVG',
    'toestemming van studenten',
    'budget voor ICT',
    'dashboard voor studieadviseurs',
    'uitval voorkomen',
    'data uit de leeromgeving',
    'commitment van het CvB',
    'visie en beleid ontbreken',
    'studentenraad betrekken',
    'ethische vragen over profilering',
    'koppeling met het studentinformatiesysteem',
    'betrouwbare analyses',
    'verkeerde conclusies trekken',
    'teachers fear being judged',
    'students feel watched',
    'persoonlijke begeleiding op maat',
    'onderzoek naar onderwijs',
    'vakken verbeteren',
    'werkdruk van docenten',
    'transparant over het gebruik van data',
    'bias in algoritmes',
    'eigenaarschap van data',
    'beveiliging van gegevens',
    'feedback aan studenten',
    'vroeg signaleren',
    'learning analytics pilot',
  ];
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = (): string => fragments[Math.floor(random() * fragments.length)] ?? '';
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    groupId: `g${i % 5}`,
    text: [pick(), random() < 0.6 ? pick() : '', random() < 0.3 ? pick() : ''].join(' '),
  }));
}
