import type { ErrorResponse } from '@dmc/shared/protocol/api';

/** An error with an HTTP status and a stable code, turned into an `ErrorResponse` by the app. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
  }

  /** The JSON body for this error. */
  toBody(): ErrorResponse {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}
