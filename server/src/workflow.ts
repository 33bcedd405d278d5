import type * as Y from 'yjs';
import {
  BOARD_COLLECTIONS,
  DRAFT_COLLECTIONS,
  SERVER_ORIGIN,
  countNotes,
  readNote,
  readNotes,
  importNotes,
  removeNotes,
} from '@dmc/shared/doc/board';
import { collection } from '@dmc/shared/doc/records';
import { readChoices, readFormulations } from '@dmc/shared/doc/discussion';
import { boardContents, placeRevealed } from '@dmc/shared/scene/notePlacement';
import {
  SESSION_COLLECTIONS,
  initialFlow,
  putMember,
  readFlow,
  readGroups,
  readMember,
  readMembers,
  hasSettings,
  removeMember,
  writePreparation,
  type AgendaItem,
  updateFlow,
  writeSettings,
  type Member,
  type Settings,
} from '@dmc/shared/doc/session';
import type { Refusal } from '@dmc/shared/domain/actor';
import { DEFAULT_LEAVE_RULE } from '@dmc/shared/domain/departure';
import { checkBoardChanges } from '@dmc/shared/domain/boardRules';
import {
  boardRights,
  workBoard,
  type BoardRef,
  type Membership,
  type WorkshopState,
} from '@dmc/shared/domain/permissions';
import { isPhaseId, phase } from '@dmc/shared/domain/phases';
import { mayEditSynthesis, mayWriteInDraft, revealsOnLeaving } from '@dmc/shared/domain/policies';
import { checkSessionChanges } from '@dmc/shared/domain/sessionRules';
import { checkSynthesisChanges } from '@dmc/shared/domain/synthesisRules';
import { SYNTHESIS_COLLECTIONS } from '@dmc/shared/doc/synthesis';
import { LIMITS } from '@dmc/shared/domain/limits';
import { PLENARY_BOARD, SESSION_DOC, boardDocKey, draftDocKey, parseDocKey } from '@dmc/shared/protocol/api';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { getField, templateForBoard } from '@dmc/shared/template/index';
import type { Collab } from './collab/collab';
import type { ConnectionActor, Room, RoomPolicy } from './collab/room';
import type { StoredWorkshop } from './persistence/types';
import { viewerSummary, type WorkshopService } from './workshops';

/**
 * What the workshop's documents' read and write decisions read, for one workshop record and one
 * version of its session document; the state and memberships are filled in when first asked for.
 */
interface AccessVersion {
  readonly record: unknown;
  readonly version: number;
  state?: WorkshopState;
  readonly members: Map<string, Membership>;
}

/**
 * The workshop flow on the server: which documents a workshop has, who may read and write each
 * of them in the current phase, the session document that mirrors the workshop record, and what
 * happens when the phase changes (silent-writing notes are revealed on the group board).
 */
export class Workflow {
  /** Per session room, the access version last handed out (see accessVersion). */
  private readonly accessVersions = new WeakMap<Room, AccessVersion>();

  constructor(
    private readonly collab: Collab,
    private readonly workshops: WorkshopService,
  ) {}

  /** The policy for a document of a workshop, or undefined when no such document exists. */
  async policyFor(workshopId: string, docKey: string): Promise<RoomPolicy | undefined> {
    const key = parseDocKey(docKey);
    if (!key || !this.workshops.cached(workshopId)) return undefined;
    const session = await this.session(workshopId);
    switch (key.kind) {
      case 'session':
        return readOnlyForViewers(this.sessionPolicy(workshopId));
      case 'synthesis':
        return readOnlyForViewers(this.synthesisPolicy(workshopId));
      case 'board':
        if (key.boardId !== PLENARY_BOARD && !readGroups(session.doc).some((g) => g.id === key.boardId))
          return undefined;
        return readOnlyForViewers(
          this.boardPolicy(
            workshopId,
            key.boardId === PLENARY_BOARD ? { kind: 'plenary' } : { kind: 'group', groupId: key.boardId },
          ),
        );
      case 'draft':
        return this.workshops.cached(workshopId)?.participants.some((p) => p.id === key.ownerId)
          ? readOnlyForViewers(this.draftPolicy(workshopId, key.ownerId))
          : undefined;
    }
  }

