import { Router, type Request } from 'express';
import type { z } from 'zod';
import { createWorkshopRequest, facilitateRequest, joinCodeSchema, joinRequest } from '@dmc/shared/protocol/api';
import { bearerToken, type TokenSigner } from '../auth/tokens';
import { HttpError } from '../httpError';
import type { WorkshopService } from '../workshops';
import { rateLimit } from './rateLimit';

/** Workshop lifecycle endpoints; thin: validate, call the service, answer. */
export function workshopRoutes(workshops: WorkshopService, tokens: TokenSigner): Router {
  const router = Router();
  const limited = rateLimit({ windowMs: 60_000, max: 30 });

  router.post('/workshops', limited, async (req, res) => {
    const body = parse(createWorkshopRequest, req.body);
    res.status(201).json(await workshops.create(body));
  });

  router.get('/join/:code', limited, async (req, res) => {
    const code = parse(joinCodeSchema, req.params.code);
    res.json(await workshops.joinInfo(code));
  });

  router.post('/join', limited, async (req, res) => {
    const body = parse(joinRequest, req.body);
    res.status(201).json(await workshops.join(body.code, body.name));
  });

  router.post('/facilitate', limited, async (req, res) => {
    const body = parse(facilitateRequest, req.body);
    res.status(201).json(await workshops.facilitate(body.workshopId, body.secret, body.name));
  });

  router.get('/session', (req, res) => {
    res.json(workshops.resume(tokens.verify(bearerToken(req.headers.authorization))));
  });

  router.delete('/workshops/:id', async (req, res) => {
    const { workshop, participant } = authenticated(req);
    if (workshop.id !== req.params.id || participant.role !== 'facilitator') {
      throw new HttpError(403, 'forbidden', 'Only the facilitator can delete this workshop.');
    }
    await workshops.remove(workshop.id);
    res.status(204).end();
  });

  function authenticated(req: Request) {
    return workshops.authenticate(tokens.verify(bearerToken(req.headers.authorization)));
  }

  return router;
}

/** Parses a request part with a schema, or throws a 400 listing what is wrong. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
  throw new HttpError(400, 'invalid_request', 'The request is not valid.', details);
}
