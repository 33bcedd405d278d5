import { HttpError } from '../httpError';

/**
 * A write the store could not make right now (disk full, quota, storage down). Nothing was
 * changed; the same request may work in a moment. It is an HttpError (503) so that any request
 * failing on it answers "try again" rather than a generic 500, without every route knowing.
 */
export class StorageUnavailableError extends HttpError {
  constructor(what: string, cause?: unknown) {
    super(
      503,
      'storage_unavailable',
      `The server cannot store changes right now (${what}${cause ? `: ${errorCode(cause)}` : ''}). Nothing was changed; please try again in a minute.`,
      ['retry: yes, after about 30 seconds'],
    );
    if (cause !== undefined) this.cause = cause;
  }
}

/** Error codes of the file system that mean "cannot write now", as opposed to a bug. */
const STORAGE_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EFBIG',
  'EIO',
  'EROFS',
  'EMFILE',
  'ENFILE',
  'EAGAIN',
  'EBUSY',
  'ENOMEM',
  'EACCES',
  'EPERM',
]);

/** Whether an error means the storage could not take a write (rather than a programming error). */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODES.has(code);
}

/** A short name for an error: its errno code, or its message. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
