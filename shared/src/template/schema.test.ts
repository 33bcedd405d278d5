import { describe, it, expect } from 'vitest';
import { discussiemodelTemplate } from './discussiemodel';
import { validateTemplate, rectsOverlap, rectContains } from './schema';
import type { CanvasTemplate } from './types';

type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;
type MutableTemplate = DeepMutable<CanvasTemplate>;
type MutableField = MutableTemplate['sheets'][number]['fields'][number];

/** A deep, editable copy of the real template, so each test breaks exactly one thing. */
function copy(): MutableTemplate {
  return JSON.parse(JSON.stringify(discussiemodelTemplate)) as MutableTemplate;
}

function fieldIn(template: MutableTemplate, id: string): MutableField {
  for (const sheet of template.sheets) {
    const found = sheet.fields.find((f) => f.id === id);
    if (found !== undefined) return found;
  }
  throw new Error(`no field ${id}`);
}

function errorsOf(input: unknown): string[] {
  const result = validateTemplate(input);
  return result.ok ? [] : result.errors;
}

/** A minimal valid template with two top-level fields side by side and one nested box. */
function small(): MutableTemplate {
  const text = { nl: 'tekst', en: 'text' };
  const field = (id: string, x: number, y: number, width: number, height: number): MutableField => ({
    id,
    title: text,
    questions: [text],
    background: text,
    examples: [],
    links: [],
    rect: { x, y, width, height },
    tint: '#ffffff',
  });
  return {
    id: 'small',
    version: 1,
    title: text,
    source: text,
    sheets: [
      {
        id: 'a',
        label: text,
        title: text,
        background: text,
        width: 400,
        height: 300,
        fields: [
          field('left', 0, 0, 200, 300),
          field('right', 200, 0, 200, 300),
          { ...field('box', 10, 60, 100, 100), parentId: 'left' },
        ],
      },
    ],
  };
}

