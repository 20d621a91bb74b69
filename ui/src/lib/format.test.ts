import { describe, expect, it } from 'vitest';
import { longDate, minutesBetween, shortDate, textTime } from './format';

describe('format', () => {
  it('writes dates as Norwegian documents do', () => {
    expect(longDate('2025-12-11', 'nb')).toBe('11. desember 2025');
    expect(longDate('2025-03-01', 'en')).toBe('1 March 2025');
    expect(shortDate('2025-12-11')).toBe('11.12.2025');
    expect(textTime('10:00')).toBe('10.00');
  });
  it('counts minutes', () => {
    expect(minutesBetween('10:00', '16:00')).toBe(360);
    expect(minutesBetween('10:30', '10:00')).toBe(-30);
  });
});
