import { ApiError } from '../api/http';
import type { Translate } from '../i18n';
import type { MessageKey } from '../i18n/messages';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  unknown_code: 'errors.unknown_code',
  workshop_closed: 'errors.workshop_closed',
  too_many_requests: 'errors.too_many_requests',
  invalid_request: 'errors.invalid_request',
  bad_facilitator_key: 'errors.bad_facilitator_key',
  unauthorized: 'errors.unauthorized',
  network: 'errors.network',
  storage_unavailable: 'errors.storage_unavailable',
  session_expired: 'errors.session_expired',
  busy: 'errors.busy',
};

/** A message for an API failure in the interface language; unknown codes show the server's words. */
export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = KNOWN[error.code];
    if (key) return t(key);
    return error.message ? `${t('errors.unknown')} ${error.message}` : t('errors.unknown');
  }
  return t('errors.unknown');
}
