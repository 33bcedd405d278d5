import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { loadCatalogue, loadLaterMessages, translate } from '../i18n';

// The app fetches English when it is first wanted, and these Dutch strings with the parts that show
// them; these tests read both directly.
beforeAll(() => Promise.all([loadCatalogue('en'), loadLaterMessages()]));
import { errorMessage } from './errors';

describe('errorMessage', () => {
  const nl = (key: Parameters<typeof translate>[1]) => translate('nl', key);
  const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

  it('explains a full disk, an expired session and a busy import in the interface language, not in the server’s English', () => {
    const storage = new ApiError(
      503,
      'storage_unavailable',
      'The server cannot store anything right now; try again in a minute.',
    );
    expect(errorMessage(nl, storage)).toContain('kan nu niets opslaan');
    expect(errorMessage(en, storage)).toContain('cannot store anything');
    const expired = new ApiError(401, 'session_expired', 'Your session has expired.');
    expect(errorMessage(nl, expired)).toContain('opnieuw mee met de code');
    expect(errorMessage(nl, new ApiError(503, 'busy', 'Other backups are being imported'))).toContain(
      'andere back-ups',
    );
  });
});
