// Date arithmetic on ISO dates ("2025-12-11") for the meetings calendar. Everything is computed
// in UTC so that no time zone or daylight saving change can shift a day.
import { longDate } from './format';
import type { Locale } from './i18n';

const DAY_MS = 86_400_000;

function toTime(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromTime(t: number): string {
  const date = new Date(t);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/** Today on this computer's calendar. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(iso: string, n: number): string {
  return fromTime(toTime(iso) + n * DAY_MS);
}

/** The same day `n` months later, or the month's last day when it is shorter. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return fromTime(Date.UTC(ny, nm, Math.min(d, last)));
}

/** Monday 0 … Sunday 6 (Norwegian weeks start on Monday). */
export function weekday(iso: string): number {
  return (new Date(toTime(iso)).getUTCDay() + 6) % 7;
}

/** The ISO 8601 week number, as Norwegian calendars show it ("uke 50"). */
export function isoWeek(iso: string): number {
  // The week's Thursday decides its year.
  const thursday = toTime(addDays(iso, 3 - weekday(iso)));
  const jan1 = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - jan1) / DAY_MS / 7) + 1;
}

/** "2025-12" for any day of December 2025. */
export function monthKey(iso: string): string {
  return iso.slice(0, 7);
}

/** "desember 2025" / "December 2025". */
export function monthTitle(iso: string, locale: Locale): string {
  return longDate(`${monthKey(iso)}-01`, locale).replace(/^\d+\.?\s+/, '');
}

export type Week = { week: number; days: string[] };

/** The weeks (Monday to Sunday) that show the month of `iso`, with their week numbers. */
export function monthWeeks(iso: string): Week[] {
  const first = `${monthKey(iso)}-01`;
  const month = monthKey(iso);
  let day = addDays(first, -weekday(first));
  const weeks: Week[] = [];
  while (monthKey(day) <= month) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(day, i));
    weeks.push({ week: isoWeek(day), days });
    day = addDays(day, 7);
  }
  return weeks;
}