  /** The current state of a workshop, read from its loaded session document. */
  state(workshopId: string): WorkshopState | undefined {
    const workshop = this.workshops.cached(workshopId);
    const session = this.collab.loadedRoom(workshopId, SESSION_DOC);
    if (!workshop || !session) return undefined;
    // Read once per access version (below), not once per message.
    const version = this.accessVersion(workshopId) as AccessVersion;
    if (version.state) return version.state;
    const flow = readFlow(session.doc);
    version.state = {
      phaseId: flow.phaseId,
      closed: workshop.closed,
      hasGroups: readGroups(session.doc).length > 0,
      spotlightGroupId: flow.spotlightGroupId,
    };
    return version.state;
  }

  /**
   * What every mayRead of the workshop's documents reads — the workshop record (a new object on
   * every save or refresh) and the session document (its room's version) — as one value that
   * changes whenever they may have: rooms decide mayRead once per connection between changes
   * instead of once per relayed message (issue 14).
   */
  private accessVersion(workshopId: string): AccessVersion {
    const session = this.collab.loadedRoom(workshopId, SESSION_DOC);
    const record = this.workshops.cached(workshopId);
    // Without a loaded session document nothing is cached: a fresh value every time.
    if (!session) return { record, version: -1, members: new Map() };
    const last = this.accessVersions.get(session);
    if (last && last.record === record && last.version === session.version) return last;
    const next: AccessVersion = { record, version: session.version, members: new Map() };
    this.accessVersions.set(session, next);
    return next;
  }

  /** Where a person stands in the workshop. */
  membership(workshopId: string, actorId: string): Membership {
    const session = this.collab.loadedRoom(workshopId, SESSION_DOC);
    if (!session) return { groupId: null };
    const { members } = this.accessVersion(workshopId);
    let membership = members.get(actorId);
    if (!membership) {
      membership = { groupId: readMember(session.doc, actorId)?.groupId ?? null };
      members.set(actorId, membership);
    }
    return membership;
  }

  private isMember(workshopId: string, actorId: string): boolean {
    return this.workshops.cached(workshopId)?.participants.some((p) => p.id === actorId) ?? false;
  }

  /** Whether this actor may see the workshop's shared documents: a member, or its presentation screen. */
  private mayWatch(workshopId: string, actor: ConnectionActor): boolean {
    return actor.role === 'viewer'
      ? this.workshops.cached(workshopId) !== undefined
      : this.isMember(workshopId, actor.id);
  }

  /** Loads the session document, writing it from the workshop record the first time. */
  async session(workshopId: string): Promise<Room> {
    const room = await this.collab.room(workshopId, SESSION_DOC, this.sessionPolicy(workshopId));
    const workshop = this.workshops.cached(workshopId);
    // Checked by presence, not by parsing: a document from an older version must never be reset.
    if (workshop && !hasSettings(room.doc)) {
      await room.transactAsServer((doc) => {
        writeSettings(doc, settingsOf(workshop), SERVER_ORIGIN);
        writePreparation(doc, workshop.readingList, agendaOf(workshop), workshop.agendaEntries ?? [], SERVER_ORIGIN);
        updateFlow(doc, initialFlow(Date.now()), SERVER_ORIGIN);
        for (const p of workshop.participants) putMember(doc, memberOf(p), SERVER_ORIGIN);
      }, SERVER_ORIGIN);
    }
    return room;
  }

