import { describe, it, expect } from 'vitest';
import { discussiemodelTemplate } from './discussiemodel';
import { validateTemplate } from './schema';
import { asksQuestions } from './lookup';
import type { FieldTemplate, LocalizedText, SheetTemplate } from './types';

const DPIA_IDS = [
  'dpia-beschrijving',
  'dpia-noodzaak',
  'dpia-risicos',
  'dpia-maatregelen-risicos',
  'dpia-maatregelen-naleving',
  'dpia-documentatie',
  'dpia-toezicht',
];

const MARGIN = 30;
const HEADER_BOTTOM = MARGIN + 90;
const PRIVACY_BAND = 100;

function sheet(id: string): SheetTemplate {
  const found = discussiemodelTemplate.sheets.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no sheet ${id}`);
  return found;
}

function field(id: string): FieldTemplate {
  for (const s of discussiemodelTemplate.sheets) {
    const found = s.fields.find((f) => f.id === id);
    if (found !== undefined) return found;
  }
  throw new Error(`no field ${id}`);
}

/** Every localized text in the template, with where it sits, for the text-quality checks. */
function allTexts(): { where: string; text: LocalizedText }[] {
  const out: { where: string; text: LocalizedText }[] = [
    { where: 'template.title', text: discussiemodelTemplate.title },
    { where: 'template.source', text: discussiemodelTemplate.source },
  ];
  for (const s of discussiemodelTemplate.sheets) {
    out.push({ where: `${s.id}.label`, text: s.label }, { where: `${s.id}.title`, text: s.title });
    out.push({ where: `${s.id}.background`, text: s.background });
    for (const f of s.fields) {
      out.push({ where: `${f.id}.title`, text: f.title }, { where: `${f.id}.background`, text: f.background });
      f.questions.forEach((q, i) => out.push({ where: `${f.id}.questions[${i}]`, text: q }));
      f.examples.forEach((e, i) => out.push({ where: `${f.id}.examples[${i}]`, text: e }));
      f.links.forEach((l, i) => out.push({ where: `${f.id}.links[${i}]`, text: l.label }));
      if (f.hint !== undefined) out.push({ where: `${f.id}.hint`, text: f.hint });
    }
  }
  return out;
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, bl] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('discussiemodelTemplate', () => {
  it('passes validation', () => {
    const result = validateTemplate(discussiemodelTemplate);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the two handbook sheets at A0 landscape', () => {
    expect(discussiemodelTemplate.id).toBe('discussiemodel-la');
    expect(discussiemodelTemplate.version).toBe(1);
    expect(discussiemodelTemplate.sheets.map((s) => s.id)).toEqual(['vel1', 'vel2']);
    for (const s of discussiemodelTemplate.sheets) {
      expect([s.width, s.height]).toEqual([1189, 841]);
    }
    expect(sheet('vel1').title.nl).toBe('Doel en doelgroep');
    expect(sheet('vel2').title.nl).toBe('Randvoorwaarden');
  });

  it('contains exactly the handbook fields', () => {
    expect(sheet('vel1').fields.map((f) => f.id)).toEqual(['doel', 'concrete-vragen', 'doelgroep', 'kansen-risicos']);
    expect(
      sheet('vel2')
        .fields.map((f) => f.id)
        .sort(),
    ).toEqual(['data', 'visie-beleid', 'commitment-cvb', 'stakeholders', 'privacy', 'ethiek', ...DPIA_IDS].sort());
  });

  it('nests the seven DPIA boxes, and only them, in PRIVACY', () => {
    const nested = sheet('vel2').fields.filter((f) => f.parentId !== undefined);
    expect(nested.map((f) => f.id)).toEqual(DPIA_IDS);
    expect(nested.every((f) => f.parentId === 'privacy')).toBe(true);
    expect(field('dpia-noodzaak').title.nl).toBe('Beoordeling van de noodzaak en evenredigheid');
    expect(field('dpia-toezicht').title.nl).toBe('Toezicht en evaluatie');
  });

  it('marks the fields that ask questions: the concrete questions and every precondition of sheet 2', () => {
    const asking = discussiemodelTemplate.sheets.flatMap((s) =>
      s.fields.filter((f) => f.asksQuestions).map((f) => f.id),
    );
    expect(asking).toContain('concrete-vragen');
    expect(sheet('vel2').fields.every((f) => f.asksQuestions === true)).toBe(true);
    // A goal, a target group and opportunities are not questions the group defers.
    for (const id of ['doel', 'doelgroep', 'kansen-risicos'])
      expect(asksQuestions(discussiemodelTemplate, id)).toBe(false);
    expect(asksQuestions(discussiemodelTemplate, 'dpia-toezicht')).toBe(true);
    expect(asksQuestions(discussiemodelTemplate, null)).toBe(false);
    expect(asksQuestions(discussiemodelTemplate, 'no-such-field')).toBe(false);
  });

  it('carries the handbook choices, questions and examples', () => {
    expect(field('doel').maxChosen).toBe(1);
    expect(field('concrete-vragen').maxChosen).toBe(2);
    expect(field('doel').questions[0]?.nl).toBe('Wat is het doel waarvoor je learning analytics in wilt zetten?');
    expect(field('doel').hint?.nl).toBe('Kies er één en omschrijf dit zo nauwkeurig mogelijk.');
    expect(field('doel').examples.map((e) => e.nl)).toContain('Studentbegeleiding');
    expect(field('doel').examples).toHaveLength(5);
    expect(field('concrete-vragen').examples).toHaveLength(5);
    expect(field('doelgroep').examples.map((e) => e.nl)).toEqual([
      'Onderzoekers',
      'Management',
      'Docenten',
      'Studieadviseurs',
      'Studenten',
    ]);
    expect(field('kansen-risicos').examples).toHaveLength(6);
    expect(field('data').examples).toHaveLength(3);
    expect(field('ethiek').examples.map((e) => e.nl)).toEqual([
      'gelijke behandeling en kansen',
      'integriteit en veiligheid',
      'inclusiviteit en diversiteit',
    ]);
    expect(field('commitment-cvb').questions.map((q) => q.nl)).toContain(
      'Is er concurrentie door andere prioriteiten binnen de instelling?',
    );
    expect(field('data').links.map((l) => l.url)).toEqual([
      'https://versnellingsplan.nl/publicatie/proeftuin-learning-analytics/',
    ]);
    expect(field('ethiek').links.map((l) => l.url)).toContain('https://dataschool.nl/deda/poster/');
  });

  it('has cleaned-up texts: no PDF line breaks, hyphenation or known typos', () => {
    for (const { where, text } of allTexts()) {
      for (const value of [text.nl, text.en]) {
        // Paragraph breaks are "\n\n"; any other newline is a leftover from the PDF.
        const flat = value.replace(/\n\n/g, ' ');
        expect(flat, where).not.toMatch(/\n/);
        // "ver- zamelen", doubled spaces and stray edges betray an unrepaired extraction.
        expect(flat, where).not.toMatch(/\w- |\s{2,}|^\s|\s$/);
        expect(value, where).not.toMatch(/nauwkeuring|weestand|conslusie|gebeid|mis- ?schien/);
      }
    }
  });

  it('translates every longer text rather than copying the Dutch', () => {
    const untranslated = allTexts()
      .filter(({ text }) => text.nl.length > 40 && text.nl === text.en)
      .map(({ where }) => where);
    expect(untranslated).toEqual([]);
  });

  it('keeps the header band free and every field within the margins', () => {
    for (const s of discussiemodelTemplate.sheets) {
      for (const f of s.fields) {
        expect(f.rect.y, f.id).toBeGreaterThanOrEqual(HEADER_BOTTOM);
        expect(f.rect.x, f.id).toBeGreaterThanOrEqual(MARGIN);
        expect(f.rect.x + f.rect.width, f.id).toBeLessThanOrEqual(s.width - MARGIN);
        expect(f.rect.y + f.rect.height, f.id).toBeLessThanOrEqual(s.height - MARGIN);
      }
    }
  });

  it('leaves room for several sticky notes in every region', () => {
    for (const s of discussiemodelTemplate.sheets) {
      for (const f of s.fields) {
        const isParent = s.fields.some((c) => c.parentId === f.id);
        if (isParent) continue;
        const [minW, minH] = f.parentId === undefined ? [200, 180] : [100, 110];
        expect(f.rect.width, f.id).toBeGreaterThanOrEqual(minW);
        expect(f.rect.height, f.id).toBeGreaterThanOrEqual(minH);
      }
    }
  });

  it('gives PRIVACY the most room on sheet 2 and keeps its own title band clear', () => {
    const privacy = field('privacy');
    const area = (f: FieldTemplate): number => f.rect.width * f.rect.height;
    const others = fieldsTopLevel('vel2').filter((f) => f.id !== 'privacy');
    expect(others.every((f) => area(f) < area(privacy))).toBe(true);
    expect(privacy.rect.width).toBeGreaterThanOrEqual((1189 - 2 * MARGIN) / 3);
    for (const id of DPIA_IDS) {
      expect(field(id).rect.y, id).toBeGreaterThanOrEqual(privacy.rect.y + PRIVACY_BAND);
    }
  });

  it('uses tints that keep dark text (#1f2933) readable at WCAG AA', () => {
    for (const s of discussiemodelTemplate.sheets) {
      for (const f of s.fields) {
        expect(f.tint, f.id).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrast(f.tint, '#1f2933'), f.id).toBeGreaterThanOrEqual(4.5);
      }
    }
    // Sanity check of the contrast helper itself: black on white is 21:1.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

function fieldsTopLevel(sheetId: string): FieldTemplate[] {
  return sheet(sheetId).fields.filter((f) => f.parentId === undefined);
}

describe('plenary template', () => {
  it("adds the welcome sheet with the handbook's two opening questions and validates", async () => {
    const { plenaryTemplate } = await import('./plenary');
    const { validateTemplate } = await import('./schema');
    expect(validateTemplate(plenaryTemplate)).toMatchObject({ ok: true });
    expect(plenaryTemplate.sheets.map((s) => s.id)).toEqual(['welkom', 'vel1', 'vel2']);
    const questions = plenaryTemplate.sheets[0]?.fields.map((f) => f.questions[0]?.nl);
    expect(questions?.join(' ')).toMatch(/Wat viel op/);
    expect(questions?.join(' ')).toMatch(/belangrijke vragen/);
  });
});
