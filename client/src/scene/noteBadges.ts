/**
 * The counters under a note, the chosen ribbon and a field's open-points badge: the pure layout
 * lives in shared/src/scene/ with the palette's metrics; the canvas passes the browser's measurer.
 */
export {
  BADGE,
  FIELD_BUTTON,
  layoutBadges,
  layoutChosenRibbon,
  layoutOpenPoints,
  RIBBON,
} from '@dmc/shared/scene/noteBadges';
export type { Badge, BadgeCounts, BadgeKind, ChosenRibbon, OpenPointsBadge } from '@dmc/shared/scene/noteBadges';
