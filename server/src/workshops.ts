import type {
  CreateWorkshopResponse,
  FacilitateMode,
  FacilitatorsResponse,
  JoinInfoResponse,
  ParticipantSummary,
  SessionResponse,
  UpdateWorkshopRequest,
  WorkshopSummary,
} from '@dmc/shared/protocol/api';
import type { Locale } from '@dmc/shared/template/types';
import type { PhaseId } from '@dmc/shared/domain/phases';
import type { TableRole } from '@dmc/shared/domain/roles';
import type { AgendaEntry } from '@dmc/shared/domain/agenda';
import { DEFAULT_LEAVE_RULE, leaveRuleOf, type LeaveRule } from '@dmc/shared/domain/departure';
import { DEFAULT_READING_LIST } from '@dmc/shared/protocol/api';
import { hashSecret, newFacilitatorSecret, newId, newJoinCode, secretMatches } from './auth/secrets';
import type { TokenClaims, TokenSigner } from './auth/tokens';
import { HttpError } from './httpError';
import { StorageUnavailableError, isStorageFailure } from './persistence/storageErrors';
import type { DocumentStore, StoredParticipant, StoredWorkshop, WorkshopStore } from './persistence/types';

/** What a new workshop is created with. */
export interface NewWorkshop {
  readonly title: string;
  readonly institution: string;
  readonly date: string;
  readonly language: Locale;
  readonly allowAnonymous: boolean;
  readonly dotsPerPerson: number;
  readonly selfSelectGroups: boolean;
  readonly askTableRole: boolean;
  readonly startTime: string;
  readonly practicalNotes: string;
  readonly readingList?: readonly { readonly title: string; readonly url: string }[] | undefined;
  readonly agendaMinutes: Readonly<Partial<Record<PhaseId, number>>>;
  /** Own agenda items (breaks and others); none when absent. */
  readonly agendaEntries?: readonly AgendaEntry[] | undefined;
  readonly facilitatorName?: string | undefined;
  /** What happens to a participant's notes when they leave (default: they choose). */
  readonly onLeave?: LeaveRule | undefined;
}

/** Fills fields added after a record was written, so older records keep working. */
export function normalizeWorkshop(stored: StoredWorkshop): StoredWorkshop {
  const w = stored as Partial<StoredWorkshop> & Pick<StoredWorkshop, 'id' | 'title' | 'code'>;
  return {
    ...stored,
    institution: w.institution ?? '',
    date: w.date ?? '',
    allowAnonymous: w.allowAnonymous ?? false,
    dotsPerPerson: w.dotsPerPerson ?? 3,
    selfSelectGroups: w.selfSelectGroups ?? false,
    askTableRole: w.askTableRole ?? true,
    startTime: w.startTime ?? '',
    practicalNotes: w.practicalNotes ?? '',
    readingList: w.readingList ?? DEFAULT_READING_LIST,
    agendaMinutes: w.agendaMinutes ?? {},
    agendaEntries: w.agendaEntries ?? [],
    onLeave: w.onLeave ?? DEFAULT_LEAVE_RULE,
  };
}

/**
 * Things that happened to a workshop's record, for the live documents to follow (the session
 * document mirrors settings and members) and for connections to be closed.
 */
export interface WorkshopEvents {
  changed(workshop: StoredWorkshop): Promise<void>;
  participantRemoved(workshop: StoredWorkshop, participantId: string): Promise<void>;
  deleted(workshopId: string): Promise<void>;
}

const NO_EVENTS: WorkshopEvents = {
  changed: async () => {},
  participantRemoved: async () => {},
  deleted: async () => {},
};

/**
 * Workshop lifecycle: create, join with a code, become facilitator with the secret link, change
 * settings, rename and remove people, close, expire, delete. Keeps every workshop in memory so
 * the websocket guards can ask questions synchronously on every message.
 */
export class WorkshopService {
  private readonly cache = new Map<string, StoredWorkshop>();
  /** Set by the composition root. */
  events: WorkshopEvents = NO_EVENTS;

