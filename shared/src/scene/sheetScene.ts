import { NOTE_SIZE } from '../domain/note';
import type { FontStyle, Measurers } from '../template/fieldLayout';
import { layoutFormulationBox, type FormulationBoxLayout } from '../template/formulationBox';
import type { FieldTemplate, SheetTemplate } from '../template/types';
import { badgeEdge, layoutOpenPoints, type Badge, type ChosenRibbon, type LabelBox } from './noteBadges';
import { BADGE_COLORS, BADGE_METRICS, GUIDANCE_COLORS, NOTE_TEXT_METRICS, SHEET_COLORS } from './palette';

/**
 * What the filled sheet shows on top of its printed fields — each field's agreed wording (with
 * "✓ GEKOZEN" when the group chose it), its open questions ("⚑ 2"), a field's guidance line, and a
 * note's text, counters and chosen ribbon — as positioned primitives: rectangles, fitted lines of
 * text, and groups. Pure, in sheet units, with the text measurer injected. The canvas (Konva), the
 * PNG (the canvas's shapes offscreen) and the PDF all draw these same primitives, so the three
 * agree on every position, size and colour (palette.ts) and no renderer keeps a copy of the look.
 */

/** A rectangle, relative to its group. */
export interface SceneRect {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** One radius, or top-left, top-right, bottom-right, bottom-left. */
  readonly cornerRadius?: number | readonly [number, number, number, number];
  /** A soft drop shadow on screen (print has none). */
  readonly shadow?: { readonly opacity: number; readonly blur: number; readonly offsetY: number };
}

/** Lines of already fitted text, relative to its group; `y` is the top of the first line. */
export interface SceneText {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  readonly fontSize: number;
  readonly style: FontStyle;
  readonly fill: string;
  /** Line height as a multiple of the font size (1 when absent). */
  readonly lineHeight?: number;
  /** The box the text is aligned in; without it the text starts at x and is as wide as it is. */
  readonly width?: number;
  readonly height?: number;
  readonly align?: 'left' | 'center';
  readonly verticalAlign?: 'top' | 'middle';
  /** A line wider than `width` ends in "…". */
  readonly ellipsis?: boolean;
}

/** Primitives moved together; `id` names it on the canvas (tests and the board find it by it). */
export interface SceneGroup {
  readonly kind: 'group';
  readonly id?: string;
  readonly x: number;
  readonly y: number;
  readonly children: readonly ScenePrimitive[];
}

/** Anything the scene draws. */
export type ScenePrimitive = SceneRect | SceneText | SceneGroup;

/** How the agreed wording's box looks (sizes in sheet units; its layout is formulationBox.ts). */
const WORDING_LOOK = { strokeTop: 1.2, strokeNested: 0.8, radius: 3, bar: 3, pillRise: 1.5, pillExtra: 3 } as const;

/** The label texts a sheet prints, in the board's language. */
export interface SheetLabels {
  /** The heading of an agreed wording's box ("GEZAMENLIJKE FORMULERING"). */
  readonly formulation: string;
  /** The mark of a chosen note or wording ("GEKOZEN"). */
  readonly chosen: string;
}

/**
 * The primitives of an agreed wording's box laid out as `box`: the white box with a dark edge and
 * a bar on its left, its heading, "✓ {chosen}" at its top right when `chosen` is given, and the
 * wording's lines. `id` is the field's id.
 */
