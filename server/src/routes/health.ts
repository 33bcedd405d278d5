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
