import { z } from 'zod';

/**
 * Presence (awareness) is what others see of you while you are connected: name, colour, cursor,
 * the note you are dragging. It is never persisted.
 */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().max(64),
    name: z.string().max(80),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  }),
  /** Pointer position on a sheet, sheet units; null when the pointer is elsewhere. */
  cursor: z
    .object({ sheetId: z.string().max(32), x: z.number().finite(), y: z.number().finite() })
    .nullable()
    .optional(),
  /** A note being dragged right now, so others see it move before it is dropped. */
  drag: z
    .object({ noteId: z.string().max(64), x: z.number().finite(), y: z.number().finite() })
    .nullable()
    .optional(),
  /** The note being edited, so others see who is typing. */
  editing: z.string().max(64).nullable().optional(),
  /** What this person is looking at (board, sheet, viewport in sheet units): follow mode uses it. */
  view: z
    .object({
      boardId: z.string().max(64),
      sheetId: z.string().max(32),
      x: z.number().finite(),
      y: z.number().finite(),
      scale: z.number().finite().positive(),
    })
    .nullable()
    .optional(),
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
