import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@dmc/shared/domain/actor';

/**
 * Participant tokens: a small JSON payload signed with HMAC-SHA256 under a server secret. The
 * token says who you are in which workshop; the server looks up everything else (name, access)
 * on every connection, so removing a participant takes effect although their token still verifies.
 */

/** What a token asserts. */
export interface TokenClaims {
  /** Workshop id. */
  readonly w: string;
  /** Participant id. */
  readonly p: string;
  readonly r: Role;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
}

const PREFIX = 'v1';

/** Signs and verifies tokens with one secret. */
export class TokenSigner {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 bytes');
  }

  /** A token for these claims. */
  sign(claims: Omit<TokenClaims, 'iat'>): string {
    const payload = Buffer.from(JSON.stringify({ ...claims, iat: Math.floor(Date.now() / 1000) })).toString('base64url');
    return `${PREFIX}.${payload}.${this.mac(payload)}`;
  }

  /** The claims of a well-signed token, or undefined. */
  verify(token: string | null | undefined): TokenClaims | undefined {
    if (typeof token !== 'string' || token.length > 1024) return undefined;
    const [prefix, payload, mac] = token.split('.');
    if (prefix !== PREFIX || !payload || !mac) return undefined;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
      if (typeof claims.w !== 'string' || typeof claims.p !== 'string' || typeof claims.iat !== 'number') return undefined;
      if (claims.r !== 'facilitator' && claims.r !== 'participant') return undefined;
      return { w: claims.w, p: claims.p, r: claims.r, iat: claims.iat };
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return crypto.createHmac('sha256', this.secret).update(`${PREFIX}.${payload}`).digest('base64url');
  }
}

/** The token secret: from the environment, or generated once and kept in the data directory. */
export function loadTokenSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, 'secret.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32);
    fs.writeFileSync(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

/** The bearer token of an HTTP request (Authorization header). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
