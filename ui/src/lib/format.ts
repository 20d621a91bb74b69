// Dates and times as Norwegian documents write them ("11. desember 2025", "10.00").
import type { Locale } from './i18n';
import { lang } from './vocabulary';

const MONTHS: Record<Locale, string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2025-12-11" → "11. desember 2025" (or "11 December 2025"). */
export function longDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = MONTHS[locale][Number(mo) - 1];
  return locale === lang.nb ? `${Number(d)}. ${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "2025-12-11" → "11.12.2025". */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "10:00" → "10.00" in running text. */
export function textTime(t: string): string {
  return t.replace(':', '.');
}

/** Minutes between two "HH:MM" times (negative when `b` is before `a`). */
export function minutesBetween(a: string, b: string): number {
  const toMin = (t: string) => {
    const [h, m] = t.split(':').map(Number);
    return h * 60 + m;
  };
  return toMin(b) - toMin(a);
}
