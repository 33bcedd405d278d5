import { Router, type Request } from 'express';
import { departureMode, leaveRuleOf } from '@dmc/shared/domain/departure';
import { newId } from '@dmc/shared/domain/ids';
import { OWN_DATA_FORMATS, ownDataFile, type OwnDataFormat } from '@dmc/shared/export/ownData';
import { leaveRequest, renameSelfRequest, type PrivacyResponse } from '@dmc/shared/protocol/api';
import { requestClaims, type TokenSigner } from '../auth/tokens';
import type { PrivacyConfig } from '../config';
import type { Exchange } from '../exchange';
import { HttpError } from '../httpError';
import type { WorkshopService } from '../workshops';
import { parse } from './workshops';

/**
 * A participant's rights over their own data (AVG art. 13–17, 20) and the privacy notice: who is
 * responsible, what is stored about me (only mine), change my name, download my contributions,
 * leave (my records removed or kept anonymously, as the facilitator's setting says). Thin:
 * authenticate, validate, delegate to WorkshopService and Exchange.
 */
export function personalDataRoutes(
  workshops: WorkshopService,
  exchange: Exchange,
  tokens: TokenSigner,
  privacy: PrivacyConfig,
): Router {
  const router = Router();

  router.get('/privacy', (_req, res) => {
    const body: PrivacyResponse = { ...privacy, retentionDays: workshops.retentionDays };
    res.json(body);
  });

  router.get('/workshops/:id/me', async (req, res) => {
    const { workshop, participant } = self(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await exchange.ownData(workshop.id, participant.id));
  });

  router.get('/workshops/:id/me/export/:format', async (req, res) => {
    const { workshop, participant } = self(req);
    const format = String(req.params.format);
    if (!(OWN_DATA_FORMATS as readonly string[]).includes(format))
      throw new HttpError(404, 'unknown_format', `Unknown format "${format}".`);
    const locale = req.query.lang === 'en' ? 'en' : req.query.lang === 'nl' ? 'nl' : workshop.language;
    const file = ownDataFile(await exchange.ownData(workshop.id, participant.id), format as OwnDataFormat, locale);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  });

  router.patch('/workshops/:id/me', async (req, res) => {
    const body = parse(renameSelfRequest, req.body);
    res.json(
      await workshops.renameSelf(requestClaims(tokens, req.headers.authorization), String(req.params.id), body.name),
    );
  });

  router.post('/workshops/:id/me/leave', async (req, res) => {
    const { workshop, participant } = self(req);
    if (participant.role !== 'participant')
      throw new HttpError(403, 'facilitator_cannot_leave', 'A facilitator cannot leave; remove the workshop instead.');
    const body = parse(leaveRequest, req.body);
    const mode = departureMode(leaveRuleOf(workshop), body.notes);
    if (!mode)
      throw new HttpError(400, 'choice_required', 'Say whether your notes are to be removed or kept anonymously.');
    const departure = {
      participantId: participant.id,
      mode,
      pseudonym: `anonymous-${newId().slice(0, 12)}`,
      name: participant.name,
    };
    // Forgotten first (a failure leaves them in the workshop, free to try again), then removed
    // (token refused, connections closed with 4401, draft deleted), then once more for anything
    // they wrote in between.
    await exchange.forget(workshop.id, departure);
    await workshops.removeParticipant(workshop.id, participant.id);
    await exchange.forget(workshop.id, departure);
    res.status(204).end();
  });

  /** The caller and their workshop, which must be the one in the URL; 401/403 otherwise. */
  function self(req: Request) {
    const found = workshops.authenticate(requestClaims(tokens, req.headers.authorization));
    if (found.workshop.id !== String(req.params.id))
      throw new HttpError(403, 'forbidden', 'This is not your workshop.');
    return found;
  }

  return router;
}
