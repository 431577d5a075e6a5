import { en } from './en.ts';
import { ja, type MessageKey } from './ja.ts';
import { pluralForm } from './plural.ts';

export type { MessageKey };
export type Lang = 'ja' | 'en';
/** The keys under a prefix, without it: under 'grants.col.' → 'asset' | 'grantee' | … */
export type KeyUnder<Prefix extends string> = MessageKey extends infer Key ? (Key extends `${Prefix}${infer Rest}` ? Rest : never) : never;
/** A message already resolved in both languages (e.g. a server field error). */
export type Localized = { ja: string; en: string };

const STORAGE_KEY = 'tsukasa.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { ja, en };

function initialLang(): Lang {
  if (typeof localStorage === 'undefined') return 'ja';
  // Japanese first: only an explicit earlier choice switches to English.
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
}

const state = $state<{ lang: Lang }>({ lang: initialLang() });
syncDocumentLang();

function syncDocumentLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = state.lang;
}

export function currentLang(): Lang {
  return state.lang;
}

export function setLang(lang: Lang): void {
  state.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or blocked storage: the choice lasts for this page only.
  }
  syncDocumentLang();
}

function interpolate(message: string, params?: Record<string, string | number>): string {
  const template = pluralForm(message, params);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Reactive translation: reading it inside markup or $derived re-runs when the language changes. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[state.lang][key], params);
}

/** The message in both languages, for values stored now and rendered later. */
export function both(key: MessageKey, params?: Record<string, string | number>): Localized {
  return { ja: interpolate(ja[key], params), en: interpolate(en[key], params) };
}

/** Reactive pick of a stored bilingual message. */
export function pick(message: Localized): string {
  return message[state.lang];
}

/** Japanese or English name of an entity that carries both (`name` / `nameEn`). */
export function localName(entity: { name: string; nameEn?: string | null }): string {
  return state.lang === 'en' && entity.nameEn ? entity.nameEn : entity.name;
}
