// A small typed dictionary: Norwegian Bokmål is the default and the source of the keys;
// every other language must translate every key (the type checker enforces it).

export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

import * as common from './messages/common';
import * as secretariat from './messages/secretariat';
import * as agenda from './messages/agenda';
import * as documents from './messages/documents';
import * as live from './messages/live';
import * as archive from './messages/archive';
import * as backups from './messages/backups';
import * as council from './messages/council';
import { lang } from './vocabulary';

// Each area of the window keeps its words in its own file under messages/; Bokmål is the
// source of the keys and English must give every one (the type checker enforces it).
const nb = {
  ...common.nb,
  ...secretariat.nb,
  ...agenda.nb,
  ...documents.nb,
  ...live.nb,
  ...archive.nb,
  ...backups.nb,
  ...council.nb,
} as const;

export type MessageKey = keyof typeof nb;
export type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  ...common.en,
  ...secretariat.en,
  ...agenda.en,
  ...documents.en,
  ...live.en,
  ...archive.en,
  ...backups.en,
  ...council.en,
};

export const dictionaries: Record<Locale, Dictionary> = { nb, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = dictionaries[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The other language of the two, for the switch button. */
export function otherLocale(locale: Locale): Locale {
  return locale === lang.nb ? 'en' : 'nb';
}
