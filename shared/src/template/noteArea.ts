import { NOTE_SIZE } from '../domain/note';
import { layoutField, type FontStyle, type Measurers } from './fieldLayout';
import { layoutFormulationBox } from './formulationBox';
import type { TextMeasurer } from './textWrap';
import type { FieldTemplate, Locale, Rect, SheetTemplate } from './types';

/**
 * Where notes can lie in a field without covering its printed question block or an agreed
 * wording, computed without a browser: for notes placed by code (the demo workshop). The canvas
 * measures text with the browser's font, which the server cannot; so widths are estimated per
 * character on the safe side (never narrower than DejaVu Sans, the widest common `system-ui`
 * font — Segoe UI, San Francisco, Roboto and Noto Sans are narrower), and text laid out with them
 * wraps into at least as many lines as on any screen. The area is therefore never too large.
 */

/** Character widths in em per font style: thin (i, l, t, punctuation, space), other, capitals and digits, wide (m, w, M, W). */
const EM: Readonly<Record<FontStyle, { thin: number; other: number; capital: number; wide: number }>> = {
  normal: { thin: 0.42, other: 0.65, capital: 0.86, wide: 1 },
  italic: { thin: 0.42, other: 0.65, capital: 0.86, wide: 1 },
  bold: { thin: 0.5, other: 0.74, capital: 0.9, wide: 1.1 },
};

const THIN = /[\s'’‘,.:;!|/\\()[\]\-ijlIJïíìîtfr]/u;
const WIDE = /[mwMW%@—…\p{Extended_Pictographic}]/u;
const CAPITAL = /[A-Z0-9À-Þ&#+<=>^~]/u;

function estimator(style: FontStyle): TextMeasurer {
  const em = EM[style];
  return (text, fontSize) => {
    let width = 0;
    for (const char of text)
      width += THIN.test(char) ? em.thin : WIDE.test(char) ? em.wide : CAPITAL.test(char) ? em.capital : em.other;
    return width * fontSize;
  };
}

/** Text widths on the safe side (never narrower than on screen). */
export const SAFE_MEASURERS: Measurers = {
  normal: estimator('normal'),
  bold: estimator('bold'),
  italic: estimator('italic'),
};

/** The languages the canvas can show a sheet in. */
const LOCALES: readonly Locale[] = ['nl', 'en'];

/**
 * The bottom (y) of a field's printed title, questions and hint, at least as low as the canvas
 * draws it in any of `locales`. The canvas shrinks crowded texts to a limit, at a scale shared by
 * sibling boxes; the printed block is never taller than at full size, and never lower than the
 * limit or its height at the smallest scale, so the lower of those two bounds is safe.
 */
export function printedBottom(
  sheet: SheetTemplate,
  field: FieldTemplate,
  locales: readonly Locale[] = LOCALES,
): number {
  return Math.max(
    ...locales.map((locale) => {
      const full = layoutField(sheet, field, locale, SAFE_MEASURERS, 1);
      const smallest = layoutField(sheet, field, locale, SAFE_MEASURERS, 0);
      return Math.min(full.headerBottom, Math.max(smallest.headerLimit, smallest.headerBottom));
    }),
  );
}

/** The printed block of a field (title, questions, hint): its full width, from its top down to {@link printedBottom}. */
export function printedBlock(sheet: SheetTemplate, field: FieldTemplate, locales: readonly Locale[] = LOCALES): Rect {
  const { rect } = field;
  return { x: rect.x, y: rect.y, width: rect.width, height: printedBottom(sheet, field, locales) - rect.y };
}

/** The box of a field's agreed wording, at least as tall as the canvas draws it. */
export function wordingBlock(field: FieldTemplate, text: string): Rect {
  const box = layoutFormulationBox(field.rect, text, SAFE_MEASURERS.normal, field.parentId !== undefined);
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}

/** The field and the fields it is nested in, innermost first. */
export function fieldLineage(sheet: SheetTemplate, field: FieldTemplate): FieldTemplate[] {
  const out = [field];
  let parentId = field.parentId;
  while (parentId !== undefined && out.length <= sheet.fields.length) {
    const parent = sheet.fields.find((f) => f.id === parentId);
    if (parent === undefined) break;
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}

/** Space kept between a note and the field's edge, its printed text or a wording box. */
export const NOTE_AREA_MARGIN = 4;

/**
 * The free rectangle of a field where notes can lie: below its printed block, inside its edges,
 * and above the agreed wording of the field or of a field it is nested in (a parent's wording box
 * runs across the bottom of the parent, over its lowest nested boxes). `wordings` maps field ids
 * to agreed wordings on the board. Its height may be less than a note's: then no note fits.
 * Nested boxes inside the field are not taken out (no notes go in a field that has them).
 */
export function freeNoteArea(
  sheet: SheetTemplate,
  field: FieldTemplate,
  wordings: ReadonlyMap<string, string>,
  locales: readonly Locale[] = LOCALES,
): Rect {
  const { rect } = field;
  // The printed block ends with a gap of its own; a nested box is only just tall enough for a
  // row of notes under its text, so its notes may come close to its lower edge.
  const top = printedBottom(sheet, field, locales);
  const margin = field.parentId === undefined ? NOTE_AREA_MARGIN : 1;
  let bottom = rect.y + rect.height - margin;
  for (const holder of fieldLineage(sheet, field)) {
    const text = wordings.get(holder.id) ?? '';
    if (text.trim() === '') continue;
    const box = wordingBlock(holder, text);
    if (box.y < bottom && box.y + box.height > top) bottom = Math.min(bottom, box.y - NOTE_AREA_MARGIN / 2);
  }
  return { x: rect.x + margin, y: top, width: rect.width - 2 * margin, height: Math.max(0, bottom - top) };
}

/** How many notes fit in an area in a grid with `gap` between them. */
export function noteGrid(area: Rect, gap: number): { readonly cols: number; readonly rows: number } {
  const fit = (length: number) => (length < NOTE_SIZE ? 0 : Math.floor((length - NOTE_SIZE) / (NOTE_SIZE + gap)) + 1);
  return { cols: fit(area.width), rows: fit(area.height) };
}