  constructor(
    private readonly workshops: WorkshopStore,
    private readonly documents: DocumentStore,
    private readonly tokens: TokenSigner,
    private readonly ttlDays: number,
  ) {}

  /** Loads every stored workshop into memory (startup). */
  async warm(): Promise<void> {
    for (const workshop of await this.workshops.list()) this.cache.set(workshop.id, normalizeWorkshop(workshop));
  }

  /**
   * Reads one workshop again from the store into memory: another server process changed or
   * deleted it, or a token names a workshop or person this process has not seen yet.
   */
  async refresh(id: string): Promise<StoredWorkshop | undefined> {
    const stored = await this.workshops.get(id);
    if (stored) this.cache.set(id, normalizeWorkshop(stored));
    else this.cache.delete(id);
    return this.cached(id);
  }

  /** Reads every workshop again (after this process may have missed other processes' changes). */
  async refreshAll(): Promise<void> {
    const all = await this.workshops.list();
    this.cache.clear();
    for (const workshop of all) this.cache.set(workshop.id, normalizeWorkshop(workshop));
  }

  /** A workshop from memory, for synchronous checks. */
  cached(id: string): StoredWorkshop | undefined {
    const workshop = this.cache.get(id);
    return workshop && workshop.expiresAt > Date.now() ? workshop : undefined;
  }

  /** Creates a workshop; the creator becomes its facilitator. */
  async create(input: NewWorkshop): Promise<CreateWorkshopResponse> {
    const secret = newFacilitatorSecret();
    const now = Date.now();
    const facilitator: StoredParticipant = {
      id: newId(),
      name: input.facilitatorName ?? defaultFacilitatorName(input.language),
      role: 'facilitator',
      joinedAt: now,
    };
    let code = newJoinCode();
    for (let tries = 0; (await this.workshops.getByCode(code)) && tries < 20; tries++) code = newJoinCode();
    const workshop: StoredWorkshop = {
      id: newId(),
      title: input.title,
      institution: input.institution,
      date: input.date,
      language: input.language,
      allowAnonymous: input.allowAnonymous,
      dotsPerPerson: input.dotsPerPerson,
      selfSelectGroups: input.selfSelectGroups,
      askTableRole: input.askTableRole,
      startTime: input.startTime,
      practicalNotes: input.practicalNotes,
      readingList: input.readingList ?? DEFAULT_READING_LIST,
      agendaMinutes: input.agendaMinutes,
      agendaEntries: input.agendaEntries ?? [],
      onLeave: input.onLeave ?? DEFAULT_LEAVE_RULE,
      code,
      createdAt: now,
      expiresAt: this.expiryFor(now, input.date),
      closed: false,
      facilitatorSecretHash: hashSecret(secret),
      participants: [facilitator],
    };
    await this.save(workshop);
    return { ...this.session(workshop, facilitator), facilitatorSecret: secret };
  }

  /** What the join page may show for a code. */
  async joinInfo(code: string): Promise<JoinInfoResponse> {
    const w = await this.byCode(code);
    return {
      workshop: {
        id: w.id,
        title: w.title,
        institution: w.institution,
        language: w.language,
        closed: w.closed,
        allowAnonymous: w.allowAnonymous,
        askTableRole: w.askTableRole,
        expiresAt: w.expiresAt,
        onLeave: leaveRuleOf(w),
      },
    };
  }

  /** Days a workshop is kept after its date (or its creation), as configured (WORKSHOP_TTL_DAYS). */
  get retentionDays(): number {
    return this.ttlDays;
  }

