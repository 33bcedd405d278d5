import { NOTE_SIZE } from '../domain/note';
import { FIELD_TEXT_METRICS } from '../scene/palette';
import { localize } from './lookup';
import { wrapText, type TextMeasurer } from './textWrap';
import type { FieldTemplate, Locale, SheetTemplate } from './types';

/**
 * Where the printed texts of a field go (title, questions, hint, info button) and where its notes
 * may start. Pure: the text measurer is injected — the canvas measures with the browser's font,
 * the demo workshop with a safe estimate (noteArea.ts). Texts shrink, within limits, to leave room
 * for notes and to stay inside a parent's title band.
 */

/** The font styles the canvas draws in (Konva's `fontStyle` values). */
export type FontStyle = 'normal' | 'bold' | 'italic';

/** Measurers per font style. */
export type Measurers = Readonly<Record<FontStyle, TextMeasurer>>;

/** A block of wrapped lines at a position, in sheet units. */
export interface TextBlock {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly style: FontStyle;
  readonly lines: readonly string[];
  readonly height: number;
}

/** The computed look of one field. */
export interface FieldLayout {
  readonly nested: boolean;
  /** The text scale used (1 = the preferred sizes). */
  readonly scale: number;
  readonly title: TextBlock;
  readonly questions: readonly TextBlock[];
  readonly hint: TextBlock | null;
  /** The y below which notes may lie without covering the printed text. */
  readonly headerBottom: number;
  /** The y the printed text is shrunk to stay above (it passes it only at the smallest scale). */
  readonly headerLimit: number;
  /** Centre and radius of the info button. */
  readonly info: { readonly x: number; readonly y: number; readonly r: number };
}

const TITLE_LINE = 1.15;
const TEXT_LINE = 1.22;

function block(
  text: string,
  x: number,
  y: number,
  width: number,
  fontSize: number,
  lineHeight: number,
  style: FontStyle,
  measurers: Measurers,
): TextBlock {
  const lines = wrapText(text, width, fontSize, measurers[style], true);
  return { x, y, width, fontSize, lineHeight, style, lines, height: lines.length * fontSize * lineHeight };
}

/**
 * Lays out a field's printed texts, at the largest text scale that fits (or at `fixedScale`, so
 * that sibling boxes can share one size).
 */
export function layoutField(
  sheet: SheetTemplate,
  field: FieldTemplate,
  locale: Locale,
  measurers: Measurers,
  fixedScale?: number,
): FieldLayout {
  const nested = field.parentId !== undefined;
  const m = nested ? FIELD_TEXT_METRICS.nested : FIELD_TEXT_METRICS.top;
  const { rect } = field;
  const children = sheet.fields.filter((f) => f.parentId === field.id);
  const maxHeader =
    children.length > 0
      ? Math.min(...children.map((c) => c.rect.y)) - rect.y - 4
      : Math.max(rect.height * 0.5, rect.height - NOTE_SIZE - 2 * m.pad);
  const info = { x: rect.x + rect.width - m.pad - m.infoRadius, y: rect.y + m.pad + m.infoRadius, r: m.infoRadius };
  const innerWidth = rect.width - 2 * m.pad;
  const titleWidth = innerWidth - 2 * m.infoRadius - 4;

  if (fixedScale !== undefined) return compose(Math.max(m.minScale, Math.min(1, fixedScale)));
  let layout: FieldLayout | null = null;
  for (let scale = 1; scale >= m.minScale - 1e-9; scale -= 0.02) {
    layout = compose(scale);
    if (layout.headerBottom - rect.y <= maxHeader) break;
  }
  // The loop ran at least once.
  return layout ?? compose(m.minScale);

  function compose(scale: number): FieldLayout {
    let y = rect.y + m.pad;
    const x = rect.x + m.pad;
    // Titles shrink less than questions: they are what people scan for.
    const titleSize = m.title * Math.max(scale, 0.85);
    const title = block(localize(field.title, locale), x, y, titleWidth, titleSize, TITLE_LINE, 'bold', measurers);
    y += Math.max(title.height, 2 * m.infoRadius) + m.titleGap;
    const questions: TextBlock[] = [];
    for (const question of field.questions) {
      const q = block(localize(question, locale), x, y, innerWidth, m.question * scale, TEXT_LINE, 'normal', measurers);
      questions.push(q);
      y += q.height + m.questionGap;
    }
    let hint: TextBlock | null = null;
    if (field.hint) {
      hint = block(localize(field.hint, locale), x, y, innerWidth, m.hint * scale, TEXT_LINE, 'italic', measurers);
      y += hint.height + m.questionGap;
    }
    // The last gap already separates the text from the notes below it.
    return { nested, scale, title, questions, hint, headerBottom: y + 2, headerLimit: rect.y + maxHeader, info };
  }
}

/**
 * The layout of a field as the canvas shows it: nested boxes of one parent share the text size
 * of the most crowded of them, so the boxes read as one set.
 */
export function layoutSheetField(
  sheet: SheetTemplate,
  field: FieldTemplate,
  locale: Locale,
  measurers: Measurers,
): FieldLayout {
  if (field.parentId === undefined) return layoutField(sheet, field, locale, measurers);
  const siblings = sheet.fields.filter((f) => f.parentId === field.parentId);
  const scale = Math.min(...siblings.map((f) => layoutField(sheet, f, locale, measurers).scale));
  return layoutField(sheet, field, locale, measurers, scale);
}

/** The printed heading of a sheet: its label and title, the canvas title, and an info button. */
export interface SheetHeaderLayout {
  readonly title: TextBlock;
  readonly subtitle: TextBlock;
  readonly info: { readonly x: number; readonly y: number; readonly r: number };
}

/** Lays out a sheet's heading in the band above its fields. */
export function layoutSheetHeader(
  sheet: SheetTemplate,
  canvasTitle: string,
  locale: Locale,
  measurers: Measurers,
): SheetHeaderLayout {
  const top = Math.min(...sheet.fields.map((f) => f.rect.y));
  const left = Math.min(...sheet.fields.map((f) => f.rect.x));
  const right = Math.max(...sheet.fields.map((f) => f.rect.x + f.rect.width));
  const text = `${localize(sheet.label, locale)} — ${localize(sheet.title, locale)}`;
  const size = 30;
  const title = block(text, left, top - 78, right - left - 60, size, 1.1, 'bold', measurers);
  const titleWidth = Math.max(...title.lines.map((line) => measurers.bold(line, size)));
  const subtitle = block(canvasTitle, left, top - 38, right - left, 13, 1.2, 'normal', measurers);
  return { title, subtitle, info: { x: left + titleWidth + 22, y: top - 78 + size * 0.55, r: 11 } };
}
