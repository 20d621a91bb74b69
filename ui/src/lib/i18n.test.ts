import { describe, expect, it } from 'vitest';
import { defaultLocale, dictionaries, isLocale, locales, otherLocale, translate } from './i18n';

describe('i18n dictionary', () => {
  it('defaults to Norwegian Bokmål', () => {
    expect(defaultLocale).toBe('nb');
    expect(translate('nb', 'info.version')).toBe('Versjon');
    expect(translate('en', 'info.version')).toBe('Version');
  });

  it('has every key in every language, none empty', () => {
    const keys = Object.keys(dictionaries.nb).sort();
    for (const locale of locales) {
      expect(Object.keys(dictionaries[locale]).sort()).toEqual(keys);
      for (const value of Object.values(dictionaries[locale])) expect(value.trim()).not.toBe('');
    }
  });

  it('keeps æ, ø and å intact', () => {
    expect(translate('nb', 'app.tagline')).toContain('sekretærer');
    expect(translate('nb', 'app.tagline')).toContain('Møter');
    expect(translate('nb', 'app.tagline')).toContain('råd');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'info.error', { message: 'boom' })).toBe(
      'Could not load application info: boom',
    );
    expect(translate('en', 'info.error')).toContain('{message}');
  });

  it('switches between the two languages', () => {
    expect(otherLocale('nb')).toBe('en');
    expect(otherLocale('en')).toBe('nb');
    expect(isLocale('nb')).toBe(true);
    expect(isLocale('sv')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
