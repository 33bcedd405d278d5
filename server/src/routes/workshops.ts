import { Router, type Request } from 'express';
import type { z } from 'zod/mini';
import {
  closeWorkshopRequest,
  createWorkshopRequest,
  facilitateRequest,
  facilitatorsRequest,
  joinCodeSchema,
  joinRequest,
  renameParticipantRequest,
  updateWorkshopRequest,
} from '@dmc/shared/protocol/api';
import { requestClaims, type TokenSigner } from '../auth/tokens';
import { HttpError } from '../httpError';
import type { WorkshopService } from '../workshops';
import type { RateLimits } from './rateLimit';

/** Workshop lifecycle endpoints; thin: validate, call the service, answer. */
export function workshopRoutes(workshops: WorkshopService, tokens: TokenSigner, limits: RateLimits): Router {
  const router = Router();
  // Per client address and per bucket. A whole institution often shares one address, so this only
  // stops floods and code guessing (6 characters from 31: ~887 million codes), not a room joining.

  router.post('/workshops', limits.create, async (req, res) => {
    const body = parse(createWorkshopRequest, req.body);
    res.status(201).json(await workshops.create(body));
  });

  router.get('/join/:code', limits.join, async (req, res) => {
    const code = parse(joinCodeSchema, req.params.code);
    res.json(await workshops.joinInfo(code));
  });

  router.post('/join', limits.join, async (req, res) => {
    const body = parse(joinRequest, req.body);
    res.status(201).json(await workshops.join(body.code, body.name, body.tableRole));
  });

  router.post('/facilitate', limits.facilitate, async (req, res) => {
    const body = parse(facilitateRequest, req.body);
    res
      .status(201)
      .json(await workshops.facilitate(body.workshopId, body.secret, body.name, body.mode, body.participantId));
  });

  router.post('/facilitate/facilitators', limits.facilitate, (req, res) => {
    const body = parse(facilitatorsRequest, req.body);
    res.json(workshops.facilitators(body.workshopId, body.secret));
  });

  router.get('/session', (req, res) => {
    res.json(workshops.resume(requestClaims(tokens, req.headers.authorization)));
  });

  router.patch('/workshops/:id', async (req, res) => {
    const workshop = facilitating(req);
    res.json(await workshops.update(workshop.id, parse(updateWorkshopRequest, req.body)));
  });

  router.post('/workshops/:id/close', async (req, res) => {
    const workshop = facilitating(req);
    res.json(await workshops.setClosed(workshop.id, parse(closeWorkshopRequest, req.body).closed));
  });

  router.patch('/workshops/:id/participants/:participantId', async (req, res) => {
    const workshop = facilitating(req);
    res.json(
      await workshops.rename(workshop.id, String(req.params.participantId), parse(renameParticipantRequest, req.body)),
    );
  });

  router.delete('/workshops/:id/participants/:participantId', async (req, res) => {
    const workshop = facilitating(req);
    await workshops.removeParticipant(workshop.id, String(req.params.participantId));
    res.status(204).end();
  });

  router.delete('/workshops/:id', async (req, res) => {
    const workshop = facilitating(req);
    await workshops.remove(workshop.id);
    res.status(204).end();
  });

  /** The workshop in the URL, when the caller facilitates it; 401/403 otherwise. */
  function facilitating(req: Request) {
    return workshops.authenticateFacilitator(requestClaims(tokens, req.headers.authorization), String(req.params.id));
  }

  return router;
}

/** Parses a request part with a schema, or throws a 400 listing what is wrong. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
  throw new HttpError(400, 'invalid_request', 'The request is not valid.', details);
}
