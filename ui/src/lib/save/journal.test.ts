import { describe, expect, it } from 'vitest';
import { Journal, MemoryStore, type JournalChange } from './journal';

/** A store whose writes wait until `next()` lets the oldest one through. */
function gated() {
  const store = new MemoryStore();
  const waiting: Array<() => void> = [];
  const write = store.write.bind(store);
  store.write = (changes: JournalChange[]) =>
    new Promise<void>((resolve) => waiting.push(() => void write(changes).then(resolve)));
  return { store, next: () => waiting.shift()?.(), waiting };
}

describe('Journal', () => {
  it('starts writing at the change, one write at a time, coalescing what comes meanwhile', async () => {
    const { store, next, waiting } = gated();
    const j = new Journal(store);
    void j.put('k', 'a');
    expect(waiting).toHaveLength(1); // sent at once, not after a pause
    void j.put('k', 'ab');
    void j.put('k', 'abc');
    void j.put('other', 'x');
    expect(waiting).toHaveLength(1);
    expect(j.get('k')).toBe('abc'); // read from memory at once
    next();
    await new Promise((r) => setTimeout(r, 0));
    expect(waiting).toHaveLength(1);
    next();
    await j.durable();
    expect(store.writes).toEqual([
      [{ key: 'k', value: 'a' }],
      [
        { key: 'k', value: 'abc' },
        { key: 'other', value: 'x' },
      ],
    ]);
    expect(Object.fromEntries(store.entries)).toEqual({ k: 'abc', other: 'x' });
  });

  it('drops reach the disk in order after the puts, and several changes go in one write', async () => {
    const store = new MemoryStore();
    const j = new Journal(store);
    await j.put('a', 1);
    await j.change([
      ['b', 2],
      ['a', null],
    ]);
    expect(store.writes.at(-1)).toEqual([
      { key: 'b', value: 2 },
      { key: 'a', value: null },
    ]);
    await j.drop('b');
    await j.drop('nothing');
    expect(store.entries.size).toBe(0);
    expect(store.writes).toHaveLength(3);
  });

  it('reads what an earlier session left; a failing disk is reported, and cleared by the next write', async () => {
    const store = new MemoryStore();
    store.entries.set('edit/x', { kind: 'narrative' });
    const j = new Journal(store);
    await j.load();
    expect(j.keys('edit/')).toEqual(['edit/x']);
    const write = store.write.bind(store);
    store.write = async () => {
      throw { message: 'Disken er full' };
    };
    await j.put('y', 'tekst');
    expect(j.problem).toBe('Disken er full');
    store.write = write;
    await j.put('y', 'tekst 2');
    expect(j.problem).toBeNull();
  });
});