  private sessionPolicy(workshopId: string): RoomPolicy {
    return {
      collections: SESSION_COLLECTIONS,
      mayRead: (actor) => this.mayWatch(workshopId, actor),
      accessVersion: () => this.accessVersion(workshopId),
      checkWrite: (actor, changes, doc) => {
        const state = this.state(workshopId);
        const workshop = this.workshops.cached(workshopId);
        if (!state || !workshop || !this.isMember(workshopId, actor.id))
          return { code: 'forbidden', reason: 'you are no longer in this workshop' };
        const groupIds = new Set(readGroups(doc).map((g) => g.id));
        return checkSessionChanges(actor, changes, {
          state,
          selfSelectGroups: workshop.selfSelectGroups,
          presenterId: readFlow(this.collab.loadedRoom(workshopId, SESSION_DOC)?.doc ?? doc).presenterId,
          groupExists: (id) => groupIds.has(id),
          count: counter(doc),
        });
      },
      // Silent writing ends: the notes are revealed before anyone hears of the new phase, while
      // the screens are still idle — once they draw the phase, the reveal would wait for them.
      beforeRelay: async (_actor, changes) => {
        const phaseChange = changes.find(
          (c) => c.collection === 'flow' && c.type === 'update' && c.keys.includes('phaseId'),
        );
        if (phaseChange?.type !== 'update' || !revealsOnLeaving(phaseChange.before.phaseId)) return;
        await this.reveal(workshopId).catch((error: unknown) =>
          console.error(`[workflow] reveal failed for ${workshopId}:`, error),
        );
      },
      afterApply: () => {
        // A new phase, subgroup or assignment can take a document away from someone.
        this.collab.recheckAccess(workshopId);
      },
    };
  }

  private synthesisPolicy(workshopId: string): RoomPolicy {
    return {
      collections: SYNTHESIS_COLLECTIONS,
      mayRead: (actor) => this.mayWatch(workshopId, actor),
      accessVersion: () => this.accessVersion(workshopId),
      checkWrite: (actor, changes, doc) => {
        const state = this.state(workshopId);
        if (!state || !this.isMember(workshopId, actor.id))
          return { code: 'forbidden', reason: 'you are no longer in this workshop' };
        if (state.closed) return CLOSED;
        return checkSynthesisChanges(
          actor,
          changes,
          mayEditSynthesis(actor, state, this.membership(workshopId, actor.id)),
          counter(doc),
        );
      },
    };
  }

  private boardPolicy(workshopId: string, board: BoardRef): RoomPolicy {
    return {
      collections: BOARD_COLLECTIONS,
      accessVersion: () => this.accessVersion(workshopId),
      mayRead: (actor) => {
        const state = this.state(workshopId);
        return (
          !!state &&
          this.mayWatch(workshopId, actor) &&
          boardRights(actor, board, state, this.membership(workshopId, actor.id)).read
        );
      },
      checkWrite: (actor, changes, doc) => {
        const state = this.state(workshopId);
        if (!state || !this.isMember(workshopId, actor.id))
          return { code: 'forbidden', reason: 'you are no longer in this workshop' };
        if (state.closed) return CLOSED;
        const rights = boardRights(actor, board, state, this.membership(workshopId, actor.id));
        return checkBoardChanges(
          actor,
          changes,
          boardContext(
            doc,
            rights,
            this.workshops.cached(workshopId)?.dotsPerPerson ?? 0,
            board.kind === 'plenary' ? PLENARY_BOARD : board.groupId,
          ),
        );
      },
    };
  }

  private draftPolicy(workshopId: string, ownerId: string): RoomPolicy {
    return {
      collections: DRAFT_COLLECTIONS,
      mayRead: (actor) => this.isMember(workshopId, actor.id) && (actor.id === ownerId || actor.role === 'facilitator'),
      accessVersion: () => this.accessVersion(workshopId),
      checkWrite: (actor, changes, doc): Refusal | null => {
        const state = this.state(workshopId);
        if (!state || !this.isMember(workshopId, actor.id))
          return { code: 'forbidden', reason: 'you are no longer in this workshop' };
        if (actor.id !== ownerId && actor.role !== 'facilitator')
          return { code: 'forbidden', reason: "this is someone else's draft" };
        if (state.closed) return CLOSED;
        if (!mayWriteInDraft(actor, ownerId, state, this.membership(workshopId, actor.id))) {
          return { code: 'forbidden', reason: 'private notes are written only in the individual-writing phases' };
        }
        const def = phase(state.phaseId);
        const rights = {
          read: true,
          permissions: new Set(['notes'] as const),
          writableSheets: actor.role === 'facilitator' ? ('all' as const) : def.writableSheets,
          writesPrivately: true,
        };
        return checkBoardChanges(actor, changes, boardContext(doc, rights, 0, 'draft'), 'a draft');
      },
    };
  }

