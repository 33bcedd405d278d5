import type { LabelBox } from '@dmc/shared/scene/noteBadges';
import type { Rect } from '@dmc/shared/template/types';
import type { TextMeasurer } from './fitText';
import type { TextBlock } from './fieldLayout';

/**
 * Where a field's guidance line is drawn on the canvas: a small amber label in the field's title
 * band, right after the title (where no note lies and no printed text is), or — when the title
 * leaves no room — at the bottom left of the field, above the agreed wording. Pure, sheet units.
 */

/** The laid-out hint. */
export type HintBox = LabelBox;

/** What the placement needs to know about the field. */
export interface HintField {
  readonly rect: Rect;
  readonly nested: boolean;
  /** The printed title, as laid out. */
  readonly title: TextBlock;
  /** The left edge of the info button at the title's right. */
  readonly infoLeft: number;
  /** Top of the agreed wording's box, if the field has one. */
  readonly formulationTop: number | null;
}

/** Hint metrics: top-level fields and nested boxes. */
export const HINT = { fontSize: 12, nestedFontSize: 8, padding: 4, gap: 10 } as const;

/** Lays out the hint text for a field. */
export function placeFieldHint(field: HintField, text: string, measure: TextMeasurer): HintBox {
  const fontSize = field.nested ? HINT.nestedFontSize : HINT.fontSize;
  const padding = field.nested ? HINT.padding * 0.7 : HINT.padding;
  const width = Math.ceil(measure(text, fontSize) + 2 * padding);
  const height = fontSize * 1.2 + 2 * padding;
  const { title } = field;
  const lastLine = title.lines[title.lines.length - 1] ?? '';
  const lineTop = title.y + (title.lines.length - 1) * title.fontSize * title.lineHeight;
  const x = title.x + measure(lastLine, title.fontSize) + HINT.gap;
  if (x + width <= field.infoLeft - 6) {
    return { x, y: lineTop + (title.fontSize * title.lineHeight - height) / 2, width, height, fontSize, padding, text };
  }
  const margin = field.nested ? 4 : 8;
  const bottom = field.formulationTop ?? field.rect.y + field.rect.height - margin;
  return {
    x: field.rect.x + margin,
    y: bottom - height - 4,
    width: Math.min(width, field.rect.width - 2 * margin),
    height,
    fontSize,
    padding,
    text,
  };
}
