import { BADGE_COLORS, SHEET_COLORS, type BadgeKind } from '@dmc/shared/scene/palette';

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
