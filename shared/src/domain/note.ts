import { z } from 'zod/mini';
import { LIMITS } from './limits';
import { fieldIdSchema, idSchema, sheetIdSchema } from './ids';

/** Sticky-note colours; names, not CSS, so a theme can render them. */
export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;

/** One of the sticky-note colours. */
export type NoteColor = (typeof NOTE_COLORS)[number];

/** A note is a square of this many sheet units (mm on the printed A0 sheet: a 64 mm post-it). */
export const NOTE_SIZE = 64;

/** How far (sheet units) a note may lie outside its sheet: a little slack for untidy boards. */
export const NOTE_MARGIN = 200;

/** A sticky note as plain data. */
export interface Note {
  readonly id: string;
  readonly sheetId: string;
  /** The field the note lies in, derived from its position; null when outside every field. */
  readonly fieldId: string | null;
  /** Top-left corner, sheet units. */
  readonly x: number;
  readonly y: number;
  readonly color: NoteColor;
  readonly text: string;
  /** The participant who wrote it; only they (or a facilitator) may change its text. */
  readonly authorId: string;
  readonly createdAt: number;
  /** Stacking order: larger is on top. */
  readonly z: number;
}

const coordinate = z.number().check(z.gte(-NOTE_MARGIN), z.lte(10_000));

/** Validates a note as it is stored in a document. */
export const noteSchema = z.strictObject({
  id: idSchema,
  sheetId: sheetIdSchema,
  fieldId: z.nullable(fieldIdSchema),
  x: coordinate,
  y: coordinate,
  color: z.enum(NOTE_COLORS),
  text: z.string().check(z.maxLength(LIMITS.noteTextLength)),
  authorId: idSchema,
  createdAt: z.int().check(z.nonnegative()),
  z: z.number(),
});

/** Properties nobody may change once a note exists. */
export const IMMUTABLE_NOTE_KEYS: readonly (keyof Note)[] = ['id', 'authorId', 'createdAt'];

/** Properties only the author (or a facilitator) may change. */
export const AUTHOR_NOTE_KEYS: readonly (keyof Note)[] = ['text'];

/** Clamps note text to the limit, so a paste never produces a write the server refuses. */
export function clampNoteText(text: string): string {
  return text.length > LIMITS.noteTextLength ? text.slice(0, LIMITS.noteTextLength) : text;
}
