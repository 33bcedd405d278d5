import { describe, expect, it, vi } from 'vitest';

describe('the string tables', () => {
  it('speaks Dutch from the start and English once it is loaded', async () => {
    // A fresh copy of the module, as a page starts: test files share one worker, and another
    // file may have loaded English into the copy it imported.
    vi.resetModules();
    const { hasCatalogue, loadCatalogue, translate } = await import('.');
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
