import type { TableRole } from '@dmc/shared/domain/roles';
import type {
  ErrorResponse,
  ParticipantSummary,
  UpdateWorkshopRequest,
  WorkshopSummary,
} from '@dmc/shared/protocol/api';
import {
  ApiError,
  deleteWorkshop,
  removeParticipant,
  renameParticipant,
  setWorkshopClosed,
  updateWorkshop,
} from '../api/http';
import { dropSession, latestToken, saveSession } from '../api/sessions';
import type { AppStore } from '../store';

/**
 * The facilitator's HTTP calls, bound to this workshop and token. Settings reach everyone through
 * the session document (the server mirrors them); the summary in this tab's session is refreshed
 * too, so the header and "your workshops" show the new title at once.
 */
export interface WorkshopApi {
  update(changes: UpdateWorkshopRequest): Promise<WorkshopSummary>;
  setClosed(closed: boolean): Promise<WorkshopSummary>;
  rename(participantId: string, name: string): Promise<void>;
  /** Sets or clears someone's role at the table. */
  setTableRole(participantId: string, tableRole: TableRole | null): Promise<void>;
  remove(participantId: string): Promise<void>;
  /** Deletes the workshop and forgets it on this device. */
  deleteWorkshop(): Promise<void>;
}

/** The API for the workshop of the store's session (calls fail if there is none). */
export function workshopApi(store: AppStore): WorkshopApi {
  const current = () => {
    const session = store.getState().session;
    if (!session) throw new Error('no session');
    return session;
  };
  const remember = (summary: WorkshopSummary) => {
    const session = store.getState().session;
    if (!session || session.workshop.id !== summary.id) return summary;
    const next = { ...session, workshop: summary };
    store.getState().setSession(next);
    saveSession(next);
    return summary;
  };
  return {
    async update(changes) {
      const { token, workshop } = current();
      return remember(await updateWorkshop(token, workshop.id, changes));
    },
    async setClosed(closed) {
      const { token, workshop } = current();
      return remember(await setWorkshopClosed(token, workshop.id, closed));
    },
    async rename(participantId, name) {
      const { token, workshop } = current();
      await renameParticipant(token, workshop.id, participantId, name);
    },
    async setTableRole(participantId, tableRole) {
      const { token, workshop } = current();
      await patchParticipantRole(token, workshop.id, participantId, tableRole);
    },
    async remove(participantId) {
      const { token, workshop } = current();
      await removeParticipant(token, workshop.id, participantId);
    },
    async deleteWorkshop() {
      const { token, workshop } = current();
      await deleteWorkshop(token, workshop.id);
      dropSession(workshop.id);
    },
  };
}

/**
 * PATCH /api/workshops/:id/participants/:pid with a role at the table. api/http.ts only sends a
 * name for this endpoint; this is the same request with `tableRole`, with the same errors.
 */
async function patchParticipantRole(
  token: string,
  workshopId: string,
  participantId: string,
  tableRole: TableRole | null,
): Promise<ParticipantSummary> {
  let response: Response;
  try {
    response = await fetch(
      `/api/workshops/${encodeURIComponent(workshopId)}/participants/${encodeURIComponent(participantId)}`,
      {
        method: 'PATCH',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization: `Bearer ${latestToken(token)}`,
        },
        body: JSON.stringify({ tableRole }),
        credentials: 'same-origin',
      },
    );
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const body = (await response.json().catch(() => undefined)) as
    ParticipantSummary | Partial<ErrorResponse> | undefined;
  if (!response.ok) {
    const error = body && 'error' in body ? body.error : undefined;
    throw new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? `HTTP ${response.status}`,
      error?.details ?? [],
    );
  }
  return body as ParticipantSummary;
}
