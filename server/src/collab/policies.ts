import { BOARD_COLLECTIONS, countNotes, readNote } from '@dmc/shared/doc/board';
import { discussiemodelTemplate, getField } from '@dmc/shared/template/index';
import { checkBoardChanges } from '@dmc/shared/domain/boardRules';
import { boardRights, type WorkshopState } from '@dmc/shared/domain/permissions';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import type { WorkshopService } from '../workshops';
import type { RoomPolicy } from './room';

/**
 * Which documents a workshop has and who may read and write them. The rules themselves live in
 * shared/domain, so the browser offers exactly what the server will accept.
 */
export function policyFor(workshops: WorkshopService, workshopId: string, docKey: string): RoomPolicy | undefined {
  if (docKey !== boardDocKey(PLENARY_BOARD)) return undefined;
  const member = (actorId: string) => workshops.cached(workshopId)?.participants.some((p) => p.id === actorId) ?? false;
  return {
    collections: BOARD_COLLECTIONS,
    mayRead: (actor) => member(actor.id),
    checkWrite(actor, changes, doc) {
      const workshop = workshops.cached(workshopId);
      if (!workshop || !member(actor.id)) return { code: 'forbidden', reason: 'you are no longer in this workshop' };
      if (workshop.closed) return { code: 'forbidden', reason: 'the workshop is closed' };
      // Until the facilitator starts the script, everyone works freely on the plenary board.
      const state: WorkshopState = { phaseId: 'open', closed: workshop.closed, hasGroups: false, spotlightGroupId: null };
      const rights = boardRights(actor, { kind: 'plenary' }, state, { groupId: null });
      return checkBoardChanges(actor, changes, {
        noteCount: countNotes(doc),
        rights,
        dotsPerPerson: 3,
        noteExists: (id) => readNote(doc, id) !== undefined,
        sheetOfField: (fieldId) => getField(discussiemodelTemplate, fieldId)?.sheet.id,
      });
    },
  };
}
