import type {
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  ErrorResponse,
  FacilitateRequest,
  FacilitatorsRequest,
  FacilitatorsResponse,
  JoinInfoResponse,
  JoinRequest,
  LeaveRequest,
  ParticipantSummary,
  PrivacyResponse,
  SessionResponse,
  UpdateWorkshopRequest,
  WorkshopSummary,
} from '@dmc/shared/protocol/api';
import type { OwnData, OwnDataFormat } from '@dmc/shared/export/ownData';
import { latestToken } from './sessions';

/**
 * The HTTP API as typed functions. Every failure becomes an `ApiError` whose `code` is the
 * server's error code, or `network` when the server could not be reached at all.
 */

/** An API call that did not succeed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${latestToken(token)}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page, say): answered below by the status alone.
  }
  if (!response.ok) {
    if (isErrorResponse(parsed)) {
      throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.details ?? []);
    }
    throw new ApiError(response.status, 'unknown', `HTTP ${response.status}`);
  }
  return parsed as T;
}

/** POST /api/workshops */
export function createWorkshop(body: CreateWorkshopRequest): Promise<CreateWorkshopResponse> {
  return request('POST', '/api/workshops', body);
}

/** GET /api/join/:code */
export function getJoinInfo(code: string): Promise<JoinInfoResponse> {
  return request('GET', `/api/join/${encodeURIComponent(code)}`);
}

/** POST /api/join */
export function joinWorkshop(body: JoinRequest): Promise<SessionResponse> {
  return request('POST', '/api/join', body);
}

/** POST /api/facilitate */
export function facilitate(body: FacilitateRequest): Promise<SessionResponse> {
  return request('POST', '/api/facilitate', body);
}

/** POST /api/facilitate/facilitators: who facilitates already, for a device holding the secret. */
export function listFacilitators(body: FacilitatorsRequest): Promise<FacilitatorsResponse> {
  return request('POST', '/api/facilitate/facilitators', body);
}

/** GET /api/session: the session a token stands for, or an ApiError with status 401. */
export function getSession(token: string): Promise<SessionResponse> {
  return request('GET', '/api/session', undefined, token);
}

/** PATCH /api/workshops/:id (facilitator): change settings. */
export function updateWorkshop(
  token: string,
  workshopId: string,
  body: UpdateWorkshopRequest,
): Promise<WorkshopSummary> {
  return request('PATCH', `/api/workshops/${encodeURIComponent(workshopId)}`, body, token);
}

/** POST /api/workshops/:id/close (facilitator): close (read-only for everyone) or reopen. */
export function setWorkshopClosed(token: string, workshopId: string, closed: boolean): Promise<WorkshopSummary> {
  return request('POST', `/api/workshops/${encodeURIComponent(workshopId)}/close`, { closed }, token);
}

/** PATCH /api/workshops/:id/participants/:pid (facilitator): rename someone. */
export function renameParticipant(
  token: string,
  workshopId: string,
  participantId: string,
  name: string,
): Promise<ParticipantSummary> {
  return request(
    'PATCH',
    `/api/workshops/${encodeURIComponent(workshopId)}/participants/${encodeURIComponent(participantId)}`,
    { name },
    token,
  );
}

/** DELETE /api/workshops/:id/participants/:pid (facilitator): remove someone. */
export function removeParticipant(token: string, workshopId: string, participantId: string): Promise<void> {
  return request(
    'DELETE',
    `/api/workshops/${encodeURIComponent(workshopId)}/participants/${encodeURIComponent(participantId)}`,
    undefined,
    token,
  );
}

/** DELETE /api/workshops/:id (facilitator): delete the workshop and everything in it. */
export function deleteWorkshop(token: string, workshopId: string): Promise<void> {
  return request('DELETE', `/api/workshops/${encodeURIComponent(workshopId)}`, undefined, token);
}

/** GET /api/privacy: who is responsible for the data and how long workshops are kept. */
export function getPrivacy(): Promise<PrivacyResponse> {
  return request('GET', '/api/privacy');
}

/** GET /api/workshops/:id/me: everything stored about me in this workshop (only mine). */
export function getOwnData(token: string, workshopId: string): Promise<OwnData> {
  return request('GET', `/api/workshops/${encodeURIComponent(workshopId)}/me`, undefined, token);
}

/** PATCH /api/workshops/:id/me: change my own display name; answers with my session under the new name. */
export function renameSelf(token: string, workshopId: string, name: string): Promise<SessionResponse> {
  return request('PATCH', `/api/workshops/${encodeURIComponent(workshopId)}/me`, { name }, token);
}

/** POST /api/workshops/:id/me/leave: leave the workshop; my notes removed or kept anonymously. */
export function leaveWorkshop(token: string, workshopId: string, body: LeaveRequest): Promise<void> {
  return request('POST', `/api/workshops/${encodeURIComponent(workshopId)}/me/leave`, body, token);
}

/** GET /api/workshops/:id/me/export/:format: my contributions as a file (blob and the server's file name). */
export async function downloadOwnData(
  token: string,
  workshopId: string,
  format: OwnDataFormat,
  locale: 'nl' | 'en',
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/me/export/${format}?lang=${locale}`, {
      headers: { authorization: `Bearer ${latestToken(token)}` },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!response.ok) throw new ApiError(response.status, 'unknown', `HTTP ${response.status}`);
  const filename =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `data.${format}`;
  return { blob: await response.blob(), filename };
}
