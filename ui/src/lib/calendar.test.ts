import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeek, monthTitle, monthWeeks, todayIso, weekday } from './calendar';

describe('calendar arithmetic', () => {
  it('adds days across months, years and the spring daylight saving change', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
  });

  it('adds months and clamps to the last day of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-11', 1)).toBe('2026-01-11');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-05-20', 12)).toBe('2026-05-20');
  });

  it('weeks start on Monday and have ISO numbers', () => {
    expect(weekday('2025-12-11')).toBe(3); // Thursday
    expect(weekday('2025-12-15')).toBe(0); // Monday
    expect(weekday('2025-12-14')).toBe(6); // Sunday
    expect(isoWeek('2025-12-11')).toBe(50);
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2021-01-03')).toBe(53); // Sunday of week 53 of 2020
    expect(isoWeek('2024-12-30')).toBe(1); // Monday of week 1 of 2025
  });

  it('a month grid covers the month in whole Monday-to-Sunday weeks', () => {
    const weeks = monthWeeks('2025-12-11');
    expect(weeks).toHaveLength(5);
    expect(weeks[0].days[0]).toBe('2025-12-01');
    expect(weeks[0].week).toBe(49);
    expect(weeks[4].days[6]).toBe('2026-01-04');
    const feb = monthWeeks('2026-02-01');
    expect(feb[0].days[0]).toBe('2026-01-26');
    expect(feb[feb.length - 1].days[6]).toBe('2026-03-01');
    for (const w of [...weeks, ...feb]) expect(w.days).toHaveLength(7);
  });

  it('names the month in both languages', () => {
    expect(monthTitle('2025-12-11', 'nb')).toBe('desember 2025');
    expect(monthTitle('2025-12-11', 'en')).toBe('December 2025');
  });

  it('today is the local calendar day', () => {
    expect(todayIso(new Date(2025, 11, 11, 23, 30))).toBe('2025-12-11');
  });
});
