import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  clockTime,
  dropPosition,
  fileSize,
  liveTimes,
  nextLabel,
  parseDuration,
  snippetParts,
  titleFromFileName,
} from './agendaTimes';

describe('agenda helpers', () => {
  it('computes live times from the start and the durations', () => {
    expect(liveTimes('10:00', [30, 15, 45])).toEqual({
      starts: ['10:00', '10:30', '10:45'],
      ends: ['10:30', '10:45', '11:30'],
      endMinutes: 690,
    });
    expect(clockTime(24 * 60 + 5)).toBe('00:05');
  });

  it('reads typed durations as whole minutes only', () => {
    expect(parseDuration(' 45 ')).toBe(45);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('4.5')).toBeNull();
    expect(parseDuration('-5')).toBeNull();
  });

  it('turns a drop before or after a row into the position moveItem expects', () => {
    // Rows a b c d; drag a (0) after c (2) → position 2; drag d (3) before b (1) → 1.
    expect(dropPosition(0, 2, true)).toBe(2);
    expect(dropPosition(3, 1, false)).toBe(1);
    expect(dropPosition(1, 1, false)).toBe(1);
    expect(dropPosition(1, 0, true)).toBe(1);
    expect(dropPosition(0, 3, true)).toBe(3);
  });

  it('encodes files as base64, also large ones', () => {
    expect(bytesToBase64(new TextEncoder().encode('hei'))).toBe('aGVp');
    const big = new Uint8Array(100_000).fill(65);
    expect(atob(bytesToBase64(big)).length).toBe(100_000);
  });

  it('writes sizes, titles, labels and snippets as people read them', () => {
    expect(fileSize(512, 'nb')).toBe('512 B');
    expect(fileSize(1536, 'nb')).toBe('1,5 kB');
    expect(fileSize(1536, 'en')).toBe('1.5 kB');
    expect(fileSize(3 * 1024 * 1024, 'nb')).toBe('3,0 MB');
    expect(titleFromFileName('Toppnotat_sak_32.pdf')).toBe('Toppnotat sak 32');
    expect(nextLabel(['2', '7A', 'x'])).toBe('8');
    expect(nextLabel([])).toBe('1');
    expect(snippetParts('a \uE000hit\uE001 b')).toEqual([
      { text: 'a ', hit: false },
      { text: 'hit', hit: true },
      { text: ' b', hit: false },
    ]);
  });
});
