import { describe, expect, it } from 'vitest';
import { hasCatalogue, loadCatalogue, translate } from '.';

describe('the string tables', () => {
  it('speaks Dutch from the start and English once it is loaded', async () => {
    expect(hasCatalogue('nl')).toBe(true);
    expect(hasCatalogue('en')).toBe(false);
    // Until English is in, an English reader sees Dutch rather than a missing text.
    expect(translate('en', 'common.copy')).toBe('Kopiëren');
    await loadCatalogue('en');
    expect(hasCatalogue('en')).toBe(true);
    expect(translate('en', 'common.copy')).toBe('Copy');
    expect(translate('nl', 'common.copy')).toBe('Kopiëren');
  });
});
