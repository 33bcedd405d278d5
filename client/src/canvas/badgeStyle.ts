/** How a counter under a note is outlined: the rule lives with the shared badge layout (shared/src/scene/noteBadges.ts). */
export { badgeEdge } from '@dmc/shared/scene/noteBadges';