  /**
   * Silent writing is over: every participant's private notes move to the board their group
   * works on, as the same notes (same ids and authors), and leave the drafts. The notes of one
   * board are placed together, in the same transaction that puts them there: each in a free spot
   * of its field, in reading order by field, author and time of writing (scene/notePlacement.ts),
   * clear of the board's notes, agreed wordings and chosen notes' ribbons.
   */
  async reveal(workshopId: string): Promise<number> {
    const state = this.state(workshopId);
    const session = this.collab.loadedRoom(workshopId, SESSION_DOC);
    if (!state || !session) return 0;
    const writers = new Map<string, { board: BoardRef; memberIds: string[] }>();
    for (const member of readMembers(session.doc)) {
      const board = workBoard(state, { groupId: member.groupId });
      if (!board) continue;
      const boardId = board.kind === 'plenary' ? PLENARY_BOARD : board.groupId;
      const entry = writers.get(boardId) ?? { board, memberIds: [] };
      entry.memberIds.push(member.id);
      writers.set(boardId, entry);
    }
    // Boards are independent documents: each is revealed on at the same time, not one after another.
    const moved = await Promise.all(
      [...writers].map(([boardId, { board, memberIds }]) =>
        this.withDrafts(workshopId, memberIds, (drafts) => this.revealOnBoard(workshopId, boardId, board, drafts)),
      ),
    );
    return moved.reduce((sum, n) => sum + n, 0);
  }

  /** Opens the drafts of these members (kept loaded while `fn` runs). */
  private async withDrafts<T>(
    workshopId: string,
    memberIds: readonly string[],
    fn: (drafts: Room[]) => Promise<T>,
    open: Room[] = [],
  ): Promise<T> {
    const [first, ...rest] = memberIds;
    if (first === undefined) return fn(open);
    return this.collab.use(workshopId, draftDocKey(first), this.draftPolicy(workshopId, first), (draft) =>
      this.withDrafts(workshopId, rest, fn, [...open, draft]),
    );
  }

  /** Moves the notes of these drafts onto one board, placed; returns how many moved. */
  private async revealOnBoard(
    workshopId: string,
    boardId: string,
    board: BoardRef,
    drafts: readonly Room[],
  ): Promise<number> {
    const written = drafts.flatMap((draft) => readNotes(draft.doc));
    if (written.length === 0) return 0;
    return this.collab.use(workshopId, boardDocKey(boardId), this.boardPolicy(workshopId, board), async (target) => {
      const room = Math.max(0, LIMITS.notesPerBoard - countNotes(target.doc));
      const contents = boardContents(readNotes(target.doc), readFormulations(target.doc), readChoices(target.doc));
      const placed = placeRevealed(templateForBoard(boardId), contents, written).slice(0, room);
      await target.transactAsServer((doc) => importNotes(doc, placed, SERVER_ORIGIN), SERVER_ORIGIN);
      const ids = new Set(placed.map((n) => n.id));
      // The notes are on the board (stored) first; then every draft lets go of them, in parallel.
      await Promise.all(
        drafts.map((draft) => {
          const gone = readNotes(draft.doc)
            .filter((n) => ids.has(n.id))
            .map((n) => n.id);
          return gone.length > 0
            ? draft.transactAsServer((doc) => removeNotes(doc, gone, SERVER_ORIGIN), SERVER_ORIGIN)
            : undefined;
        }),
      );
      return placed.length;
    });
  }

  /** The workshop record changed: mirror settings and members into the session document. */
  async workshopChanged(workshop: StoredWorkshop): Promise<void> {
    await this.collab.use(workshop.id, SESSION_DOC, this.sessionPolicy(workshop.id), async () => {
      const room = await this.session(workshop.id);
      await room.transactAsServer((doc) => {
        writeSettings(doc, settingsOf(workshop), SERVER_ORIGIN);
        writePreparation(doc, workshop.readingList, agendaOf(workshop), workshop.agendaEntries ?? [], SERVER_ORIGIN);
        for (const p of workshop.participants) {
          const existing = readMember(doc, p.id);
          putMember(
            doc,
            { ...memberOf(p), groupId: existing?.groupId ?? null, readyPhase: existing?.readyPhase ?? null },
            SERVER_ORIGIN,
          );
        }
      }, SERVER_ORIGIN);
    });
    // Closing or reopening changes what everyone may do; nobody loses reading rights by it.
  }

