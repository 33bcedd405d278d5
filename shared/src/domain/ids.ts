import { z } from 'zod/mini';

/**
 * Ids of everything people make (notes, participants, subgroups, actions…), defined once: the
 * pattern every schema checks and the generator every writer uses. The regex source is also what
 * the backup's error messages recognise (export/json.ts), so it is spelled out in one place only.
 */

/** A url-safe id: letters, digits, `_` and `-`, 1 to 64 characters. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Validates an id. */
export const idSchema = z.string().check(z.regex(ID_PATTERN));

/** A field id of a template (lower case, digits and `-`). */
export const FIELD_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/** Validates a template field id. */
export const fieldIdSchema = z.string().check(z.regex(FIELD_ID_PATTERN));

/** A sheet id of a template. */
export const sheetIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,32}$/));

/** Whether a string is an id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Random bytes from the platform's crypto (browsers and Node 20 both have it globally). */
function randomBytes(count: number): Uint8Array {
  const { crypto } = globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } };
  return crypto.getRandomValues(new Uint8Array(count));
}

/** Bytes as base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    if (c !== undefined) out += ALPHABET[c & 63];
  }
  return out;
}

/** A new random id (16 random bytes, base64url: 22 characters), matching `idSchema`. */
export function newId(bytes: Uint8Array = randomBytes(16)): string {
  return base64url(bytes);
}
