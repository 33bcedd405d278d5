import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import type { Locale } from '@dmc/shared/template/types';
import { ApiError } from '../api/http';

/**
 * The two ways to a filled workshop without typing it in: read a backup into a new workshop, or
 * open the demo workshop. Both answer like creating a workshop; the caller becomes facilitator.
 */

/**
 * Largest backup the server accepts (server/src/routes/exchange.ts, MAX_BACKUP_BYTES), checked
 * here first so nobody uploads 50 MB to be told it is too much.
 */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024;

/** Reads an API error out of a failed response: the server's JSON error, or the status. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const error = body.error;
    if (error && typeof error.code === 'string') {
      const details = Array.isArray(error.details)
        ? error.details.filter((d): d is string => typeof d === 'string')
        : [];
      return new ApiError(
        response.status,
        error.code,
        typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
        details,
      );
    }
  } catch {
    // Not JSON: a proxy's error page, for instance.
  }
  return new ApiError(response.status, response.status === 413 ? 'too_large' : 'unknown', `HTTP ${response.status}`);
}

async function post(path: string, body?: string): Promise<CreateWorkshopResponse> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as CreateWorkshopResponse;
}

/** POST /api/workshops/import: a backup's text; validation errors come back in `details`, in `locale`. */
export function importBackup(json: string, locale: Locale): Promise<CreateWorkshopResponse> {
  return post(`/api/workshops/import?lang=${locale}`, json);
}

/** POST /api/demo: a fully filled example workshop, opened in the synthesis phase. */
export function createDemoWorkshop(): Promise<CreateWorkshopResponse> {
  return post('/api/demo');
}

/** Whether a file is small enough to send (the server would refuse it with 413 otherwise). */
export function backupTooLarge(size: number): boolean {
  return size > MAX_BACKUP_BYTES;
}