  /** Adds a participant by join code, named or (where allowed) anonymous, with a role if asked. */
  async join(code: string, name: string | undefined, tableRole?: TableRole): Promise<SessionResponse> {
    const workshop = await this.byCode(code);
    if (workshop.closed) throw new HttpError(409, 'workshop_closed', 'This workshop is closed.');
    if (name === undefined && !workshop.allowAnonymous) {
      throw new HttpError(400, 'name_required', 'This workshop asks for a name.');
    }
    const anonymousCount = workshop.participants.filter((p) => p.role === 'participant').length + 1;
    const participant: StoredParticipant = {
      id: newId(),
      name: name ?? `${workshop.language === 'en' ? 'Participant' : 'Deelnemer'} ${anonymousCount}`,
      role: 'participant',
      joinedAt: Date.now(),
      tableRole: workshop.askTableRole ? (tableRole ?? null) : null,
    };
    const updated = { ...workshop, participants: [...workshop.participants, participant] };
    await this.save(updated);
    return this.session(updated, participant);
  }

  /** The facilitators of a workshop, for a device that holds the secret to say which one it is. */
  facilitators(workshopId: string, secret: string): FacilitatorsResponse {
    const workshop = this.withSecret(workshopId, secret);
    return {
      workshop: { id: workshop.id, title: workshop.title, language: workshop.language },
      facilitators: workshop.participants
        .filter((p) => p.role === 'facilitator')
        .map((p) => ({ id: p.id, name: p.name })),
    };
  }

