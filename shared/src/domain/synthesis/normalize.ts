/**
 * Text normalisation for comparing sticky notes, Dutch and English: fold case and diacritics,
 * split into words, drop function words, and reduce each word to a light stem so that
 * "studenten" and "student", or "teachers" and "teacher", become the same term.
 *
 * Language: a note is stemmed with ONE stemmer, chosen per note by counting stop words of each
 * language (plus a few spelling cues). Running both stemmers on every word is not safe: the
 * English "-ed" rule turns Dutch "goed" into "go", and the Dutch "-en" rule turns "often" into
 * "oft". When the cues tie (short notes like "Budget ICT") the workshop's language decides.
 *
 * Cross-language matching goes only through a small glossary of the workshop's own vocabulary
 * (teacher → docent, quality → kwaliteit, …): English stems in it are replaced by the Dutch stem.
 * Words outside it do not match across languages; that is a known limit, not an accident.
 */

/** The languages the normaliser knows. */
export type TextLanguage = 'nl' | 'en';

/** One word of a note after normalisation. */
export interface NormalizedToken {
  /** The comparable term: folded, stemmed and, for English, mapped through the glossary. */
  readonly stem: string;
  /** The word as written (lower-cased), to show people why notes were grouped. */
  readonly surface: string;
}

/** A normalised note. */
export interface NormalizedText {
  readonly language: TextLanguage;
  readonly tokens: readonly NormalizedToken[];
}

/** Dutch function words: articles, pronouns, prepositions, conjunctions, auxiliaries, hedges. */
export const STOP_WORDS_NL: ReadonlySet<string> = new Set(
  (
    'de het een en of van in op te ten ter dat die dit deze der des is zijn was waren wordt worden werd ' +
    'wat welke welk wie waar wanneer hoe waarom we wij je jij u ze zij hij zij hem haar hun hen ons onze ' +
    'mijn jouw jullie uw ik me mij men er hier daar dan als om aan bij met voor door naar over uit tot ' +
    'tegen zonder onder tussen na sinds al ook nog niet geen wel maar want dus zo zou zouden kan kunnen ' +
    'kun moet moeten mag mogen wil willen zal zullen heeft hebben heb had hadden doet doen ben bent ' +
    'zich zelf veel meer meest weinig heel erg vaak soms misschien even nu toch echt alle alles ieder ' +
    'iedere elk elke iets niets iemand niemand andere ander anders waarbij waarin waarop daarbij daarom ' +
    'omdat zodat terwijl toen indien mits hoe tot via per'
  ).split(' '),
);

/** English function words. */
export const STOP_WORDS_EN: ReadonlySet<string> = new Set(
  (
    'the a an and or of to in on at by for from with without about into onto over under between ' +
    'is are was were be been being am do does did done has have had having will would shall should ' +
    'can could may might must what which who whom whose where when why how that this these those ' +
    'it its they them their theirs we us our ours you your yours he him his she her hers i me my ' +
    'not no nor but so if then than too very also just only more most much many some any all each ' +
    'every other such there here as up down out off again further once both few own same because ' +
    'while until via per maybe perhaps'
  ).split(' '),
);

/*
 * Glossary of the workshop's vocabulary, English → Dutch, as written words; both sides are
 * stemmed once below so the mapping works on stems. Only words that the canvas fields and the
 * handbook's examples use, so that it stays predictable.
 */
const GLOSSARY_WORDS: readonly (readonly [string, string])[] = [
  ['teacher', 'docent'],
  ['lecturer', 'docent'],
  ['student', 'student'],
  ['quality', 'kwaliteit'],
  ['education', 'onderwijs'],
  ['teaching', 'onderwijs'],
  ['progress', 'voortgang'],
  ['resistance', 'weerstand'],
  ['trust', 'vertrouwen'],
  ['insight', 'inzicht'],
  ['guidance', 'begeleiding'],
  ['support', 'ondersteuning'],
  ['dropout', 'uitval'],
  ['goal', 'doel'],
  ['aim', 'doel'],
  ['vision', 'visie'],
  ['policy', 'beleid'],
  ['ethics', 'ethiek'],
  ['risk', 'risico'],
  ['opportunity', 'kans'],
  ['research', 'onderzoek'],
  ['researcher', 'onderzoeker'],
  ['advisor', 'adviseur'],
  ['adviser', 'adviseur'],
  ['course', 'vak'],
  ['programme', 'opleiding'],
  ['program', 'opleiding'],
  ['institution', 'instelling'],
  ['question', 'vraag'],
  ['behaviour', 'gedrag'],
  ['behavior', 'gedrag'],
  ['consent', 'toestemming'],
  ['workload', 'werkdruk'],
  ['time', 'tijd'],
  ['wellbeing', 'welzijn'],
  ['environment', 'omgeving'],
  ['security', 'beveiliging'],
  ['board', 'bestuur'],
];