export function formulationShapes(
  id: string,
  box: FormulationBoxLayout,
  nested: boolean,
  heading: string,
  chosen: string | null,
  measureBold: Measurers['bold'],
): SceneGroup {
  const left = box.padding + 2;
  const children: ScenePrimitive[] = [
    {
      kind: 'rect',
      x: 0,
      y: 0,
      width: box.width,
      height: box.height,
      fill: SHEET_COLORS.formulationFill,
      stroke: SHEET_COLORS.formulationEdge,
      strokeWidth: nested ? WORDING_LOOK.strokeNested : WORDING_LOOK.strokeTop,
      cornerRadius: WORDING_LOOK.radius,
      shadow: { opacity: 0.12, blur: 4, offsetY: 1 },
    },
    {
      kind: 'rect',
      x: 0,
      y: 0,
      width: WORDING_LOOK.bar,
      height: box.height,
      fill: SHEET_COLORS.formulationEdge,
      cornerRadius: [WORDING_LOOK.radius, 0, 0, WORDING_LOOK.radius],
    },
    {
      kind: 'text',
      x: left,
      y: box.padding,
      width: box.width - 2 * box.padding - 3,
      lines: [heading],
      fontSize: box.titleSize,
      style: 'bold',
      fill: SHEET_COLORS.formulationEdge,
      ellipsis: true,
    },
  ];
  if (chosen !== null) {
    const text = `✓ ${chosen}`;
    const width = measureBold(text, box.titleSize) + 2 * box.padding;
    const height = box.titleSize + WORDING_LOOK.pillExtra;
    children.push({
      kind: 'group',
      id: `formulation-chosen-${id}`,
      x: box.width - box.padding - width,
      y: box.padding - WORDING_LOOK.pillRise,
      children: [
        { kind: 'rect', x: 0, y: 0, width, height, fill: SHEET_COLORS.chosen, cornerRadius: 2 },
        centred(text, width, height, box.titleSize, SHEET_COLORS.onDark),
      ],
    });
  }
  children.push({
    kind: 'text',
    x: left,
    y: box.padding + box.titleSize * 1.4,
    lines: box.lines,
    fontSize: box.fontSize,
    lineHeight: box.lineHeight,
    style: 'normal',
    fill: SHEET_COLORS.ink,
  });
  return { kind: 'group', id: `formulation-${id}`, x: box.x, y: box.y, children };
}

/** A field's agreed wording as the board shows it: across the field's bottom (formulationBox.ts). */
export function formulationScene(
  field: FieldTemplate,
  text: string,
  labels: SheetLabels,
  chosen: boolean,
  measurers: Pick<Measurers, 'normal' | 'bold'>,
): SceneGroup {
  const nested = field.parentId !== undefined;
  const box = layoutFormulationBox(field.rect, text, measurers.normal, nested);
  return formulationShapes(field.id, box, nested, labels.formulation, chosen ? labels.chosen : null, measurers.bold);
}

/**
 * A field's open questions ("⚑ 2"): a dark pill at the field's bottom right, above its agreed
 * wording if it has one (`wording`, or ''), left of the field's button when the board shows one.
 */
export function openPointsScene(
  field: FieldTemplate,
  wording: string,
  count: number,
  measurers: Pick<Measurers, 'normal' | 'bold'>,
  withButton: boolean,
): SceneGroup {
  const nested = field.parentId !== undefined;
  const top = wording.trim() !== '' ? layoutFormulationBox(field.rect, wording, measurers.normal, nested).y : null;
  const badge = layoutOpenPoints(field.rect, nested, top, count, measurers.bold, withButton);
  return {
    kind: 'group',
    x: badge.x,
    y: badge.y,
    children: [
      {
        kind: 'rect',
        x: 0,
        y: 0,
        width: badge.width,
        height: badge.height,
        fill: SHEET_COLORS.deferralFill,
        cornerRadius: badge.height / 2,
      },
      centred(badge.text, badge.width, badge.height, badge.fontSize, SHEET_COLORS.onDark),
    ],
  };
}

/** One bold line centred in a box: the text of every pill and counter. */
function centred(text: string, width: number, height: number, fontSize: number, fill: string): SceneText {
  return {
    kind: 'text',
    x: 0,
    y: 0,
    width,
    height,
    lines: [text],
    fontSize,
    style: 'bold',
    fill,
    align: 'center',
    verticalAlign: 'middle',
  };
}

/** A label in a box (the chosen ribbon, a field's guidance): one bold line, cut with "…" when too long. */
function labelShapes(
  id: string,
  box: LabelBox,
  look: Pick<SceneRect, 'fill' | 'stroke' | 'strokeWidth' | 'cornerRadius'>,
  ink: string,
): SceneGroup {
  return {
    kind: 'group',
    id,
    x: box.x,
    y: box.y,
    children: [
      { kind: 'rect', x: 0, y: 0, width: box.width, height: box.height, ...look },
      {
        kind: 'text',
        x: box.padding,
        y: 0,
        width: box.width - 2 * box.padding,
        height: box.height,
        lines: [box.text],
        fontSize: box.fontSize,
        style: 'bold',
        fill: ink,
        verticalAlign: 'middle',
        ellipsis: true,
      },
    ],
  };
}

