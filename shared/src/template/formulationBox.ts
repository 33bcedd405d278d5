import { WORDING_METRICS } from '../scene/palette';
import { wrapText, type TextMeasurer } from './textWrap';
import type { Rect } from './types';

/**
 * Where a field's agreed wording is drawn: a box across the bottom of the field, as tall as the
 * text needs up to a limit (the rest is cut off with an ellipsis; the panel and the list view
 * show it whole). Pure; the measurer is injected.
 */

/** The laid-out box, in sheet units. */
export interface FormulationBoxLayout {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly padding: number;
  readonly titleSize: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly lines: readonly string[];
}

/** Lays out the box for a field; `nested` fields (the DPIA boxes) get smaller type. */
export function layoutFormulationBox(
  rect: Rect,
  text: string,
  measure: TextMeasurer,
  nested: boolean,
): FormulationBoxLayout {
  const { margin, padding, titleSize, fontSize, lineHeight, share } = nested
    ? WORDING_METRICS.nested
    : WORDING_METRICS.top;
  const width = rect.width - 2 * margin;
  const maxHeight = Math.max(titleSize + fontSize * lineHeight + 2 * padding, rect.height * share);
  const maxLines = Math.max(1, Math.floor((maxHeight - 2 * padding - titleSize * 1.4) / (fontSize * lineHeight)));
  let lines = wrapText(text.trim(), width - 2 * padding, fontSize, measure, true);
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    const last = lines[maxLines - 1] ?? '';
    lines[maxLines - 1] = `${last.replace(/\s*\S{0,3}$/, '')}…`;
  }
  const height = 2 * padding + titleSize * 1.4 + lines.length * fontSize * lineHeight;
  return {
    x: rect.x + margin,
    y: rect.y + rect.height - margin - height,
    width,
    height,
    padding,
    titleSize,
    fontSize,
    lineHeight,
    lines,
  };
}
