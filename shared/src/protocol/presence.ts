import { z } from 'zod/mini';

/**
 * Presence (awareness) is what others see of you while you are connected: name, colour, cursor,
 * the note you are dragging. It is never persisted.
 */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().check(z.maxLength(64)),
    name: z.string().check(z.maxLength(80)),
    color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  }),
  /** Pointer position on a sheet, sheet units; null when the pointer is elsewhere. */
  cursor: z.optional(
    z.nullable(z.object({ sheetId: z.string().check(z.maxLength(32)), x: z.number(), y: z.number() })),
  ),
  /** A note being dragged right now, so others see it move before it is dropped. */
  drag: z.optional(z.nullable(z.object({ noteId: z.string().check(z.maxLength(64)), x: z.number(), y: z.number() }))),
  /** The note being edited, so others see who is typing. */
  editing: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** What this person is looking at (board, sheet, viewport in sheet units): follow mode uses it. */
  view: z.optional(
    z.nullable(
      z.object({
        boardId: z.string().check(z.maxLength(64)),
        sheetId: z.string().check(z.maxLength(32)),
        x: z.number(),
        y: z.number(),
        scale: z.number().check(z.positive()),
      }),
    ),
  ),
});

/** One person's presence. */
export type Presence = z.infer<typeof presenceSchema>;

/** Colours for people (cursors, avatars): distinct, and dark enough for white text (AA). */
export const PRESENCE_COLORS = [
  '#b42318',
  '#1d4ed8',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
] as const;

/** A stable presence colour for a person id. */
export function presenceColor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}
