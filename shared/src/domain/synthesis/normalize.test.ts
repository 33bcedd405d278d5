import { describe, expect, it } from 'vitest';
import { detectLanguage, foldText, glossary, normalize, stemDutch, stemEnglish, stems, tokenize } from './normalize';

describe('folding and tokenising', () => {
  it('lower-cases and strips diacritics, including the ij ligature', () => {
    expect(foldText('Creëer, Coördineer, geïntervenieerd, café, ĲSSEL')).toBe(
      'creeer, coordineer, geintervenieerd, cafe, ijssel',
    );
  });

  it('splits on punctuation and drops a plural or possessive apostrophe-s', () => {
    expect(tokenize("Risico's: AVG/privacy & ethiek — 'studie-uitval' (teacher's view)")).toEqual([
      'risico',
      'avg',
      'privacy',
      'ethiek',
      'studie',
      'uitval',
      'teacher',
      'view',
    ]);
  });
});

describe('Dutch stemming', () => {
  const table: [string, string][] = [
    ['studenten', 'student'],
    ['student', 'student'],
    ['docenten', 'docent'],
    ['vakken', 'vak'],
    ['vak', 'vak'],
    ['processen', 'proces'],
    ['proces', 'proces'],
    ['studieadviseurs', 'studieadviseur'],
    ['gegevens', 'gegeven'],
    ['studies', 'studie'],
    ['analyses', 'analys'],
    ['analyse', 'analys'],
    // -ing is stripped on purpose, so the noun meets the verb.
    ['begeleiding', 'begeleid'],
    ['begeleiden', 'begeleid'],
    ['verbetering', 'verbeter'],
    ['verbeteren', 'verbeter'],
    ['veiligheid', 'veilig'],
    ['mogelijkheden', 'mog'],
    ['mogelijkheid', 'mog'],
    ['inzichtelijk', 'inzicht'],
    ['groot', 'grot'],
    ['grote', 'grot'],
    ['kaartjes', 'kaart'],
    ['balletje', 'bal'],
    ['opleidingen', 'opleid'],
    ['opleiding', 'opleid'],
    ['weerstand', 'weerstand'],
    ['meewerken', 'meewerk'],
    // Compounds stay whole here; cluster.ts splits them against the field's vocabulary.
    ['studievoortgang', 'studievoortgang'],
    // Short words and numbers are left alone.
    ['avg', 'avg'],
    ['2024', '2024'],
  ];
  it.each(table)('%s → %s', (word, stem) => {
    expect(stemDutch(word)).toBe(stem);
  });
});

describe('English stemming', () => {
  const table: [string, string][] = [
    ['teachers', 'teacher'],
    ['studies', 'study'],
    ['studied', 'study'],
    ['studying', 'study'],
    ['judged', 'judg'],
    ['judging', 'judg'],
    ['judge', 'judg'],
    ['controlled', 'control'],
    ['running', 'run'],
    ['really', 'real'],
    ['making', 'mak'],
    ['make', 'mak'],
    ['boxes', 'box'],
    ['classes', 'class'],
    ['analysis', 'analysis'],
    ['status', 'status'],
    ['used', 'use'],
  ];
  it.each(table)('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

describe('language detection and stop words', () => {
  it('tells a Dutch from an English note by their function words', () => {
    expect(detectLanguage(tokenize('Studenten willen misschien niet meewerken, voelen zich bekeken'))).toBe('nl');
    expect(detectLanguage(tokenize('Teachers fear being judged on the quality of their teaching'))).toBe('en');
  });

  it('falls back to the workshop language when there are no cues', () => {
    expect(detectLanguage(tokenize('Budget ICT'))).toBe('nl');
    expect(detectLanguage(tokenize('Budget ICT'), 'en')).toBe('en');
  });

  it('drops function words of the detected language', () => {
    expect(stems('Wat is het doel van de studenten?')).toEqual(['doel', 'student']);
    expect(stems('What is the goal of the students?')).toEqual(['doel', 'student']);
  });

  it('does not run the English stemmer over Dutch words: "goed" stays "goed"', () => {
    // ("gaat" → "gat": Snowball's vowel undoubling, as "groot" → "grot".)
    expect(stems('Dat gaat nu al goed bij de opleiding')).toEqual(['gat', 'goed', 'opleid']);
  });

  it('maps English workshop words to the Dutch stem through the glossary, and keeps what people wrote', () => {
    expect(normalize('The teachers and the quality of teaching').tokens).toEqual([
      { stem: 'docent', surface: 'teachers' },
      { stem: 'kwaliteit', surface: 'quality' },
      { stem: 'onderwijs', surface: 'teaching' },
    ]);
    // Every glossary target is a Dutch stem that a Dutch note produces.
    for (const dutch of glossary().values()) expect(stemDutch(dutch)).toBe(dutch);
  });
});
