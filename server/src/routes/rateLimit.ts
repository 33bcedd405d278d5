import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { HttpError } from '../httpError';

/**
 * The request buckets. Each has its own counter per client address, so flooding one (e.g. create)
 * cannot lock a whole institution behind one NAT address out of another (e.g. join).
 */
export type RateBucket = 'create' | 'join' | 'facilitate' | 'import' | 'demo';

/** How many requests a bucket allows per window. */
export interface RateRule {
  readonly points: number;
  readonly windowSeconds: number;
}

/** One limiter per bucket, shared by the routes that use it. */
export type RateLimits = Readonly<Record<RateBucket, RequestHandler>>;

/** The buckets' rules: joins and the like per minute; imports (heavy work) a few per ten minutes. */
export function rateRules(perMinute: number, importsPer10Minutes: number): Readonly<Record<RateBucket, RateRule>> {
  return {
    create: { points: perMinute, windowSeconds: 60 },
    join: { points: perMinute, windowSeconds: 60 },
    facilitate: { points: perMinute, windowSeconds: 60 },
    demo: { points: perMinute, windowSeconds: 60 },
    import: { points: importsPer10Minutes, windowSeconds: 600 },
  };
}

/** A Redis connection (ioredis) and a key prefix, to count requests across server processes. */
export interface SharedRateStore {
  /** An ioredis client; typed loosely as rate-limiter-flexible takes several Redis clients. */
  readonly client: unknown;
  readonly prefix: string;
}

/**
 * Builds the limiters: in memory for one process; in Redis when `shared` is given, so N processes
 * count one address together (falling back to counting in memory while Redis is away).
 */
export function createRateLimits(rules: Readonly<Record<RateBucket, RateRule>>, shared?: SharedRateStore): RateLimits {
  const entries = (Object.keys(rules) as RateBucket[]).map(
    (bucket) => [bucket, limiter(bucket, rules[bucket], shared)] as const,
  );
  return Object.fromEntries(entries) as Record<RateBucket, RequestHandler>;
}

function limiter(bucket: RateBucket, rule: RateRule, shared: SharedRateStore | undefined): RequestHandler {
  const options = { keyPrefix: bucket, points: Math.max(1, rule.points), duration: rule.windowSeconds };
  const memory = new RateLimiterMemory(options);
  const store: RateLimiterAbstract = shared
    ? new RateLimiterRedis({
        ...options,
        keyPrefix: `${shared.prefix}rate:${bucket}`,
        storeClient: shared.client,
        // While Redis is away: count in this process at once rather than wait for it.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return (req, res, next) => {
    // req.ip honours 'trust proxy': the address the last trusted proxy saw, never a client's own claim.
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    store.consume(key).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) {
          next(rejection);
          return;
        }
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(seconds));
        next(
          new HttpError(429, 'too_many_requests', `Too many requests (${bucket}); try again in ${seconds} s.`, [
            `Te veel verzoeken; probeer het over ${seconds} seconden opnieuw.`,
          ]),
        );
      },
    );
  };
}
