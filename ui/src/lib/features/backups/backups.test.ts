import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { backup } from './fixtures';
import { kindKey, latestGood, problemKey, restorable, showsDetails, sizeText, takenText } from './backups';

const nb = (key: Parameters<typeof translate>[1], p: Record<string, string | number>) => translate('nb', key, p);
const en = (key: Parameters<typeof translate>[1], p: Record<string, string | number>) => translate('en', key, p);

describe('what the backup screens show of a backup', () => {
  it('the latest good backup is the newest that passed its check', () => {
    const damaged = backup({ path: '/b/x-before-restore', kind: 'before_restore', verified: false, problem: 'skadet' });
    const good = backup({ path: '/b/good' });
    const older = backup({ path: '/b/older', taken: '2026-11-30T09:00:00' });
    expect(latestGood([damaged, good, older])).toBe(good);
    expect(latestGood([damaged])).toBeNull();
    expect(latestGood([])).toBeNull();
  });

  it('the time it was taken reads as a date and a clock time in each language', () => {
    expect(takenText('2026-12-01T09:05:12', 'nb')).toBe('1. desember 2026 kl. 09.05');
    expect(takenText('2026-12-01T09:05:12', 'en')).toBe('1 December 2026 at 09:05');
    // Anything else is shown as it came rather than guessed at.
    expect(takenText('i går', 'nb')).toBe('i går');
  });

  it('sizes are in bytes, kB or MB with the language’s decimal sign', () => {
    expect(sizeText(512, 'nb', nb)).toBe('512 byte');
    expect(sizeText(245_760, 'nb', nb)).toBe('246 kB');
    expect(sizeText(3_456_789, 'nb', nb)).toBe('3,5 MB');
    expect(sizeText(3_456_789, 'en', en)).toBe('3.5 MB');
    expect(sizeText(1, 'en', en)).toBe('1 bytes');
  });

  it('every kind has a label in both languages', () => {
    for (const kind of ['daily', 'weekly', 'before_upgrade', 'before_restore', 'manual'] as const) {
      expect(translate('nb', kindKey(kind))).not.toBe(translate('en', kindKey(kind)));
    }
    expect(translate('nb', kindKey('before_restore'))).toBe('Før gjenoppretting');
  });

  it('a backup is offered over a damaged or newer file, never over a folder', () => {
    expect(restorable('damaged')).toBe(true);
    expect(restorable('newer')).toBe(true);
    expect(restorable('folder')).toBe(false);
    expect(restorable('other')).toBe(false);
    // The damaged file's core message sends the user to the command line; the screen replaces it.
    expect(showsDetails('damaged')).toBe(false);
    expect(showsDetails('newer')).toBe(true);
    expect(translate('nb', problemKey('damaged'))).toContain('skadet');
  });
});