describe('validateTemplate', () => {
  it('accepts the real template and returns it', () => {
    const result = validateTemplate(discussiemodelTemplate);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.template.sheets[1]?.fields.length).toBe(13);
  });

  it('accepts a minimal template where fields only touch and a child starts right at the band', () => {
    expect(errorsOf(small())).toEqual([]);
  });

  it('rejects input that is not a template at all', () => {
    expect(errorsOf(null).length).toBeGreaterThan(0);
    expect(errorsOf({ id: 'x' }).length).toBeGreaterThan(0);
  });

  it('rejects a blank English text and names the field', () => {
    const t = copy();
    const example = fieldIn(t, 'kansen-risicos').examples[2];
    if (example === undefined) throw new Error('fixture changed');
    example.en = '   ';
    const errors = errorsOf(t);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('sheet "vel1"');
    expect(errors[0]).toContain('field "kansen-risicos"');
    expect(errors[0]).toContain('examples[2].en');
  });

  it('rejects a blank Dutch sheet title and names the sheet', () => {
    const t = copy();
    t.sheets[1]!.title.nl = '';
    const errors = errorsOf(t);
    expect(errors).toEqual([expect.stringMatching(/sheet "vel2".*title\.nl/)]);
  });

  it('rejects overlapping sibling fields', () => {
    const t = copy();
    fieldIn(t, 'concrete-vragen').rect.y = 400; // DOEL reaches down to y 480
    const errors = errorsOf(t);
    expect(errors).toEqual([expect.stringContaining('"doel" and "concrete-vragen" overlap')]);
  });

  it('rejects overlapping DPIA boxes', () => {
    const t = copy();
    fieldIn(t, 'dpia-noodzaak').rect.x = 900;
    expect(errorsOf(t)).toEqual([expect.stringContaining('"dpia-beschrijving" and "dpia-noodzaak" overlap')]);
  });

  it('rejects a DPIA box moved outside PRIVACY', () => {
    const t = copy();
    fieldIn(t, 'dpia-documentatie').rect.x = 400; // into ETHIEK's column
    const errors = errorsOf(t);
    expect(
      errors.some((e) => e.includes('field "dpia-documentatie"') && e.includes('inside its parent "privacy"')),
    ).toBe(true);
  });

  it('rejects a child in its parent’s title band', () => {
    const t = copy();
    const privacy = fieldIn(t, 'privacy');
    fieldIn(t, 'dpia-beschrijving').rect.y = privacy.rect.y + 20;
    const errors = errorsOf(t);
    expect(errors).toEqual([expect.stringMatching(/field "dpia-beschrijving".*reserved for the parent's title/)]);
  });

  it('rejects duplicate field ids, also across sheets', () => {
    const t = copy();
    fieldIn(t, 'ethiek').id = 'doel';
    const errors = errorsOf(t);
    expect(errors).toEqual([expect.stringMatching(/sheet "vel2", field "doel": duplicate field id .*"vel1"/)]);
  });

  it('rejects duplicate sheet ids', () => {
    const t = copy();
    t.sheets[1]!.id = 'vel1';
    expect(errorsOf(t)).toContain('sheet "vel1": duplicate sheet id');
  });

  it('rejects ids outside [a-z0-9-]', () => {
    const t = copy();
    fieldIn(t, 'ethiek').id = 'Ethiek';
    expect(errorsOf(t)).toEqual([expect.stringMatching(/field "Ethiek", id: must be lowercase/)]);
  });

  it('rejects a field without questions', () => {
    const t = copy();
    fieldIn(t, 'data').questions = [];
    expect(errorsOf(t)).toEqual([expect.stringMatching(/field "data", questions: needs at least one question/)]);
  });

  it('rejects a parent that is missing, nested, or on another sheet', () => {
    const missing = copy();
    fieldIn(missing, 'dpia-toezicht').parentId = 'nope';
    expect(errorsOf(missing)).toEqual([
      expect.stringMatching(/field "dpia-toezicht": parent "nope" is not a field on this sheet/),
    ]);

    const nested = copy();
    fieldIn(nested, 'dpia-toezicht').parentId = 'dpia-documentatie';
    expect(errorsOf(nested)).toContainEqual(expect.stringMatching(/parent "dpia-documentatie" is itself nested/));

    const otherSheet = copy();
    fieldIn(otherSheet, 'dpia-toezicht').parentId = 'doel';
    expect(errorsOf(otherSheet)).toContainEqual(expect.stringMatching(/parent "doel" is not a field on this sheet/));
  });

  it('rejects a field outside the sheet', () => {
    const t = copy();
    fieldIn(t, 'kansen-risicos').rect.width = 600; // would reach x 1250 on a 1189 sheet
    expect(errorsOf(t)).toEqual([expect.stringMatching(/field "kansen-risicos": .*outside the sheet/)]);
    const above = small();
    above.sheets[0]!.fields[1]!.rect.y = -1;
    expect(errorsOf(above)).toContainEqual(expect.stringMatching(/field "right": .*outside the sheet/));
  });

  it('rejects non-positive sizes', () => {
    const t = small();
    t.sheets[0]!.fields[1]!.rect.width = 0;
    expect(errorsOf(t)).toEqual([expect.stringMatching(/field "right", rect\.width: must be positive/)]);
  });

  it('rejects a maxChosen that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5]) {
      const t = copy();
      fieldIn(t, 'doel').maxChosen = bad;
      expect(errorsOf(t), String(bad)).toEqual([expect.stringContaining('field "doel", maxChosen')]);
    }
  });

  it('rejects links that are not https', () => {
    for (const url of ['http://www.surf.nl/', 'surf.nl', 'https://', 'javascript:alert(1)']) {
      const t = copy();
      fieldIn(t, 'data').links[0]!.url = url;
      expect(errorsOf(t), url).toEqual([expect.stringMatching(/field "data", links\[0\]\.url: must be an https URL/)]);
    }
  });

  it('rejects unknown properties, which are usually typos', () => {
    const t = copy() as MutableTemplate & { sheets: { fields: Record<string, unknown>[] }[] };
    t.sheets[0]!.fields[0]!['maxchosen'] = 1;
    expect(errorsOf(t)).toEqual([expect.stringContaining('field "doel"')]);
  });
});

describe('rect helpers', () => {
  const a = { x: 0, y: 0, width: 10, height: 10 };
  it('treats touching edges as not overlapping', () => {
    expect(rectsOverlap(a, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
    expect(rectsOverlap(a, { x: 9.5, y: 9.5, width: 5, height: 5 })).toBe(true);
  });
  it('treats a rect sharing its parent’s edges as inside', () => {
    expect(rectContains(a, a)).toBe(true);
    expect(rectContains(a, { x: 5, y: 5, width: 6, height: 1 })).toBe(false);
  });
});
