/** How many characters of a note's text a label or an announcement quotes. */
const EXCERPT_LENGTH = 40;

/** A note's text on one line, shortened with "…": enough to tell which note a button or an announcement means. */
export function noteExcerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
