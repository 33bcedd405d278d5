import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@dmc/shared/domain/actor';
import { HttpError } from '../httpError';

/**
 * Participant tokens: a small JSON payload signed with HMAC-SHA256 under a server secret. The
 * token says who you are in which workshop; the server looks up everything else (name, access)
 * on every connection, so removing a participant takes effect although their token still verifies.
 * Tokens expire (`exp`); a client renews its token silently while it is in use (GET /api/session
 * answers with a fresh one), so a copied or logged token is worth little for long.
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
  /** Expires at, seconds since the epoch. Tokens of older versions have none: iat + lifetime. */
  readonly exp: number;
}

/** Why a token was not accepted. */
export type TokenProblem = 'invalid' | 'expired';

/** Default token lifetime. */
export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60;

const PREFIX = 'v1';

/** Signs and verifies tokens with one secret. */
export class TokenSigner {
  constructor(
    private readonly secret: Buffer,
    /** How long a token is valid after it was issued. */
    readonly ttlSeconds: number = DEFAULT_TOKEN_TTL_SECONDS,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 bytes');
  }

  /** A token for these claims, valid for the signer's lifetime from now. */
  sign(claims: Omit<TokenClaims, 'iat' | 'exp'>): string {
    const iat = Math.floor(this.now() / 1000);
    const payload = Buffer.from(
      JSON.stringify({ w: claims.w, p: claims.p, r: claims.r, iat, exp: iat + this.ttlSeconds }),
    ).toString('base64url');
    return `${PREFIX}.${payload}.${this.mac(payload)}`;
  }

  /** The claims of a well-signed, unexpired token, or undefined. */
  verify(token: string | null | undefined): TokenClaims | undefined {
    const result = this.check(token);
    return 'claims' in result ? result.claims : undefined;
  }

  /** The claims of a token, or why it is not accepted (so a client can say "expired"). */
  check(token: string | null | undefined): { claims: TokenClaims } | { problem: TokenProblem } {
    if (typeof token !== 'string' || token.length > 1024) return { problem: 'invalid' };
    const [prefix, payload, mac, extra] = token.split('.');
    if (prefix !== PREFIX || !payload || !mac || extra !== undefined) return { problem: 'invalid' };
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { problem: 'invalid' };
    let claims: Partial<TokenClaims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    } catch {
      return { problem: 'invalid' };
    }
    if (typeof claims !== 'object' || claims === null) return { problem: 'invalid' };
    if (typeof claims.w !== 'string' || typeof claims.p !== 'string' || typeof claims.iat !== 'number')
      return { problem: 'invalid' };
    if (claims.r !== 'facilitator' && claims.r !== 'participant' && claims.r !== 'viewer')
      return { problem: 'invalid' };
    // A token from before tokens expired carries no exp: it lives as long as a new one would.
    const exp =
      typeof claims.exp === 'number'
        ? Math.min(claims.exp, claims.iat + this.ttlSeconds)
        : claims.iat + this.ttlSeconds;
    if (Math.floor(this.now() / 1000) >= exp) return { problem: 'expired' };
    return { claims: { w: claims.w, p: claims.p, r: claims.r, iat: claims.iat, exp } };
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

/**
 * The claims of an HTTP request's bearer token; undefined when there is none or it is invalid
 * (the caller answers 401), and a 401 `session_expired` when it has expired, so the client can
 * tell the person how to get back in.
 */
export function requestClaims(tokens: TokenSigner, authorization: string | undefined): TokenClaims | undefined {
  const result = tokens.check(bearerToken(authorization));
  if ('claims' in result) return result.claims;
  if (result.problem === 'expired')
    throw new HttpError(
      401,
      'session_expired',
      'Your session has expired; join again with the code, or open your facilitator link.',
    );
  return undefined;
}

/** The bearer token of an HTTP request (Authorization header). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
