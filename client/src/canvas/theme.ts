import type { NoteColor } from '@dmc/shared/domain/note';

/** The system font stack: no web fonts, so the browser requests nothing from elsewhere. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/** Fill colours of the note colours; all pass AA for the dark note text. */
export const NOTE_FILLS: Readonly<Record<NoteColor, string>> = {
  yellow: '#fff1a8',
  pink: '#ffd3e4',
  blue: '#cde4ff',
  green: '#cff2d1',
  orange: '#ffd9b3',
  purple: '#e4d9ff',
};

/** Slightly darker edge per note colour, so notes read as paper on the tinted fields. */
export const NOTE_EDGES: Readonly<Record<NoteColor, string>> = {
  yellow: '#e3cf5c',
  pink: '#e7a3bd',
  blue: '#93b9e6',
  green: '#93cf98',
  orange: '#e5ad76',
  purple: '#b7a5e6',
};

/** Colours used on the canvas. */
export const CANVAS_COLORS = {
  background: '#e9ecef',
  sheet: '#ffffff',
  ink: '#1f2328',
  muted: '#4b5563',
  fieldStroke: 'rgba(31, 35, 40, 0.18)',
  nestedStroke: 'rgba(49, 46, 129, 0.32)',
  selection: '#1a56db',
  infoFill: '#ffffff',
  infoInk: '#154273',
  /** Edge, icon and label of private notes (white text on it passes AA). */
  privateEdge: '#5b21b6',
  /** The agreed wording's box on a field. */
  formulationFill: '#ffffff',
  formulationEdge: '#154273',
  /** Counter of a field's open action points. */
  deferralFill: '#8a4b08',
} as const;

/** Note text: padding inside the note and the range of font sizes (sheet units). */
export const NOTE_TEXT = { padding: 5, maxFontSize: 14, minFontSize: 5, lineHeight: 1.18, breakWordsBelow: 8 } as const;
