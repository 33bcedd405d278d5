import { describe, expect, it } from 'vitest';
import { NOTE_SIZE } from '../domain/note';
import { discussiemodelTemplate } from '../template/discussiemodel';
import type { FieldTemplate } from '../template/types';
import { layoutBadges, layoutChosenRibbon } from './noteBadges';
import { BADGE_METRICS, SHEET_COLORS } from './palette';
import {
  badgeScenes,
  chosenRibbonScene,
  formulationScene,
  noteTextScene,
  openPointsScene,
  sheetScene,
  type SceneGroup,
  type ScenePrimitive,
  type SceneText,
} from './sheetScene';

/** A stand-in for a font: every character as wide as 0.55 of the size (bold a little wider). */
const measurers = {
  normal: (text: string, size: number) => [...text].length * size * 0.55,
  bold: (text: string, size: number) => [...text].length * size * 0.6,
};

const DUTCH = { formulation: 'GEZAMENLIJKE FORMULERING', chosen: 'GEKOZEN' };
const ENGLISH = { formulation: 'AGREED WORDING', chosen: 'CHOSEN' };

const LONG_WORDING =
  'Wij willen binnen een jaar weten welke gegevens we over deelnemers bewaren, waarom, hoe lang, en wie ze mag ' +
  'inzien; daarna ruimen we op wat we niet nodig hebben en leggen we vast wie daarover beslist.';

const fields: readonly FieldTemplate[] = discussiemodelTemplate.sheets.flatMap((sheet) => sheet.fields);

/** Every rectangle and text of a group, in the group's parent's coordinates. */
function flatten(group: SceneGroup): { x: number; y: number; shape: ScenePrimitive }[] {
  const out: { x: number; y: number; shape: ScenePrimitive }[] = [];
  const walk = (shapes: readonly ScenePrimitive[], dx: number, dy: number) => {
    for (const shape of shapes) {
      if (shape.kind === 'group') walk(shape.children, dx + shape.x, dy + shape.y);
      else out.push({ x: dx + shape.x, y: dy + shape.y, shape });
    }
  };
  walk(group.children, group.x, group.y);
  return out;
}

function texts(group: SceneGroup): SceneText[] {
  return flatten(group)
    .map((s) => s.shape)
    .filter((s): s is SceneText => s.kind === 'text');
}

/** The group's first rectangle: the frame everything else lies in. */
function frame(group: SceneGroup) {
  const first = group.children[0];
  if (first?.kind !== 'rect') throw new Error('no frame');
  return { x: group.x, y: group.y, width: first.width, height: first.height };
}

