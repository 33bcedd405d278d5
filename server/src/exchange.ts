import type * as Y from 'yjs';
import { SERVER_ORIGIN, readNotes } from '@dmc/shared/doc/board';
import type { ExportDraft } from '@dmc/shared/export/model';
import { BOARD_SPEC, DRAFT_SPEC, SYNTHESIS_SPEC, readSnapshot, writeSnapshot } from '@dmc/shared/doc/registry';
import { assignMembers, putGroup, readGroups, readMembers, updateFlow } from '@dmc/shared/doc/session';
import type { PhaseId } from '@dmc/shared/domain/phases';
import {
  forgetInSynthesis,
  forgetOnBoard,
  newForgetting,
  type Departure,
  type Forgetting,
} from '@dmc/shared/doc/departure';
import { ownData, type OwnData } from '@dmc/shared/export/ownData';
import { readActions, readClusters, readPlenaryFormulations } from '@dmc/shared/doc/synthesis';
import { BACKUP_FORMAT, BACKUP_VERSION, type ExportBoard, type WorkshopExport } from '@dmc/shared/export/model';
import { GROUP_COLORS } from '@dmc/shared/domain/session';
import { TABLE_ROLES, type TableRole } from '@dmc/shared/domain/roles';
import { PLENARY_BOARD, SYNTHESIS_DOC, boardDocKey, draftDocKey } from '@dmc/shared/protocol/api';
import type { Collab } from './collab/collab';
import { HttpError } from './httpError';
import type { StoredParticipant } from './persistence/types';
import type { Workflow } from './workflow';
import type { WorkshopService } from './workshops';

/**
 * Export and import of whole workshops: everything in the live documents gathered into the plain
 * `WorkshopExport` every export format is made from, and a backup written back into the
 * documents of a new workshop. Import keeps every id, so a round trip is exact. Also one person's
 * share of it: their own data out (AVG art. 15/20), and their records forgotten when they leave (art. 17).
 */
export class Exchange {
  constructor(
    private readonly collab: Collab,
    private readonly workflow: Workflow,
    private readonly workshops: WorkshopService,
  ) {}