  /**
   * Signs in with the facilitator secret: as a new facilitator, as a facilitator already in the
   * workshop (a second device of the same person: same identity, nobody added), or as a
   * presentation screen (a viewer token; not a person, so nothing is stored).
   */
  async facilitate(
    workshopId: string,
    secret: string,
    name: string | undefined,
    mode: FacilitateMode = 'new',
    participantId?: string,
  ): Promise<SessionResponse> {
    const workshop = this.withSecret(workshopId, secret);
    if (mode === 'beamer') return this.viewerSession(workshop, newId());
    if (mode === 'again') {
      const known = workshop.participants.find((p) => p.id === participantId && p.role === 'facilitator');
      if (!known) throw new HttpError(404, 'unknown_participant', 'This facilitator is not in the workshop.');
      return this.session(workshop, known);
    }
    const facilitator: StoredParticipant = {
      id: newId(),
      name: name ?? defaultFacilitatorName(workshop.language),
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

  /** Like `authenticate`, and the person must facilitate this workshop. */
  authenticateFacilitator(claims: TokenClaims | undefined, workshopId: string): StoredWorkshop {
    const { workshop, participant } = this.authenticate(claims);
    if (workshop.id !== workshopId || participant.role !== 'facilitator') {
      throw new HttpError(403, 'forbidden', 'Only the facilitator of this workshop can do this.');
    }
    return workshop;
  }

  /** The session a participant (or a presentation screen) gets back when they open the workshop again. */
  resume(claims: TokenClaims | undefined): SessionResponse {
    if (claims?.r === 'viewer') {
      const workshop = this.cached(claims.w);
      if (!workshop)
        throw new HttpError(401, 'unauthorized', 'Your session is not valid for this workshop; join again.');
      return this.viewerSession(workshop, claims.p);
    }
    const { workshop, participant } = this.authenticate(claims);
    return this.session(workshop, participant);
  }

  /**
   * When a workshop is deleted: the retention period after its creation, or after the day it
   * takes place when that is later — a workshop planned weeks ahead must not expire before it runs.
   */
  private expiryFor(createdAt: number, date: string): number {
    const ttl = this.ttlDays * 24 * 60 * 60 * 1000;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59Z`) : Number.NaN;
    return Math.max(createdAt + ttl, Number.isFinite(day) ? day + ttl : 0);
  }

  /** Changes settings (title, date, anonymity, dots, self-selection, language). */
  async update(workshopId: string, changes: UpdateWorkshopRequest): Promise<WorkshopSummary> {
    const workshop = this.mustExist(workshopId);
    const merged: StoredWorkshop = { ...workshop, ...stripUndefined(changes) };
    const updated: StoredWorkshop =
      changes.date === undefined ? merged : { ...merged, expiresAt: this.expiryFor(workshop.createdAt, merged.date) };
    await this.save(updated);
    return this.summary(updated);
  }

  /** Closes the workshop (read-only for everyone) or reopens it. */
  async setClosed(workshopId: string, closed: boolean): Promise<WorkshopSummary> {
    const updated = { ...this.mustExist(workshopId), closed };
    await this.save(updated);
    return this.summary(updated);
  }

  /** Renames a person and/or changes their role at the table. */
  async rename(
    workshopId: string,
    participantId: string,
    changes: { name?: string | undefined; tableRole?: TableRole | null | undefined },
  ): Promise<ParticipantSummary> {
    const workshop = this.mustExist(workshopId);
    const participant = workshop.participants.find((p) => p.id === participantId);
    if (!participant) throw new HttpError(404, 'unknown_participant', 'This person is not in the workshop.');
    const renamed: StoredParticipant = {
      ...participant,
      name: changes.name ?? participant.name,
      tableRole: changes.tableRole === undefined ? (participant.tableRole ?? null) : changes.tableRole,
    };
    await this.save({
      ...workshop,
      participants: workshop.participants.map((p) => (p.id === participantId ? renamed : p)),
    });
    return toSummary(renamed);
  }

  /**
   * A person changes their own display name: the record, and with it the session document's
   * member (everyone's list); the answer is their session under the new name, with a fresh token.
   */
  async renameSelf(claims: TokenClaims | undefined, workshopId: string, name: string): Promise<SessionResponse> {
    const { workshop, participant } = this.authenticate(claims);
    if (workshop.id !== workshopId) throw new HttpError(403, 'forbidden', 'This is not your workshop.');
    // Also in a closed workshop: correcting one's own data is a right (AVG art. 16), not a change to the work.
    await this.rename(workshop.id, participant.id, { name });
    return this.resume(claims);
  }

  /** Adds people as they were in an imported backup (same ids; nobody can sign in as them). */
  async addParticipants(workshopId: string, people: readonly StoredParticipant[]): Promise<void> {
    const workshop = this.mustExist(workshopId);
    const known = new Set(workshop.participants.map((p) => p.id));
    await this.save({
      ...workshop,
      participants: [...workshop.participants, ...people.filter((p) => !known.has(p.id))],
    });
  }

  /** Removes a person: their token stops working and their connections close. Notes stay. */
  async removeParticipant(workshopId: string, participantId: string): Promise<void> {
    const workshop = this.mustExist(workshopId);
    if (!workshop.participants.some((p) => p.id === participantId)) {
      throw new HttpError(404, 'unknown_participant', 'This person is not in the workshop.');
    }
    const updated = { ...workshop, participants: workshop.participants.filter((p) => p.id !== participantId) };
    await this.save(updated, false);
    await this.events.participantRemoved(updated, participantId);
  }

  /** Deletes a workshop with all its documents. */
  async remove(workshopId: string): Promise<void> {
    this.cache.delete(workshopId);
    await this.events.deleted(workshopId);
    await this.documents.deleteWorkshop(workshopId);
    await this.workshops.delete(workshopId);
  }

  /** Deletes every expired workshop; returns how many. */
  async sweepExpired(now = Date.now()): Promise<number> {
    let removed = 0;
    for (const workshop of await this.workshops.list()) {
      // Judged by the retention period configured now, so lowering WORKSHOP_TTL_DAYS also covers
      // workshops created under a longer one (the stored expiry is only ever shortened).
      if (Math.min(workshop.expiresAt, this.expiryFor(workshop.createdAt, workshop.date)) <= now) {
        await this.remove(workshop.id);
        removed++;
      }
    }
    // A workshop whose record cannot be read is nobody's to open, but its notes are still
    // personal data: it goes once the retention period has passed since anything of it changed.
    for (const orphan of await this.workshops.unreadable()) {
      if (this.expiryFor(orphan.modifiedAt, '') > now) continue;
      console.warn(
        `[expiry] removing workshop ${orphan.id}: its record is unreadable and nothing changed since ${new Date(orphan.modifiedAt).toISOString()}`,
      );
      await this.events.deleted(orphan.id);
      await this.documents.deleteWorkshop(orphan.id);
      await this.workshops.delete(orphan.id);
      removed++;
    }
    return removed;
  }

  /** A workshop as anyone in it may see it. */
  summary(w: StoredWorkshop): WorkshopSummary {
    return {
      id: w.id,
      title: w.title,
      institution: w.institution,
      date: w.date,
      language: w.language,
      code: w.code,
      createdAt: w.createdAt,
      expiresAt: w.expiresAt,
      closed: w.closed,
      allowAnonymous: w.allowAnonymous,
      dotsPerPerson: w.dotsPerPerson,
      selfSelectGroups: w.selfSelectGroups,
      askTableRole: w.askTableRole,
      startTime: w.startTime,
      practicalNotes: w.practicalNotes,
      readingList: w.readingList,
      agendaMinutes: w.agendaMinutes,
      agendaEntries: w.agendaEntries ?? [],
      onLeave: leaveRuleOf(w),
    };
  }

  private session(workshop: StoredWorkshop, participant: StoredParticipant): SessionResponse {
    const token = this.tokens.sign({ w: workshop.id, p: participant.id, r: participant.role });
    return { token, participant: toSummary(participant), workshop: this.summary(workshop) };
  }

  /** A presentation screen's session: a viewer token under a fresh id; the screen is never stored as a person. */
  private viewerSession(workshop: StoredWorkshop, viewerId: string): SessionResponse {
    const token = this.tokens.sign({ w: workshop.id, p: viewerId, r: 'viewer' });
    return { token, participant: viewerSummary(viewerId, workshop.language), workshop: this.summary(workshop) };
  }

  /** The workshop whose facilitator secret this is; 403 otherwise. */
  private withSecret(workshopId: string, secret: string): StoredWorkshop {
    const workshop = this.cached(workshopId);
    if (!workshop || !secretMatches(secret, workshop.facilitatorSecretHash)) {
      throw new HttpError(403, 'bad_facilitator_key', 'This facilitator link is not valid.');
    }
    return workshop;
  }

  private mustExist(workshopId: string): StoredWorkshop {
    const workshop = this.cached(workshopId);
    if (!workshop) throw new HttpError(404, 'unknown_workshop', 'This workshop does not exist (any more).');
    return workshop;
  }

  private async byCode(code: string): Promise<StoredWorkshop> {
    const stored = await this.workshops.getByCode(code);
    const workshop = stored ? normalizeWorkshop(stored) : undefined;
    if (!workshop || workshop.expiresAt <= Date.now()) {
      throw new HttpError(404, 'unknown_code', 'No workshop has this code. Check the code and try again.');
    }
    return workshop;
  }

  private async save(workshop: StoredWorkshop, notify = true): Promise<void> {
    try {
      await this.workshops.save(workshop);
    } catch (error) {
      // Disk full or storage down: nothing was saved; the request answers 503 and may be retried.
      if (isStorageFailure(error) && !(error instanceof StorageUnavailableError))
        throw new StorageUnavailableError('saving the workshop', error);
      throw error;
    }
    this.cache.set(workshop.id, workshop);
    if (notify) await this.events.changed(workshop);
  }
}

function defaultFacilitatorName(language: Locale): string {
  return language === 'en' ? 'Facilitator' : 'Procesbegeleider';
}

/** A presentation screen as it is named on its own screen and in its connections. */
export function viewerSummary(id: string, language: Locale): ParticipantSummary {
  return { id, name: language === 'en' ? 'Presentation screen' : 'Presentatiescherm', role: 'viewer', tableRole: null };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A participant as others see them. */
export function toSummary(participant: StoredParticipant): ParticipantSummary {
  return {
    id: participant.id,
    name: participant.name,
    role: participant.role,
    tableRole: participant.tableRole ?? null,
  };
}