const VOWELS_NL = 'aeiouy';

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS_NL.includes(ch);
}

/** Lower-cases and removes diacritics (é→e, ë→e, ĳ→ij), keeping letters and digits. */
export function foldText(text: string): string {
  // NFKD splits ligatures (ĳ) and accented letters; the combining marks are then dropped.
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Splits folded text into words; drops a plural or possessive "'s" ("risico's" → "risico"). */
export function tokenize(text: string): string[] {
  return foldText(text)
    .replace(/['’‘`´]s\b/g, '')
    .replace(/['’‘`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Start of the Snowball "R1" region: after the first non-vowel that follows a vowel, at least 3. */
function r1Start(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(3, i + 1);
  }
  return word.length;
}

function undoubleDutch(word: string): string {
  const n = word.length;
  if (n >= 2 && word[n - 1] === word[n - 2] && !isVowel(word[n - 1]) && /[bdfgklmnprst]/.test(word[n - 1] ?? '')) {
    return word.slice(0, -1);
  }
  return word;
}

function validEnEnding(stem: string): boolean {
  const last = stem[stem.length - 1];
  return stem.length > 0 && !isVowel(last) && !stem.endsWith('gem');
}

/** Removes a final "e" after a non-vowel inside R1, undoubling; Snowball's step 2. */
function dropE(word: string, r1: number): string {
  if (word.endsWith('e') && word.length - 1 >= r1 && !isVowel(word[word.length - 2])) {
    return undoubleDutch(word.slice(0, -1));
  }
  return word;
}

/**
 * A light Dutch stemmer, a simplified Snowball Dutch: plural -en/-s (also -ies/-ses/-ges), -heden/-heid, -e,
 * diminutive -je(s)/-etje(s)/-pje(s), the nominal and adjectival -ing/-end/-lijk/-baar, and the
 * final undoubling of consonants ("vakken" → "vak") and vowels ("groot"/"grote" → "grot").
 * "-ing" is stripped on purpose: "begeleiding" → "begeleid" then meets "begeleiden" → "begeleid".
 * Stems are not words; they only have to be equal for related words.
 */
export function stemDutch(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  const r1 = r1Start(w);
  const inR1 = (suffix: string): boolean => w.endsWith(suffix) && w.length - suffix.length >= r1;

  // Diminutives (not in Snowball): "balletje" → "bal", "boompje" → "boom", "kaartjes" → "kaart".
  const diminutive = /(?:([bdfgklmnprst])\1etjes?|mpjes?|jes?)$/.exec(w);
  if (diminutive !== null) {
    const cut = diminutive[0];
    // Keep the doubled consonant's first letter and the m of "-mpje"; drop the rest.
    const keep = cut.includes('etje') || cut.startsWith('mp') ? 1 : 0;
    const base = w.slice(0, w.length - cut.length + keep);
    if (base.length >= 3) return finishDutch(base, r1);
  }

  // Step 1: -heden → -heid; -ene/-en after a non-vowel; -se/-s after a non-vowel other than j.
  if (inR1('heden')) w = `${w.slice(0, -5)}heid`;
  else if (inR1('ene') && validEnEnding(w.slice(0, -3))) w = undoubleDutch(w.slice(0, -3));
  else if (inR1('en') && validEnEnding(w.slice(0, -2))) w = undoubleDutch(w.slice(0, -2));
  else if (inR1('se') && !isVowel(w[w.length - 3]) && w[w.length - 3] !== 'j') w = w.slice(0, -2);
  // Not in Snowball: the plural -s of words in -ie, -se, -ge ("studies", "analyses", "rapportages");
  // other "-es" endings are left alone because "proces" and "succes" are singular.
  else if (inR1('s') && /(?:ie|se|ge)s$/.test(w)) w = w.slice(0, -1);
  else if (inR1('s') && !isVowel(w[w.length - 2]) && w[w.length - 2] !== 'j') w = w.slice(0, -1);

  return finishDutch(w, r1);
}

function finishDutch(word: string, r1: number): string {
  let w = word;
  const inR1 = (suffix: string): boolean => w.endsWith(suffix) && w.length - suffix.length >= r1;
  // Step 2: final -e.
  w = dropE(w, r1);
  // Step 3a: -heid (not after c, as in "scheid"), then a freed -en.
  if (inR1('heid') && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (inR1('en') && validEnEnding(w.slice(0, -2))) w = undoubleDutch(w.slice(0, -2));
  }
  // Step 3b: derivational suffixes.
  if (inR1('ing') || inR1('end')) w = undoubleDutch(w.slice(0, -3));
  else if (inR1('lijk')) w = dropE(w.slice(0, -4), r1);
  else if (inR1('baar')) w = w.slice(0, -4);
  // Step 4: undouble a long vowel before a final consonant: "groot" → "grot", "taal" → "tal".
  const m = /([^aeiouy])(aa|ee|oo|uu)([^aeiouyij])$/.exec(w);
  if (m !== null) w = w.slice(0, -2) + w.slice(-1);
  return w;
}

/**
 * A light English stemmer in the spirit of Porter's step 1: plurals (-s, -es, -ies), -ied, -ed,
 * -ing, -ly, then a final -e and doubled consonants, so "judged", "judging" and "judge" all
 * become "judg", and "controlled" becomes "control".
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  let stripped = false;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('eed')) {
    // "need", "feed", "agreed": too few to be worth a rule that would also hit "need" itself.
  } else if (w.endsWith('ed') && /[aeiouy]/.test(w.slice(0, -2))) {
    // Only the "d": "used" → "use" and "judged" → "judge", then the final -e rule below.
    w = w.slice(0, -1);
    stripped = true;
  } else if (w.endsWith('ing') && w.length - 3 >= 3 && /[aeiouy]/.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ly') && w.length - 2 >= 4) {
    w = w.slice(0, -2);
  }

  if (w.endsWith('e') && !w.endsWith('ee') && w.length >= 4) w = w.slice(0, -1);
  if (stripped) {
    const n = w.length;
    const last = w[n - 1] ?? '';
    if (n >= 2 && last === w[n - 2] && /[bdfgkmnprt]/.test(last)) w = w.slice(0, -1);
    else if (n > 5 && last === 'l' && w[n - 2] === 'l') w = w.slice(0, -1);
  }
  return w;
}

const GLOSSARY: ReadonlyMap<string, string> = new Map(
  GLOSSARY_WORDS.map(([en, nl]) => [stemEnglish(en), stemDutch(nl)] as const),
);

/** The glossary as English stem → Dutch stem, for tests and for explaining a match. */
export function glossary(): ReadonlyMap<string, string> {
  return GLOSSARY;
}

/**
 * Guesses whether a note is Dutch or English: exclusive stop words count one, a few spellings
 * that only one language uses (ij, aa, uu, -heid, -lijk / -tion, wh-) count a half. Ties give
 * `fallback`.
 */
export function detectLanguage(words: readonly string[], fallback: TextLanguage = 'nl'): TextLanguage {
  let nl = 0;
  let en = 0;
  for (const word of words) {
    const inNl = STOP_WORDS_NL.has(word);
    const inEn = STOP_WORDS_EN.has(word);
    if (inNl && !inEn) nl += 1;
    else if (inEn && !inNl) en += 1;
    else if (!inNl && !inEn) {
      if (/ij|aa|uu|oe|heid$|lijk$|tje$/.test(word)) nl += 0.5;
      if (/tion$|^wh|ness$|ship$|ity$/.test(word)) en += 0.5;
    }
  }
  if (nl === en) return fallback;
  return nl > en ? 'nl' : 'en';
}

/** Options for {@link normalize}. */
export interface NormalizeOptions {
  /** Language for notes without clear cues; the workshop's language. */
  readonly fallbackLanguage?: TextLanguage;
}

/*
 * Stems per language, remembered: a field's notes repeat the same words many times. Bounded so
 * a long-running server does not grow it without end; stemming is pure, so caching is safe.
 */
const stemCache = { nl: new Map<string, string>(), en: new Map<string, string>() };
const STEM_CACHE_SIZE = 20_000;

function cachedStem(word: string, language: TextLanguage): string {
  const cache = stemCache[language];
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = language === 'nl' ? stemDutch(word) : (GLOSSARY.get(stemEnglish(word)) ?? stemEnglish(word));
    if (cache.size >= STEM_CACHE_SIZE) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/** Normalises a note: words, stop words removed, stemmed for its detected language. */
export function normalize(text: string, options: NormalizeOptions = {}): NormalizedText {
  const words = tokenize(text);
  const language = detectLanguage(words, options.fallbackLanguage ?? 'nl');
  const stopWords = language === 'nl' ? STOP_WORDS_NL : STOP_WORDS_EN;
  const tokens: NormalizedToken[] = [];
  for (const word of words) {
    if (stopWords.has(word)) continue;
    // Single letters and digits carry no meaning on a sticky note.
    if (word.length < 2) continue;
    tokens.push({ stem: cachedStem(word, language), surface: word });
  }
  return { language, tokens };
}

/** The stems of a text, for quick comparisons and tests. */
export function stems(text: string, options: NormalizeOptions = {}): string[] {
  return normalize(text, options).tokens.map((token) => token.stem);
}