  /** Everything the workshop produced, read from its documents. */
  async collect(workshopId: string): Promise<WorkshopExport> {
    const workshop = this.workshops.cached(workshopId);
    if (!workshop) throw new HttpError(404, 'unknown_workshop', 'This workshop does not exist (any more).');
    const session = await this.workflow.session(workshopId);
    const groups = readGroups(session.doc);
    const members = readMembers(session.doc);
    const boards: ExportBoard[] = [];
    for (const boardId of [PLENARY_BOARD, ...groups.map((g) => g.id)]) {
      const policy = await this.workflow.policyFor(workshopId, boardDocKey(boardId));
      if (!policy) continue;
      boards.push(
        await this.collab.use(workshopId, boardDocKey(boardId), policy, (room) => readBoard(boardId, room.doc)),
      );
    }
    const synthesisPolicy = await this.workflow.policyFor(workshopId, SYNTHESIS_DOC);
    const synthesis = synthesisPolicy
      ? await this.collab.use(workshopId, SYNTHESIS_DOC, synthesisPolicy, (room) => ({
          clusters: readClusters(room.doc).map(({ id, fieldId, itemIds, kind, label }) => ({
            id,
            fieldId,
            itemIds,
            kind,
            label,
          })),
          plenaryFormulations: readPlenaryFormulations(room.doc).map(({ fieldId, text }) => ({ fieldId, text })),
          actions: readActions(room.doc),
        }))
      : { clusters: [], plenaryFormulations: [], actions: [] };
    // Private drafts too, so a backup taken during silent writing restores that moment.
    const drafts: ExportDraft[] = [];
    for (const participant of workshop.participants) {
      const policy = await this.workflow.policyFor(workshopId, draftDocKey(participant.id));
      if (!policy) continue;
      const notes = await this.collab.use(workshopId, draftDocKey(participant.id), policy, (room) =>
        readNotes(room.doc),
      );
      if (notes.length > 0) drafts.push({ participantId: participant.id, notes });
    }
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      workshop: {
        id: workshop.id,
        title: workshop.title,
        institution: workshop.institution,
        date: workshop.date,
        language: workshop.language,
        exportedAt: Date.now(),
        settings: {
          allowAnonymous: workshop.allowAnonymous,
          dotsPerPerson: workshop.dotsPerPerson,
          selfSelectGroups: workshop.selfSelectGroups,
          askTableRole: workshop.askTableRole,
          startTime: workshop.startTime,
          practicalNotes: workshop.practicalNotes,
          readingList: workshop.readingList.map(({ title, url }) => ({ title, url })),
          agendaMinutes: { ...workshop.agendaMinutes },
          agendaEntries: (workshop.agendaEntries ?? []).map((e) => ({ ...e })),
        },
        phaseId: this.workflow.state(workshopId)?.phaseId ?? 'open',
        closed: workshop.closed,
      },
      participants: members.map((m) => ({
        id: m.id,
        name: m.name,
        role: m.role,
        groupId: m.groupId,
        tableRole: tableRoleOf(m.tableRole),
      })),
      groups: groups.map((g) => ({ id: g.id, name: g.name, color: g.color })),
      boards,
      synthesis: { clusters: synthesis.clusters, plenaryFormulations: synthesis.plenaryFormulations },
      actions: synthesis.actions,
      drafts,
    };
  }

  /** Everything stored about one person in a workshop: their record and only their own contributions. */
  async ownData(workshopId: string, participantId: string): Promise<OwnData> {
    const workshop = this.workshops.cached(workshopId);
    const person = workshop?.participants.find((p) => p.id === participantId);
    if (!workshop || !person) throw new HttpError(404, 'unknown_participant', 'This person is not in the workshop.');
    const exp = await this.collect(workshopId);
    return ownData(
      exp,
      {
        id: person.id,
        name: person.name,
        role: person.role,
        tableRole: person.tableRole ?? null,
        joinedAt: person.joinedAt,
      },
      { exportedAt: Date.now(), expiresAt: workshop.expiresAt },
    );
  }

  /**
   * Forgets a person in every board, their draft and the synthesis, writing as the server (each
   * room's own change path: stored, then relayed to everyone connected): their records removed
   * or kept under the anonymous id (doc/departure.ts). Boards first, so the synthesis knows
   * which notes went. Safe to run twice.
   */
  async forget(workshopId: string, departure: Departure): Promise<Forgetting> {
    const tally = newForgetting();
    const session = await this.workflow.session(workshopId);
    const boards = [PLENARY_BOARD, ...readGroups(session.doc).map((g) => g.id)];
    for (const docKey of [...boards.map(boardDocKey), draftDocKey(departure.participantId)]) {
      const policy = await this.workflow.policyFor(workshopId, docKey);
      if (!policy) continue;
      await this.collab.use(workshopId, docKey, policy, (room) =>
        room.transactAsServer((doc) => forgetOnBoard(doc, departure, tally), SERVER_ORIGIN),
      );
    }
    const synthesisPolicy = await this.workflow.policyFor(workshopId, SYNTHESIS_DOC);
    if (synthesisPolicy)
      await this.collab.use(workshopId, SYNTHESIS_DOC, synthesisPolicy, (room) =>
        room.transactAsServer((doc) => forgetInSynthesis(doc, departure, tally), SERVER_ORIGIN),
      );
    return tally;
  }

  /** Moves a workshop to a phase as the server (the demo opens in plenary synthesis). */
  async setPhase(workshopId: string, phaseId: PhaseId): Promise<void> {
    const session = await this.workflow.session(workshopId);
    await session.transactAsServer(
      (doc) => updateFlow(doc, { phaseId, phaseStartedAt: Date.now() }, SERVER_ORIGIN),
      SERVER_ORIGIN,
    );
  }

  /**
   * Writes a backup into a freshly created workshop (the importer is its facilitator): the
   * people, subgroups, every board and the plenary results, with the ids they had.
   */
  async restore(workshopId: string, backup: WorkshopExport, importerId: string): Promise<void> {
    const now = Date.now();
    const people: StoredParticipant[] = backup.participants.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      joinedAt: now,
      tableRole: p.tableRole ?? null,
    }));
    await this.workshops.addParticipants(workshopId, people);
    const session = await this.workflow.session(workshopId);
    await session.transactAsServer((doc) => {
      backup.groups.forEach((g, order) => {
        const color = (GROUP_COLORS as readonly string[]).includes(g.color)
          ? (g.color as (typeof GROUP_COLORS)[number])
          : GROUP_COLORS[order % GROUP_COLORS.length]!;
        putGroup(doc, { id: g.id, name: g.name, color, order }, SERVER_ORIGIN);
      });
      assignMembers(doc, new Map(backup.participants.map((p) => [p.id, p.groupId])), SERVER_ORIGIN);
    }, SERVER_ORIGIN);
    // One document at a time, yielding to the event loop in between, so other workshops' messages
    // are handled while a large backup is written (each board is bounded by the live limits).
    for (const board of backup.boards) {
      await nextTurn();
      const policy = await this.workflow.policyFor(workshopId, boardDocKey(board.boardId));
      if (!policy) throw new HttpError(400, 'invalid_backup', `The backup names an unknown board "${board.boardId}".`);
      await this.collab.use(workshopId, boardDocKey(board.boardId), policy, (room) =>
        room.transactAsServer((doc) => writeSnapshot(doc, BOARD_SPEC, board), SERVER_ORIGIN),
      );
    }
    for (const draft of backup.drafts ?? []) {
      await nextTurn();
      const policy = await this.workflow.policyFor(workshopId, draftDocKey(draft.participantId));
      if (!policy)
        throw new HttpError(
          400,
          'invalid_backup',
          `The backup has a draft of an unknown participant "${draft.participantId}".`,
        );
      await this.collab.use(workshopId, draftDocKey(draft.participantId), policy, (room) =>
        room.transactAsServer((doc) => writeSnapshot(doc, DRAFT_SPEC, { notes: draft.notes }), SERVER_ORIGIN),
      );
    }
    await nextTurn();
    const synthesisPolicy = await this.workflow.policyFor(workshopId, SYNTHESIS_DOC);
    if (!synthesisPolicy) return;
    await this.collab.use(workshopId, SYNTHESIS_DOC, synthesisPolicy, (room) =>
      room.transactAsServer((doc) => {
        writeSnapshot(doc, SYNTHESIS_SPEC, {
          clusters: backup.synthesis.clusters.map((c) => ({ ...c, updatedBy: importerId })),
          plenaryFormulations: backup.synthesis.plenaryFormulations.map((f) => ({
            ...f,
            updatedBy: importerId,
            updatedAt: now,
          })),
          actions: backup.actions,
        });
      }, SERVER_ORIGIN),
    );
    // Last, so a copy taken mid-workshop opens where it was, with everything already in place.
    if (backup.workshop.phaseId && backup.workshop.phaseId !== 'open')
      await this.setPhase(workshopId, backup.workshop.phaseId);
    if (backup.workshop.closed) await this.workshops.setClosed(workshopId, true);
  }
}

/** Lets the event loop handle waiting I/O (other workshops' messages) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A member's role at the table as the backup knows it (an unknown one, from a newer version, is dropped). */
function tableRoleOf(value: string | null | undefined): TableRole | null {
  return value && (TABLE_ROLES as readonly string[]).includes(value) ? (value as TableRole) : null;
}

function readBoard(boardId: string, doc: Y.Doc): ExportBoard {
  return { boardId, ...readSnapshot(doc, BOARD_SPEC) };
}
