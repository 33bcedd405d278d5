import { createContext, useContext } from 'react';
import type { Locale } from '@dmc/shared/template/types';
import { en, nl, type MessageKey, type Messages } from './messages';

export type { MessageKey } from './messages';

const TABLES: Readonly<Record<Locale, Messages>> = { nl, en };

/** Values substituted for `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** A translate function bound to one locale. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The string for `key` in `locale`, with placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text = TABLES[locale][key];
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
