import { NOTE_SIZE } from '../domain/note';
import type { TextMeasurer } from '../template/textWrap';
import type { Rect } from '../template/types';
import { BADGE_COLORS, BADGE_METRICS, SHEET_COLORS, type BadgeKind } from './palette';

/**
 * The small counters under a note: agree ✓, disagree ✗, open ?, and voting dots ●; the
 * "GEKOZEN" ribbon on a note the group chose; and a field's "⚑ 2" open questions. Pure layout
 * (sheet units) with the text measurer injected, so it is tested without a canvas; the canvas and
 * the PNG draw from it (client/src/canvas/noteBadges.ts re-exports it).
 */

/** What a badge counts. */
export type { BadgeKind };

/** One laid-out badge. */
export interface Badge {
  readonly kind: BadgeKind;
  readonly text: string;
  readonly x: number;
  readonly width: number;
  /** This person's own choice (their mark, or a dot of theirs). */
  readonly mine: boolean;
}

/** Badge metrics in sheet units. */
export const BADGE = BADGE_METRICS;

const SYMBOL: Readonly<Record<BadgeKind, string>> = { agree: '✓', disagree: '✗', open: '?', votes: '●' };

/** The counts a note shows. */
export interface BadgeCounts {
  readonly agree: number;
  readonly disagree: number;
  readonly open: number;
  readonly votes: number;
  readonly myMark: 'agree' | 'disagree' | 'open' | null;
  readonly myVotes: number;
}

/** The badges of a note, left to right, centred under it; none for counts of zero. */
export function layoutBadges(counts: BadgeCounts, measure: TextMeasurer): Badge[] {
  const kinds: BadgeKind[] = ['agree', 'disagree', 'open', 'votes'];
  const shown = kinds.filter((kind) => counts[kind] > 0);
  const sized = shown.map((kind) => {
    const text = `${SYMBOL[kind]} ${counts[kind]}`;
    return {
      kind,
      text,
      width: Math.ceil(measure(text, BADGE.fontSize) + 2 * BADGE.padding),
      mine: kind === 'votes' ? counts.myVotes > 0 : counts.myMark === kind,
    };
  });
  const total = sized.reduce((sum, b) => sum + b.width, 0) + BADGE.gap * Math.max(0, sized.length - 1);
  let x = (NOTE_SIZE - total) / 2;
  return sized.map((b) => {
    const badge = { ...b, x };
    x += b.width + BADGE.gap;
    return badge;
  });
}

/**
 * How a counter under a note is outlined. The pale mark counters sit half on the note, half on the
 * field, where their fill alone hardly stands out: a dark edge in their text colour gives the shape
 * at least 3:1 against any note, field or sheet. The dark votes counter stands out by its fill; my
 * own counters have a thicker edge (the votes one in the star colour).
 */
export function badgeEdge(kind: BadgeKind, mine: boolean): { readonly stroke: string; readonly width: number } {
  const colors = BADGE_COLORS[kind];
  if (kind === 'votes') return mine ? { stroke: SHEET_COLORS.star, width: 1.4 } : { stroke: colors.fill, width: 0.8 };
  return { stroke: colors.ink, width: mine ? 1.6 : 0.8 };
}

/** A small text label in a box, in sheet units: a note's "GEKOZEN" ribbon, a field's hint. */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly padding: number;
  readonly text: string;
}

/** The "GEKOZEN" ribbon of a chosen note: a label on the note's top edge, as the PDF draws it. */
export type ChosenRibbon = LabelBox;

/** Ribbon metrics in sheet units. */
export const RIBBON = { fontSize: 7.5, height: 10.5, padding: 2.5, top: -11 } as const;

/** Lays out the ribbon for a label ("✓ GEKOZEN"), left-aligned with the note, never wider than it. */
export function layoutChosenRibbon(label: string, measure: TextMeasurer): ChosenRibbon {
  const text = `✓ ${label}`;
  const width = Math.min(NOTE_SIZE, Math.ceil(measure(text, RIBBON.fontSize) + 2 * RIBBON.padding));
  return {
    x: 0,
    y: RIBBON.top,
    width,
    height: RIBBON.height,
    fontSize: RIBBON.fontSize,
    padding: RIBBON.padding,
    text,
  };
}

/** The "⚑ 2" badge of a field's open questions (draft action points), as the board draws it beside the field's button. */
export interface OpenPointsBadge {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly text: string;
}

/** The field button's metrics (sheet units): radius, and its distance from the field's edges. */
export const FIELD_BUTTON = { top: { r: 9.5, margin: 8 }, nested: { r: 7, margin: 4 } } as const;

/**
 * Where a field shows its open questions: at its bottom right, just above its agreed wording if
 * it has one, left of the field's button (`withButton`, on the board) or in the button's place
 * (a picture of the sheet, which has no buttons). `formulationTop`: the wording box's y, or null.
 */
export function layoutOpenPoints(
  rect: Rect,
  nested: boolean,
  formulationTop: number | null,
  count: number,
  measure: TextMeasurer,
  withButton: boolean,
): OpenPointsBadge {
  const { r, margin } = nested ? FIELD_BUTTON.nested : FIELD_BUTTON.top;
  const bottom = formulationTop !== null ? formulationTop - 3 : rect.y + rect.height - margin;
  const text = `⚑ ${count}`;
  const fontSize = r * 1.05;
  const width = measure(text, fontSize) + r;
  const right = rect.x + rect.width - margin - (withButton ? 2 * r + 3 : 0);
  return { x: right - width, y: bottom - 2 * r, width, height: 2 * r, fontSize, text };
}
