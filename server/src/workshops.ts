import type {
  CreateWorkshopResponse,
  JoinInfoResponse,
  ParticipantSummary,
  SessionResponse,
  WorkshopSummary,
} from '@dmc/shared/protocol/api';
import type { Locale } from '@dmc/shared/template/types';
import { hashSecret, newFacilitatorSecret, newId, newJoinCode, secretMatches } from './auth/secrets';
import type { TokenClaims, TokenSigner } from './auth/tokens';
import { HttpError } from './httpError';
import type { DocumentStore, StoredParticipant, StoredWorkshop, WorkshopStore } from './persistence/types';

/**
 * Workshop lifecycle: create, join with a code, become facilitator with the secret link, expire,
 * delete. Keeps every workshop it touched in memory so the websocket guards can ask questions
 * synchronously on every message.
 */
export class WorkshopService {
  private readonly cache = new Map<string, StoredWorkshop>();
  /** Called when a workshop is deleted, to drop its live connections. */
  onDeleted: (workshopId: string) => Promise<void> = async () => {};

  constructor(
    private readonly workshops: WorkshopStore,
    private readonly documents: DocumentStore,
    private readonly tokens: TokenSigner,
    private readonly ttlDays: number,
  ) {}

  /** Loads every stored workshop into memory (startup). */
  async warm(): Promise<void> {
    for (const workshop of await this.workshops.list()) this.cache.set(workshop.id, workshop);
  }

  /** A workshop from memory, for synchronous checks. */
  cached(id: string): StoredWorkshop | undefined {
    const workshop = this.cache.get(id);
    return workshop && workshop.expiresAt > Date.now() ? workshop : undefined;
  }

  /** Creates a workshop; the creator becomes its facilitator. */
  async create(input: { title: string; language: Locale; facilitatorName?: string | undefined }): Promise<CreateWorkshopResponse> {
    const secret = newFacilitatorSecret();
    const now = Date.now();
    const facilitator: StoredParticipant = {
      id: newId(),
      name: input.facilitatorName ?? (input.language === 'en' ? 'Facilitator' : 'Procesbegeleider'),
      role: 'facilitator',
      joinedAt: now,
    };
    let code = newJoinCode();
    for (let tries = 0; (await this.workshops.getByCode(code)) && tries < 20; tries++) code = newJoinCode();
    const workshop: StoredWorkshop = {
      id: newId(),
      title: input.title,
      language: input.language,
      code,
      createdAt: now,
      expiresAt: now + this.ttlDays * 24 * 60 * 60 * 1000,
      closed: false,
      facilitatorSecretHash: hashSecret(secret),
      participants: [facilitator],
    };
    await this.save(workshop);
    return { ...this.session(workshop, facilitator), facilitatorSecret: secret };
  }

  /** What the join page may show for a code. */
  async joinInfo(code: string): Promise<JoinInfoResponse> {
    const workshop = await this.byCode(code);
    return { workshop: { id: workshop.id, title: workshop.title, language: workshop.language, closed: workshop.closed } };
  }

  /** Adds a participant by join code. */
  async join(code: string, name: string): Promise<SessionResponse> {
    const workshop = await this.byCode(code);
    if (workshop.closed) throw new HttpError(409, 'workshop_closed', 'This workshop is closed.');
    const participant: StoredParticipant = { id: newId(), name, role: 'participant', joinedAt: Date.now() };
    const updated = { ...workshop, participants: [...workshop.participants, participant] };
    await this.save(updated);
    return this.session(updated, participant);
  }

  /** Signs in with the facilitator secret; each facilitator device gets its own identity. */
  async facilitate(workshopId: string, secret: string, name: string | undefined): Promise<SessionResponse> {
    const workshop = this.cached(workshopId);
    if (!workshop || !secretMatches(secret, workshop.facilitatorSecretHash)) {
      throw new HttpError(403, 'bad_facilitator_key', 'This facilitator link is not valid.');
    }
    const facilitator: StoredParticipant = {
      id: newId(),
      name: name ?? (workshop.language === 'en' ? 'Facilitator' : 'Procesbegeleider'),
      role: 'facilitator',
      joinedAt: Date.now(),
    };
    const updated = { ...workshop, participants: [...workshop.participants, facilitator] };
    await this.save(updated);
    return this.session(updated, facilitator);
  }

  /** Resolves a token to its workshop and participant, or throws 401. */
  authenticate(claims: TokenClaims | undefined): { workshop: StoredWorkshop; participant: StoredParticipant } {
    const workshop = claims ? this.cached(claims.w) : undefined;
    const participant = workshop?.participants.find((p) => p.id === claims?.p);
    if (!workshop || !participant || participant.role !== claims?.r) {
      throw new HttpError(401, 'unauthorized', 'Your session is not valid for this workshop; join again.');
    }
    return { workshop, participant };
  }

  /** The session a participant gets back when they open the workshop again. */
  resume(claims: TokenClaims | undefined): SessionResponse {
    const { workshop, participant } = this.authenticate(claims);
    return this.session(workshop, participant);
  }

  /** Deletes a workshop with all its documents. */
  async remove(workshopId: string): Promise<void> {
    this.cache.delete(workshopId);
    await this.onDeleted(workshopId);
    await this.documents.deleteWorkshop(workshopId);
    await this.workshops.delete(workshopId);
  }

  /** Deletes every expired workshop; returns how many. */
  async sweepExpired(now = Date.now()): Promise<number> {
    let removed = 0;
    for (const workshop of await this.workshops.list()) {
      if (workshop.expiresAt <= now) {
        await this.remove(workshop.id);
        removed++;
      }
    }
    return removed;
  }

  /** A workshop as anyone in it may see it. */
  summary(workshop: StoredWorkshop): WorkshopSummary {
    return {
      id: workshop.id,
      title: workshop.title,
      language: workshop.language,
      code: workshop.code,
      createdAt: workshop.createdAt,
      expiresAt: workshop.expiresAt,
      closed: workshop.closed,
    };
  }

  private session(workshop: StoredWorkshop, participant: StoredParticipant): SessionResponse {
    const token = this.tokens.sign({ w: workshop.id, p: participant.id, r: participant.role });
    return { token, participant: toSummary(participant), workshop: this.summary(workshop) };
  }

  private async byCode(code: string): Promise<StoredWorkshop> {
    const workshop = await this.workshops.getByCode(code);
    if (!workshop || workshop.expiresAt <= Date.now()) {
      throw new HttpError(404, 'unknown_code', 'No workshop has this code. Check the code and try again.');
    }
    return workshop;
  }

  private async save(workshop: StoredWorkshop): Promise<void> {
    await this.workshops.save(workshop);
    this.cache.set(workshop.id, workshop);
  }
}

/** A participant as others see them. */
export function toSummary(participant: StoredParticipant): ParticipantSummary {
  return { id: participant.id, name: participant.name, role: participant.role };
}