/** A field's guidance line ("⚠ Kies samen één doel (nu: 0)") placed as `box` (canvasHint.ts); amber, never colour alone. */
export function fieldHintScene(fieldId: string, box: LabelBox, nested: boolean): SceneGroup {
  return labelShapes(
    `guide-hint-${fieldId}`,
    box,
    {
      fill: GUIDANCE_COLORS.fill,
      stroke: GUIDANCE_COLORS.edge,
      strokeWidth: nested ? 0.7 : 1,
      cornerRadius: box.height / 2,
    },
    GUIDANCE_COLORS.ink,
  );
}

/** The "✓ GEKOZEN" ribbon on a chosen note's top edge (laid out by layoutChosenRibbon). */
export function chosenRibbonScene(noteId: string, ribbon: ChosenRibbon): SceneGroup {
  return labelShapes(
    `chosen-${noteId}`,
    ribbon,
    { fill: SHEET_COLORS.chosen, cornerRadius: [2, 2, 0, 0] },
    SHEET_COLORS.onDark,
  );
}

/** A note's fitted text, centred in the note inside its padding. */
export function noteTextScene(fitted: { readonly lines: readonly string[]; readonly fontSize: number }): SceneText {
  const inner = NOTE_SIZE - 2 * NOTE_TEXT_METRICS.padding;
  return {
    kind: 'text',
    x: NOTE_TEXT_METRICS.padding,
    y: NOTE_TEXT_METRICS.padding,
    width: inner,
    height: inner,
    lines: fitted.lines,
    fontSize: fitted.fontSize,
    lineHeight: NOTE_TEXT_METRICS.lineHeight,
    style: 'normal',
    fill: SHEET_COLORS.ink,
    align: 'center',
    verticalAlign: 'middle',
  };
}

/** The counters under a note (laid out by layoutBadges), each a pill with its edge and its count. */
export function badgeScenes(noteId: string, badges: readonly Badge[]): SceneGroup[] {
  return badges.map((badge) => {
    const colors = BADGE_COLORS[badge.kind];
    const edge = badgeEdge(badge.kind, badge.mine);
    return {
      kind: 'group',
      id: `badge-${noteId}-${badge.kind}`,
      x: badge.x,
      y: BADGE_METRICS.top,
      children: [
        {
          kind: 'rect',
          x: 0,
          y: 0,
          width: badge.width,
          height: BADGE_METRICS.height,
          fill: colors.fill,
          stroke: edge.stroke,
          strokeWidth: edge.width,
          cornerRadius: BADGE_METRICS.height / 2,
        },
        centred(badge.text, badge.width, BADGE_METRICS.height, BADGE_METRICS.fontSize, colors.ink),
      ],
    };
  });
}

/** What the group made of a sheet: the input of {@link sheetScene}. */
export interface SheetOutcome {
  /** Field id → the agreed wording (fields without one are left out or map to ''). */
  readonly formulations: ReadonlyMap<string, string>;
  /** Fields whose wording the group chose. */
  readonly chosenWordings: ReadonlySet<string>;
  /** Field id → the number of open questions. */
  readonly openPoints: ReadonlyMap<string, number>;
}

/** What a picture of a sheet draws over its printed fields (and under its notes), bottom to top. */
export interface SheetScene {
  readonly formulations: readonly SceneGroup[];
  readonly openPoints: readonly SceneGroup[];
}

/**
 * The agreed wordings and open questions of every field of a sheet, as a picture of the sheet
 * shows them: like the board, without the field buttons (the counts take the buttons' place).
 */
export function sheetScene(
  sheet: SheetTemplate,
  outcome: SheetOutcome,
  labels: SheetLabels,
  measurers: Pick<Measurers, 'normal' | 'bold'>,
): SheetScene {
  const formulations: SceneGroup[] = [];
  const openPoints: SceneGroup[] = [];
  for (const field of sheet.fields) {
    const text = outcome.formulations.get(field.id)?.trim() ?? '';
    if (text !== '')
      formulations.push(formulationScene(field, text, labels, outcome.chosenWordings.has(field.id), measurers));
    const open = outcome.openPoints.get(field.id) ?? 0;
    if (open > 0) openPoints.push(openPointsScene(field, text, open, measurers, false));
  }
  return { formulations, openPoints };
}
