import { useEffect, useId, useRef } from 'react';
import { DEFAULT_READING_LIST } from '@dmc/shared/protocol/api';
import { useAppStore } from '../../store';
import { useT } from '../../i18n';
import {
  MAX_READINGS,
  newReadingKey,
  readingListOf,
  type PreparationProblems,
  type PreparationValues,
  type ReadingEntry,
} from './preparationDraft';
import { CloseButton } from '../../components/CloseButton';

/** Where focus goes after an edit that moves or removes a row. */
type ReadingFocus =
  { readonly key: string; readonly part: 'title' | 'up' | 'down' } | { readonly key: null; readonly part: 'add' };

/**
 * The reading list ("Vooraf lezen"): title and optional link per document, in order; add,
 * remove and move up or down with buttons, so the keyboard can do everything.
 */
export function ReadingListEditor({
  values,
  problems,
  onChange,
}: {
  values: PreparationValues;
  problems: PreparationProblems;
  onChange: (readings: readonly ReadingEntry[]) => void;
}) {
  const t = useT();
  const id = useId();
  const focusAfter = useRef<ReadingFocus | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const readings = values.readings;
  const isDefault = JSON.stringify(readingListOf(values)) === JSON.stringify(DEFAULT_READING_LIST);

  useEffect(() => {
    const focus = focusAfter.current;
    if (!focus) return;
    focusAfter.current = null;
    const element = elements.current.get(focus.key === null ? 'add' : `${focus.key}:${focus.part}`);
    // A move button at the end of the list is disabled: fall back to the row's other one.
    if (element && !(element as HTMLButtonElement).disabled) element.focus();
    else if (focus.key !== null) elements.current.get(`${focus.key}:${focus.part === 'up' ? 'down' : 'up'}`)?.focus();
  });

  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) elements.current.set(key, el);
    else elements.current.delete(key);
  };
  const change = (next: readonly ReadingEntry[], focus?: ReadingFocus) => {
    focusAfter.current = focus ?? null;
    onChange(next);
  };
  const update = (key: string, part: Partial<Omit<ReadingEntry, 'key'>>) =>
    change(readings.map((r) => (r.key === key ? { ...r, ...part } : r)));
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const entry = readings[index];
    if (!entry || target < 0 || target >= readings.length) return;
    const next = [...readings];
    next.splice(index, 1);
    next.splice(target, 0, entry);
    change(next, { key: entry.key, part: delta < 0 ? 'up' : 'down' });
    useAppStore.getState().announce(
      t('prep.reading.moved', {
        title: entry.title || t('prep.reading.untitled'),
        position: target + 1,
        total: readings.length,
      }),
    );
  };
  const remove = (index: number) => {
    const entry = readings[index];
    if (!entry) return;
    const next = readings.filter((r) => r.key !== entry.key);
    const neighbour = next[index] ?? next[index - 1];
    change(next, neighbour ? { key: neighbour.key, part: 'title' } : { key: null, part: 'add' });
    useAppStore.getState().announce(t('prep.reading.removed', { title: entry.title || t('prep.reading.untitled') }));
  };
  const add = () => {
    const key = newReadingKey();
    change([...readings, { key, title: '', url: '' }], { key, part: 'title' });
  };
  const restore = () =>
    change(
      DEFAULT_READING_LIST.map((r) => ({ key: newReadingKey(), title: r.title, url: r.url })),
      { key: null, part: 'add' },
    );

  return (
    <section className="fac-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="fac-heading">
        {t('prep.reading.heading')}
      </h3>
      <p className="fac-hint prep-intro">{t('prep.reading.intro')}</p>
      {readings.length === 0 ? (
        <p className="fac-hint">{t('prep.reading.empty')}</p>
      ) : (
        <ol className="prep-readings" data-testid="prep-readings">
          {readings.map((r, index) => {
            const problem = problems.readings[r.key];
            const base = `${id}-${r.key}`;
            const name = r.title.trim() || t('prep.reading.untitled');
            return (
              <li key={r.key} className="prep-reading" data-testid={`prep-reading-${index}`}>
                <div className="prep-reading__fields">
                  <div className="prep-reading__field">
                    <label htmlFor={`${base}-title`}>{t('prep.reading.title', { n: index + 1 })}</label>
                    <input
                      ref={ref(`${r.key}:title`)}
                      id={`${base}-title`}
                      className="input"
                      value={r.title}
                      maxLength={200}
                      onChange={(e) => update(r.key, { title: e.target.value })}
                      aria-invalid={problem?.title ? true : undefined}
                      aria-describedby={problem?.title ? `${base}-title-error` : undefined}
                      data-testid={`prep-reading-title-${index}`}
                    />
                    {problem?.title && (
                      <p className="prep-field-error" id={`${base}-title-error`}>
                        {t('prep.reading.titleRequired')}
                      </p>
                    )}
                  </div>
                  <div className="prep-reading__field">
                    <label htmlFor={`${base}-url`}>
                      {t('prep.reading.url')} <span className="optional">{t('common.optional')}</span>
                    </label>
                    <input
                      id={`${base}-url`}
                      className="input"
                      type="url"
                      inputMode="url"
                      value={r.url}
                      maxLength={500}
                      placeholder="https://"
                      onChange={(e) => update(r.key, { url: e.target.value })}
                      aria-invalid={problem?.url ? true : undefined}
                      aria-describedby={problem?.url ? `${base}-url-error` : undefined}
                      data-testid={`prep-reading-url-${index}`}
                    />
                    {problem?.url && (
                      <p className="prep-field-error" id={`${base}-url-error`}>
                        {t('prep.reading.urlInvalid')}
                      </p>
                    )}
                  </div>
                </div>
                <div className="prep-reading__tools">
                  <button
                    ref={ref(`${r.key}:up`)}
                    type="button"
                    className="icon-button prep-reading__tool"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('prep.reading.up', { title: name })}
                    title={t('prep.reading.up', { title: name })}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    ref={ref(`${r.key}:down`)}
                    type="button"
                    className="icon-button prep-reading__tool"
                    disabled={index === readings.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('prep.reading.down', { title: name })}
                    title={t('prep.reading.down', { title: name })}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <CloseButton
                    className="prep-reading__tool fac-danger-icon"
                    label={t('prep.reading.remove', { title: name })}
                    onClick={() => remove(index)}
                    data-testid={`prep-reading-remove-${index}`}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {problems.tooManyReadings && (
        <p className="fac-hint fac-hint--warning">{t('prep.reading.tooMany', { max: MAX_READINGS })}</p>
      )}
      <div className="fac-row">
        <button
          ref={ref('add')}
          type="button"
          className="button button--secondary button--small"
          onClick={add}
          data-testid="prep-reading-add"
        >
          <span aria-hidden="true">+</span> {t('prep.reading.add')}
        </button>
        {!isDefault && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={restore}
            data-testid="prep-reading-restore"
          >
            {t('prep.reading.restore')}
          </button>
        )}
      </div>
    </section>
  );
}