  /** Someone was removed: drop them from the session and close their connections. */
  async participantRemoved(workshop: StoredWorkshop, participantId: string): Promise<void> {
    await this.collab.use(workshop.id, SESSION_DOC, this.sessionPolicy(workshop.id), async () => {
      const room = await this.session(workshop.id);
      await room.transactAsServer((doc) => removeMember(doc, participantId, SERVER_ORIGIN), SERVER_ORIGIN);
    });
    for (const room of this.collab.roomsOf(workshop.id)) {
      for (const peer of [...room.peers.keys()]) {
        if (peer.actor.id === participantId) peer.close(CLOSE.unauthorized, 'you were removed from this workshop');
      }
    }
    // Their private notes were never shared with the group: they go with them.
    await this.collab.deleteDocument(
      workshop.id,
      draftDocKey(participantId),
      CLOSE.unauthorized,
      'you were removed from this workshop',
    );
  }

  /** The actor behind a token, as a connection sees them, or undefined when not a member (or a presentation screen). */
  actorFor(workshopId: string, participantId: string, role: string): ConnectionActor | undefined {
    const workshop = this.workshops.cached(workshopId);
    if (role === 'viewer') return workshop ? { ...viewerSummary(participantId, workshop.language) } : undefined;
    const p = this.workshops.cached(workshopId)?.participants.find((x) => x.id === participantId && x.role === role);
    return p ? { id: p.id, role: p.role, name: p.name } : undefined;
  }
}

/** Every write to a closed workshop, by anyone: it is read-only until a facilitator reopens it over HTTP. */
const CLOSED: Refusal = { code: 'forbidden', reason: 'the workshop is closed' };

/** A presentation screen only watches: any change it sends is refused (4403), whatever the phase. */
function readOnlyForViewers(policy: RoomPolicy): RoomPolicy {
  return {
    ...policy,
    checkWrite: (actor, changes, doc) =>
      actor.role === 'viewer'
        ? { code: 'forbidden', reason: 'a presentation screen only shows the workshop' }
        : policy.checkWrite(actor, changes, doc),
  };
}

/** Counts the records of a collection in a document (the shadow, once the change is applied). */
function counter(doc: Y.Doc): (name: string) => number {
  return (name) => collection(doc, name).size;
}

function boardContext(
  doc: Y.Doc,
  rights: Parameters<typeof checkBoardChanges>[2]['rights'],
  dotsPerPerson: number,
  boardId: string,
) {
  const template = templateForBoard(boardId);
  return {
    count: counter(doc),
    rights,
    dotsPerPerson,
    noteExists: (id: string) => readNote(doc, id) !== undefined,
    sheetOfField: (fieldId: string) => getField(template, fieldId)?.sheet.id,
  };
}

function settingsOf(w: StoredWorkshop): Settings {
  return {
    title: w.title,
    institution: w.institution,
    date: w.date,
    language: w.language,
    allowAnonymous: w.allowAnonymous,
    dotsPerPerson: w.dotsPerPerson,
    selfSelectGroups: w.selfSelectGroups,
    closed: w.closed,
    askTableRole: w.askTableRole,
    startTime: w.startTime,
    practicalNotes: w.practicalNotes,
    onLeave: w.onLeave ?? DEFAULT_LEAVE_RULE,
  };
}

function agendaOf(w: StoredWorkshop): AgendaItem[] {
  return Object.entries(w.agendaMinutes).flatMap(([phaseId, minutes]) =>
    isPhaseId(phaseId) && minutes !== undefined ? [{ phaseId, minutes }] : [],
  );
}

function memberOf(p: StoredWorkshop['participants'][number]): Member {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    groupId: null,
    readyPhase: null,
    joinedAt: p.joinedAt,
    tableRole: p.tableRole ?? null,
  };
}
