import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import { LIMITS } from '@dmc/shared/domain/limits';
import type { TokenSigner } from './auth/tokens';
import type { Collab } from './collab/collab';
import { DEFAULT_IMPORTS_PER_10_MINUTES, privacyFrom, type PrivacyConfig, type TrustProxy } from './config';
import { HttpError } from './httpError';
import type { Exchange } from './exchange';
import { exchangeRoutes } from './routes/exchange';
import { createRateLimits, rateRules, type SharedRateStore } from './routes/rateLimit';
import { healthRoutes, probeRoutes, type Readiness } from './routes/health';
import { workshopRoutes } from './routes/workshops';
import { personalDataRoutes } from './routes/personalData';
import type { WorkshopService } from './workshops';

/** What the HTTP app is composed of. */
export interface AppDeps {
  readonly workshops: WorkshopService;
  readonly tokens: TokenSigner;
  readonly collab: Collab;
  /** Built client to serve; skipped when the directory does not exist (API-only tests). */
  readonly clientDir: string;
  readonly trustProxy: TrustProxy;
  readonly exchange: Exchange;
  /** Create, join, facilitate and demo requests per client address per minute, each its own bucket. */
  readonly rateLimitPerMinute: number;
  /** Backup imports per client address per ten minutes. */
  readonly importsPer10Minutes?: number;
  /** Counts requests in Redis, across every server process (scale-out); in memory when absent. */
  readonly rateStore?: SharedRateStore;
  /** What /readyz asks (store and Redis reachable, not draining). */
  readonly readiness?: Readiness;
  /** The controller the privacy notice names; read from PRIVACY_CONTROLLER / PRIVACY_CONTACT when absent. */
  readonly privacy?: PrivacyConfig;
  /** This process's name (PROCESS_NAME), sent as `X-Served-By` on every response; none when absent. */
  readonly processName?: string | undefined;
}

/**
 * The Express app: JSON API under /api and the built client for everything else. It does not
 * listen; `startServer` does, so tests and the benchmark can run it on any port.
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  const processName = deps.processName;
  if (processName)
    app.use((_req, res, next) => {
      res.setHeader('X-Served-By', processName);
      next();
    });
  app.use(securityHeaders);
  const limits = createRateLimits(
    rateRules(deps.rateLimitPerMinute, deps.importsPer10Minutes ?? DEFAULT_IMPORTS_PER_10_MINUTES),
    deps.rateStore,
  );
  // For the load balancer: /healthz (the process is alive), /readyz (send it traffic).
  app.use(probeRoutes(deps.readiness ?? (async () => [])));
  // Before the general JSON parser: the backup import has its own, larger limit.
  app.use('/api', exchangeRoutes(deps.workshops, deps.exchange, deps.tokens, limits));
  app.use('/api', express.json({ limit: LIMITS.jsonBodyBytes }));
  app.use('/api', healthRoutes(deps.collab));
  app.use('/api', workshopRoutes(deps.workshops, deps.tokens, limits));
  app.use(
    '/api',
    personalDataRoutes(deps.workshops, deps.exchange, deps.tokens, deps.privacy ?? privacyFrom(process.env)),
  );
  app.use('/api', (_req, _res, next) => next(new HttpError(404, 'not_found', 'No such endpoint.')));

  const index = path.join(deps.clientDir, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h', immutable: false }));
    // Client-side routes (/w/…, /j/…) all load the single page.
    app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  app.use(errorHandler);
  return app;
}

/** A Host header that is safe to repeat in a header: a host name or address with an optional port. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

const securityHeaders: express.RequestHandler = (req, res, next) => {
  // Everything comes from this server: no fonts, scripts or trackers from elsewhere (AVG).
  // Websockets only to this origin: CSP 3 lets 'self' match ws/wss of the same host, but older
  // browsers do not, so the same host is named explicitly (never any ws: or wss: host).
  const host = req.headers.host ?? '';
  const sockets = PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; connect-src 'self'${sockets}; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  next();
};

const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof HttpError) {
    res.status(error.status).json(error.toBody());
    return;
  }
  const status = (error as { status?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') {
    // The limit of the parser that refused it (the import's is far larger than other requests').
    const limit = (error as { limit?: unknown }).limit;
    const bytes = typeof limit === 'number' ? limit : LIMITS.jsonBodyBytes;
    res
      .status(413)
      .json(new HttpError(413, 'too_large', `Request bodies here are limited to ${bytes} bytes.`).toBody());
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res
      .status(status)
      .json(new HttpError(status, 'bad_request', 'The request could not be read (malformed JSON?).').toBody());
    return;
  }
  console.error('[http] unexpected error', error);
  res.status(500).json(new HttpError(500, 'internal', 'Something went wrong on the server.').toBody());
};
