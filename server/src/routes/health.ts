import { Router } from 'express';
import type { HealthResponse } from '@dmc/shared/protocol/api';
import type { Collab } from '../collab/collab';

/** The version the server reports, from the root package.json. */
export const VERSION = process.env.npm_package_version ?? '0.1.0';

/** Liveness and a few numbers for operators. */
export function healthRoutes(collab: Collab): Router {
  const router = Router();
  const started = Date.now();
  router.get('/health', (_req, res) => {
    const body: HealthResponse = {
      status: 'ok',
      serverTime: Date.now(),
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      ...collab.stats(),
    };
    res.json(body);
  });
  return router;
}

/** Reasons the server should not get traffic now (empty: ready). */
export type Readiness = () => Promise<string[]>;

/**
 * Probes for a load balancer: `/healthz` answers 200 while the process runs; `/readyz` answers
 * 200 only while the store (and Redis, with several processes) answer and the server is not
 * draining, else 503 with the reasons.
 */
export function probeRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    readiness().then(
      (problems) => res.status(problems.length === 0 ? 200 : 503).json({ ready: problems.length === 0, problems }),
      (error: unknown) => res.status(503).json({ ready: false, problems: [String(error)] }),
    );
  });
  return router;
}
