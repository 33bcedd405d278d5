import { useSyncExternalStore } from 'react';

/**
 * Client-side routes on `location.pathname`. The address bar is the single home of "which page";
 * `navigate` changes it and tells subscribers.
 */

/** A page of the app. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'join'; readonly code: string }
  | { readonly page: 'facilitate'; readonly workshopId: string }
  | { readonly page: 'workshop'; readonly workshopId: string }
  | { readonly page: 'privacy' }
  | { readonly page: 'notFound' };

/** The route a path stands for. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'privacy') return { page: 'privacy' };
  const [head, arg] = parts;
  if (parts.length === 2 && arg) {
    if (head === 'j') return { page: 'join', code: arg };
    if (head === 'f') return { page: 'facilitate', workshopId: arg };
    if (head === 'w') return { page: 'workshop', workshopId: arg };
  }
  return { page: 'notFound' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Goes to a path; `replace` keeps the history entry count (for redirects). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** Paths of the app's pages. */
export const paths = {
  home: () => '/',
  privacy: () => '/privacy',
  join: (code: string) => `/j/${encodeURIComponent(code)}`,
  workshop: (workshopId: string) => `/w/${encodeURIComponent(workshopId)}`,
  facilitate: (workshopId: string, secret: string) => `/f/${encodeURIComponent(workshopId)}#${secret}`,
};
