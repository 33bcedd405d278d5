import { NOTE_TEXT_METRICS, SHEET_COLORS } from '@dmc/shared/scene/palette';

/** The system font stack: no web fonts, so the browser requests nothing from elsewhere. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/** Note fills and edges: the one palette shared with the PNG and PDF (shared/src/scene/palette.ts). */
export { NOTE_EDGES, NOTE_FILLS } from '@dmc/shared/scene/palette';

/** Colours used on the canvas. */
export const CANVAS_COLORS = {
  background: '#e9ecef',
  sheet: SHEET_COLORS.sheet,
  ink: SHEET_COLORS.ink,
  muted: SHEET_COLORS.muted,
  fieldStroke: 'rgba(31, 35, 40, 0.18)',
  nestedStroke: 'rgba(49, 46, 129, 0.32)',
  selection: '#1a56db',
  infoFill: '#ffffff',
  infoInk: '#154273',
  /** Edge, icon and label of private notes (white text on it passes AA). */
  privateEdge: '#5b21b6',
  /** The agreed wording's box on a field. */
  formulationFill: SHEET_COLORS.formulationFill,
  formulationEdge: SHEET_COLORS.formulationEdge,
  /** Counter of a field's open action points. */
  deferralFill: SHEET_COLORS.deferralFill,
} as const;

/** Note text: padding inside the note and the range of font sizes (sheet units). */
export const NOTE_TEXT = { ...NOTE_TEXT_METRICS, minFontSize: 5, breakWordsBelow: 8 } as const;
