import crypto from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@dmc/shared/protocol/api';

/** A random id for workshops, participants, notes: 16 bytes, URL-safe. */
export function newId(bytes = 12): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** A facilitator secret: 128 bits of randomness, URL-safe. */
export function newFacilitatorSecret(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** How a facilitator secret is stored: a plain SHA-256 suffices for 128 random bits. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Whether a secret matches a stored hash, in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** A join code from the unambiguous alphabet, chosen without modulo bias. */
export function newJoinCode(): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    const byte = crypto.randomBytes(1)[0] ?? 0;
    // 248 = 8 × 31: rejecting the rest keeps every character equally likely.
    if (byte < 248) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
  }
  return code;
}
