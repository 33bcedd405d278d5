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

  it("has the on-demand parts' Dutch strings once they are fetched, and never an empty text before", async () => {
    vi.resetModules();
    const { translate, loadLaterMessages } = await import('.');
    // Before: the key itself (the loaders prevent it), not an empty label.
    expect(translate('nl', 'fac.settings.onLeave')).toBe('fac.settings.onLeave');
    await loadLaterMessages();
    expect(translate('nl', 'fac.settings.onLeave')).toBe('Bij vertrek van een deelnemer');
    expect(translate('nl', 'common.copy')).toBe('Kopiëren');
  });

  it('keeps every key in one part only, and English complete for both', async () => {
    const [{ nl }, { nlLater }, { en }] = await Promise.all([
      import('./messages'),
      import('./laterMessages'),
      import('./english'),
    ]);
    const first = Object.keys(nl);
    const later = Object.keys(nlLater);
    expect(first.filter((key) => key in nlLater)).toEqual([]);
    expect(Object.keys(en).sort()).toEqual([...first, ...later].sort());
  });
});
