import { createElement, use, type ComponentType, type ReactElement } from 'react';
import { loadLaterMessages } from '../i18n';

/** Counts the occasions to fetch failed parts again (see `allowRetry`). */
let attempt = 0;

/**
 * Lets the parts whose fetch failed be fetched once more at their next render: called when a
 * `LoadBoundary` is mounted (a dialog opened again) or asked to retry (back online, a button).
 * Between two such calls a failed part stays failed, so that React's own re-renders reach the
 * boundary instead of fetching in a loop.
 */
export function allowRetry(): void {
  attempt += 1;
}

/**
 * A component fetched on first render, like React's `lazy`, except that a failed fetch is not
 * kept for ever: `lazy` keeps the rejection for the life of the page, so a part that could not be
 * fetched while the network was down (the list view, a dialog) could only come back with a page
 * reload, which loses what was typed offline and not yet saved. Here the first render after
 * `allowRetry` fetches again (the browser retries a failed module import).
 *
 * Every part fetched on demand goes through here, so this is also where it waits for the Dutch
 * strings only such parts show (i18n/laterMessages.ts): nothing renders before its texts.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  let loaded: ComponentType<P> | null = null;
  let pending: { promise: Promise<ComponentType<P>>; attempt: number; failed: boolean } | null = null;
  const fetchPart = (): Promise<ComponentType<P>> => {
    if (pending && !(pending.failed && pending.attempt < attempt)) return pending.promise;
    const entry = {
      promise: Promise.all([load(), loadLaterMessages()]).then(([component]) => component),
      attempt,
      failed: false,
    };
    entry.promise.then(
      (component) => (loaded = component),
      () => (entry.failed = true),
    );
    pending = entry;
    return entry.promise;
  };
  function Retryable(props: P): ReactElement {
    return createElement(loaded ?? use(fetchPart()), props);
  }
  return Retryable;
}
