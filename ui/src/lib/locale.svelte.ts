// The current language as reactive state (Svelte 5 runes), remembered in localStorage.
import { defaultLocale, isLocale, translate, type Locale, type MessageKey } from './i18n';

const STORAGE_KEY = 'quorum.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be unavailable; the default will do.
  }
  return defaultLocale;
}

let current = $state<Locale>(initialLocale());

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(locale: Locale) {
    current = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered; still switched.
    }
  },
  t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(current, key, params);
  },
};
