// A small typed dictionary: Norwegian Bokmål is the default and the source of the keys;
// every other language must translate every key (the type checker enforces it).

export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

const nb = {
  'app.tagline': 'Møter, saker og vedtak – for sekretærer i råd og utvalg',
  'info.heading': 'Om programmet',
  'info.version': 'Versjon',
  'info.database': 'Databasefil',
  'info.loading': 'Henter opplysninger …',
  'info.error': 'Klarte ikke å hente opplysninger: {message}',
  'lang.label': 'Språk',
  'lang.switchTo': 'English',
} as const;

export type MessageKey = keyof typeof nb;
export type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  'app.tagline': 'Meetings, cases and decisions – for council secretariats',
  'info.heading': 'About',
  'info.version': 'Version',
  'info.database': 'Database file',
  'info.loading': 'Loading …',
  'info.error': 'Could not load application info: {message}',
  'lang.label': 'Language',
  'lang.switchTo': 'Norsk',
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
  return locale === 'nb' ? 'en' : 'nb';
}