describe('the sheet scene', () => {
  it('puts every agreed wording inside its own field, in both languages, chosen or not', () => {
    for (const field of fields)
      for (const labels of [DUTCH, ENGLISH])
        for (const chosen of [false, true]) {
          const box = frame(formulationScene(field, LONG_WORDING, labels, chosen, measurers));
          const { rect } = field;
          expect(box.x).toBeGreaterThanOrEqual(rect.x);
          expect(box.y).toBeGreaterThanOrEqual(rect.y);
          expect(box.x + box.width).toBeLessThanOrEqual(rect.x + rect.width);
          expect(box.y + box.height).toBeLessThanOrEqual(rect.y + rect.height);
        }
  });

  it('fits the wording in its box: no line wider than the box, no line below it, cut with "…" when too long', () => {
    for (const field of fields) {
      const scene = formulationScene(field, LONG_WORDING, DUTCH, false, measurers);
      const box = frame(scene);
      for (const { x, y, shape } of flatten(scene)) {
        if (shape.kind !== 'text' || shape.style === 'bold') continue;
        for (const line of shape.lines)
          expect(x + measurers.normal(line, shape.fontSize)).toBeLessThanOrEqual(box.x + box.width);
        const bottom = y + shape.lines.length * shape.fontSize * (shape.lineHeight ?? 1);
        expect(bottom).toBeLessThanOrEqual(box.y + box.height + 1e-9);
      }
    }
    const small = fields.find((f) => f.parentId !== undefined);
    if (small === undefined) throw new Error('the Discussiemodel has nested fields');
    const body = texts(formulationScene(small, LONG_WORDING.repeat(4), DUTCH, false, measurers)).at(-1);
    expect(body?.lines.at(-1)).toMatch(/…$/);
  });

  it('marks a chosen wording with "✓ GEKOZEN" or "✓ CHOSEN", a white-on-green pill inside the box', () => {
    const field = fields[0];
    if (field === undefined) throw new Error('no field');
    for (const [labels, word] of [
      [DUTCH, '✓ GEKOZEN'],
      [ENGLISH, '✓ CHOSEN'],
    ] as const) {
      const scene = formulationScene(field, 'Ons doel', labels, true, measurers);
      const pill = scene.children.find((c): c is SceneGroup => c.kind === 'group');
      expect(pill?.id).toBe(`formulation-chosen-${field.id}`);
      const box = frame(scene);
      const [fill, label] = pill?.children ?? [];
      expect(fill?.kind === 'rect' && fill.fill).toBe(SHEET_COLORS.chosen);
      expect(label?.kind === 'text' && label.lines).toEqual([word]);
      expect(label?.kind === 'text' && label.fill).toBe(SHEET_COLORS.onDark);
      if (pill === undefined || fill?.kind !== 'rect') throw new Error('no pill');
      expect(pill.x).toBeGreaterThan(0);
      expect(pill.x + fill.width).toBeLessThanOrEqual(box.width);
      expect(texts(scene)[0]?.lines).toEqual([labels.formulation]);
    }
    const plain = formulationScene(field, 'Ons doel', DUTCH, false, measurers);
    expect(plain.children.some((c) => c.kind === 'group')).toBe(false);
  });

  it('places the open questions inside the field, above its agreed wording', () => {
    for (const field of fields) {
      const wordingBox = frame(formulationScene(field, LONG_WORDING, DUTCH, false, measurers));
      for (const withButton of [false, true]) {
        const badge = frame(openPointsScene(field, LONG_WORDING, 12, measurers, withButton));
        expect(badge.x).toBeGreaterThanOrEqual(field.rect.x);
        expect(badge.y).toBeGreaterThanOrEqual(field.rect.y);
        expect(badge.x + badge.width).toBeLessThanOrEqual(field.rect.x + field.rect.width);
        expect(badge.y + badge.height).toBeLessThanOrEqual(wordingBox.y);
      }
    }
  });

  it('gives a picture of the sheet the very boxes the board draws, whatever renders them', () => {
    const sheet = discussiemodelTemplate.sheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    const [first, second] = sheet.fields;
    if (first === undefined || second === undefined) throw new Error('too few fields');
    const scene = sheetScene(
      sheet,
      {
        formulations: new Map([
          [first.id, '  Ons doel  '],
          [second.id, '   '],
        ]),
        chosenWordings: new Set([first.id]),
        openPoints: new Map([
          [first.id, 2],
          [second.id, 0],
        ]),
      },
      ENGLISH,
      measurers,
    );
    // Blank wordings and zero counts draw nothing.
    expect(scene.formulations).toEqual([formulationScene(first, 'Ons doel', ENGLISH, true, measurers)]);
    expect(scene.openPoints).toEqual([openPointsScene(first, 'Ons doel', 2, measurers, false)]);
    // The picture has no field button: its count stands in the button's place, right-aligned with it.
    const onBoard = frame(openPointsScene(first, 'Ons doel', 2, measurers, true));
    const inPicture = frame(scene.openPoints[0] as SceneGroup);
    expect(inPicture.y).toBe(onBoard.y);
    expect(inPicture.x + inPicture.width).toBeGreaterThan(onBoard.x + onBoard.width);
    expect(texts(scene.openPoints[0] as SceneGroup)[0]?.lines).toEqual(['⚑ 2']);
  });

  it('keeps a note\'s text, counters and "✓ GEKOZEN" ribbon on the note', () => {
    const text = noteTextScene({ lines: ['Meer', 'inspraak'], fontSize: 12 });
    expect(text.x).toBeGreaterThan(0);
    expect(text.x + (text.width ?? 0)).toBeLessThanOrEqual(NOTE_SIZE);
    expect(text.y + (text.height ?? 0)).toBeLessThanOrEqual(NOTE_SIZE);
    expect(text.fill).toBe(SHEET_COLORS.ink);

    const counts = { agree: 3, disagree: 0, open: 0, votes: 4, myMark: 'agree' as const, myVotes: 1 };
    const badges = badgeScenes('n1', layoutBadges(counts, measurers.bold));
    expect(badges.map((b) => b.id)).toEqual(['badge-n1-agree', 'badge-n1-votes']);
    const [left, right] = badges.map(frame);
    if (left === undefined || right === undefined) throw new Error('two badges');
    // Centred under the note, on its bottom edge.
    expect(left.x).toBeCloseTo(NOTE_SIZE - (right.x + right.width));
    for (const box of [left, right]) {
      expect(box.y).toBe(BADGE_METRICS.top);
      expect(box.y).toBeLessThan(NOTE_SIZE);
      expect(box.y + box.height).toBeGreaterThan(NOTE_SIZE);
    }
    expect(texts(badges[0] as SceneGroup)[0]?.lines).toEqual(['✓ 3']);

    for (const word of ['GEKOZEN', 'CHOSEN']) {
      const ribbon = chosenRibbonScene('n1', layoutChosenRibbon(word, measurers.bold));
      expect(ribbon.id).toBe('chosen-n1');
      expect(frame(ribbon).width).toBeLessThanOrEqual(NOTE_SIZE);
      expect(texts(ribbon)[0]?.lines).toEqual([`✓ ${word}`]);
    }
  });
});
