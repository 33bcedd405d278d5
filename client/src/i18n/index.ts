import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { Locale } from '@dmc/shared/template/types';
import { nl, type MessageKey, type Messages } from './messages';

export type { MessageKey } from './messages';

/**
 * The string tables in memory. Dutch, the default, is always there — the first screen's part at
 * once, the rest (laterMessages.ts) with the parts fetched on demand (components/retryableLazy); English
 * is fetched whole when it is first wanted (loadCatalogue), so a Dutch participant's first load
 * carries neither.
 */
const tables: Partial<Record<Locale, Partial<Messages>>> = { nl };
let later: Promise<void> | null = null;

/** Fetches the Dutch strings of the parts loaded on demand, once (a failed fetch may be retried). */
export function loadLaterMessages(): Promise<void> {
  later ??= import('./laterMessages').then(
    (m) => {
      tables.nl = { ...nl, ...m.nlLater };
    },
    (error: unknown) => {
      later = null;
      throw error;
    },
  );
  return later;
}

const LOADERS: Readonly<Record<Exclude<Locale, 'nl'>, () => Promise<Messages>>> = {
  en: () => import('./english').then((m) => m.en),
};
const pending = new Map<Locale, Promise<void>>();
const loadedListeners = new Set<() => void>();

/** Whether `locale`'s strings are in memory (translate speaks it). */
export function hasCatalogue(locale: Locale): boolean {
  return tables[locale] !== undefined;
}

/** Fetches `locale`'s strings once; resolves when translate speaks it (a failed fetch may be retried). */
export function loadCatalogue(locale: Locale): Promise<void> {
  if (locale === 'nl' || hasCatalogue(locale)) return Promise.resolve();
  let loading = pending.get(locale);
  if (!loading) {
    loading = LOADERS[locale]().then(
      (table) => {
        tables[locale] = table;
        for (const listener of loadedListeners) listener();
      },
      (error: unknown) => {
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, loading);
  }
  return loading;
}

function onLoaded(listener: () => void): () => void {
  loadedListeners.add(listener);
  return () => loadedListeners.delete(listener);
}

/**
 * The locale to show for `wanted`: itself once its strings are in, Dutch until then (and while
 * they cannot be fetched). Starts the fetch; re-renders the caller when it lands.
 */
export function useCatalogue(wanted: Locale): Locale {
  const ready = useSyncExternalStore(onLoaded, () => hasCatalogue(wanted));
  useEffect(() => {
    if (!ready) loadCatalogue(wanted).catch(() => {});
  }, [wanted, ready]);
  return ready ? wanted : 'nl';
}

/** Values substituted for `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** A translate function bound to one locale. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The string for `key` in `locale` (in Dutch while `locale` is not loaded), with placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  // A key missing from the table is a string of the later part before it arrived (which the loaders
  // prevent): show the key rather than nothing.
  const text = tables[locale]?.[key] ?? tables.nl?.[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The interface language and how to change it (`chosen`: by this person, so it is remembered). */
export interface LocaleSetting {
  readonly locale: Locale;
  setLocale(locale: Locale, chosen: boolean): void;
}

/**
 * The interface language for the components below. The app provides it from the store (app/App),
 * so this folder stays at the bottom of the layers; an offscreen render provides its own.
 */
export const LocaleContext = createContext<LocaleSetting>({ locale: 'nl', setLocale: () => {} });

/** The current interface locale. */
export function useLocale(): Locale {
  return useContext(LocaleContext).locale;
}

/** Changes the interface language. */
export function useSetLocale(): LocaleSetting['setLocale'] {
  return useContext(LocaleContext).setLocale;
}

/** A translate function for the current locale; re-renders the caller when the locale changes. */
export function useT(): Translate {
  const locale = useLocale();
  return (key, vars) => translate(locale, key, vars);
}
