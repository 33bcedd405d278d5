import { NOTE_SIZE, type NoteColor } from '../domain/note';

/**
 * The one palette and the one set of note and badge metrics of the filled sheet. The canvas
 * (client/src/canvas/theme.ts), the PNG export (client/src/exports/sheetPicture.tsx, which draws
 * with the canvas's shapes) and the PDF (shared/src/export/pdf/pdfSheet.ts) all read these, so a
 * print looks like the screen. Colours are CSS hex strings; the PDF converts them with `hexColor`.
 * Sizes are sheet units (mm).
 */

/** Fill colours of the note colours; all pass AA for the dark note text, and are soft enough to print on. */
export const NOTE_FILLS: Readonly<Record<NoteColor, string>> = {
  yellow: '#fff1a8',
  pink: '#ffd3e4',
  blue: '#cde4ff',
  green: '#cff2d1',
  orange: '#ffd9b3',
  purple: '#e4d9ff',
};

/**
 * A darker edge per note colour, so a note stands out from every field tint and the white sheet
 * at 3:1 at least (WCAG 1.4.11, non-text contrast; palette.test.ts checks every template's tints).
 */
export const NOTE_EDGES: Readonly<Record<NoteColor, string>> = {
  yellow: '#948219',
  pink: '#d35686',
  blue: '#4083d3',
  green: '#419248',
  orange: '#bb6e23',
  purple: '#8d71d8',
};

/** Colours of the sheet and what lies on it, shared by every renderer. */
export const SHEET_COLORS = {
  sheet: '#ffffff',
  /** Text on notes and fields. */
  ink: '#1f2328',
  muted: '#4b5563',
  /** The agreed wording's box on a field, and the plenary sheet's accent. */
  formulationFill: '#ffffff',
  formulationEdge: '#154273',
  /** A chosen note's ribbon and outline, a chosen wording's pill: dark green with white text (AA). */
  chosen: '#166534',
  /** Text on the chosen colour, the votes badge and the open-points counter. */
  onDark: '#ffffff',
  /** The highlight star and glow (the glow is this colour at {@link HIGHLIGHT_OPACITY}). */
  star: '#f5b301',
  starEdge: '#7a4e00',
  /** Counter of a field's open action points. */
  deferralFill: '#8a4b08',
} as const;

/** Guidance on the canvas ("⚠ Kies samen één doel"): amber with dark text (AA) and a warning sign, so not colour alone. */
export const GUIDANCE_COLORS = { fill: '#fff3cd', edge: '#b45309', ink: '#78350f' } as const;

/** Opacity of the highlight glow behind a highlighted note. */
export const HIGHLIGHT_OPACITY = 0.45;

/** The kinds of counter under a note. */
export type BadgeKind = 'agree' | 'disagree' | 'open' | 'votes';

/** Badge colours: dark text on light fills (AA), the votes dot inverted. */
export const BADGE_COLORS: Readonly<Record<BadgeKind, { readonly fill: string; readonly ink: string }>> = {
  agree: { fill: '#e3f5e8', ink: '#14532d' },
  disagree: { fill: '#fde8e8', ink: '#7f1d1d' },
  open: { fill: '#fff3d1', ink: '#713f12' },
  votes: { fill: '#1e3a8a', ink: '#ffffff' },
};

/** Size and place of the agreement and vote counters under a note. */
export const BADGE_METRICS = { fontSize: 7.5, height: 11, padding: 3, gap: 2, top: NOTE_SIZE - 5.5 } as const;

/** Note text: padding inside the note and the largest size and line height, the same on every renderer. */
export const NOTE_TEXT_METRICS = { padding: 5, maxFontSize: 14, lineHeight: 1.18 } as const;

/**
 * The agreed wording's box at the bottom of a field, for top-level and nested (DPIA) fields: margin
 * to the field's edge, padding, title and text size, line height and the largest share of the
 * field's height it may take.
 */
export const WORDING_METRICS = {
  top: { margin: 8, padding: 5, titleSize: 7, fontSize: 10, lineHeight: 1.2, share: 0.38 },
  nested: { margin: 4, padding: 3, titleSize: 5.5, fontSize: 7, lineHeight: 1.2, share: 0.5 },
} as const;

/** A field's printed texts: padding, title, question and hint size, how far they may shrink, gaps, info button. */
export interface FieldTextMetrics {
  readonly pad: number;
  readonly title: number;
  readonly question: number;
  readonly hint: number;
  readonly minScale: number;
  readonly titleGap: number;
  readonly questionGap: number;
  readonly infoRadius: number;
}

/** Field text metrics of top-level and nested (DPIA) fields, the same on the canvas and in print. */
export const FIELD_TEXT_METRICS: { readonly top: FieldTextMetrics; readonly nested: FieldTextMetrics } = {
  top: { pad: 11, title: 19, question: 14.5, hint: 12.5, minScale: 0.6, titleGap: 4, questionGap: 3, infoRadius: 9.5 },
  nested: { pad: 7, title: 11.5, question: 9.8, hint: 8.5, minScale: 0.7, titleGap: 3, questionGap: 2, infoRadius: 7 },
};
