import type { RequestHandler } from 'express';
import { HttpError } from '../httpError';

/** A fixed-window request limit per client address, for endpoints that guess-proof codes. */
export function rateLimit({ windowMs, max }: { windowMs: number; max: number }): RequestHandler {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return (req, _res, next) => {
    const now = Date.now();
    const key = req.ip ?? 'unknown';
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
      entry = { count: 0, resetAt: now + windowMs };
      hits.set(key, entry);
    }
    entry.count++;
    if (entry.count > max) {
      next(new HttpError(429, 'too_many_requests', 'Too many attempts; wait a minute and try again.'));
      return;
    }
    next();
  };
}
