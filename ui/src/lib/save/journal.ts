// The typing journal: what was typed but is not in the record yet, kept by the desktop side in
// a file beside the record (the file has a change when `journal_write` returns, so a killed
// window loses nothing; the desktop side syncs it to the disk right after). Not
// localStorage: WebKit writes that to disk about a second after a change, so a kill -9 within
// that second lost everything typed since (measured by tests/e2e kill tests).
//
// Reads are served from a copy in memory (loaded once at start, `load`); every change goes to
// the copy at once and to the file in order: one write under way at a time, the changes made
// meanwhile coalesced into the next (a newer value of a key replaces a waiting one), so the
// file never goes back to an older value and a fast typist costs one write per round trip.
import { invoke } from '@tauri-apps/api/core';

export type JournalChange = { key: string; value: unknown };

/** Where the journal is kept: the desktop side, or memory in tests. */
export interface JournalStore {
  read(): Promise<Record<string, unknown>>;
  /** `value: null` removes the key. Resolves once the changes are durable. */
  write(changes: JournalChange[]): Promise<void>;
}

export const desktopStore: JournalStore = {
  read: () => invoke<Record<string, unknown>>('journal_read'),
  write: (changes) => invoke<void>('journal_write', { changes }),
};

/** A journal store in memory, for tests (the mocked core knows no journal). */
export class MemoryStore implements JournalStore {
  entries = new Map<string, unknown>();
  writes: JournalChange[][] = [];
  async read(): Promise<Record<string, unknown>> {
    return Object.fromEntries(this.entries);
  }
  async write(changes: JournalChange[]): Promise<void> {
    this.writes.push(changes);
    for (const c of changes) {
      if (c.value === null) this.entries.delete(c.key);
      else this.entries.set(c.key, structuredClone(c.value));
    }
  }
}

export class Journal {
  private entries = new Map<string, unknown>();
  private pending = new Map<string, unknown>();
  private writing: Promise<void> | null = null;
  /** The last failure to keep the journal (null once a write succeeds again). */
  problem: string | null = null;

  constructor(private store: JournalStore) {}

  /** Reads what an earlier session left (replacing the copy in memory). */
  async load(): Promise<void> {
    try {
      this.entries = new Map(Object.entries(await this.store.read()));
      this.problem = null;
    } catch (e) {
      this.problem = message(e);
    }
  }

  /** Another store (tests), empty until loaded. */
  use(store: JournalStore) {
    this.store = store;
    this.entries.clear();
    this.pending.clear();
    this.writing = null;
  }

  get<T>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The keys that start with `prefix`, in the order they were first journalled. */
  keys(prefix = ''): string[] {
    return [...this.entries.keys()].filter((k) => k.startsWith(prefix));
  }

  /** Journals `value` under `key`; its write to disk starts now. */
  put(key: string, value: unknown): Promise<void> {
    return this.change([[key, value]]);
  }

  drop(key: string): Promise<void> {
    return this.change([[key, null]]);
  }

  /** Several changes (`null` drops a key) that reach the disk in one write, or not at all. */
  change(changes: Array<[string, unknown]>): Promise<void> {
    for (const [key, value] of changes) {
      if (value === null) {
        if (!this.entries.has(key) && !this.pending.has(key)) continue;
        this.entries.delete(key);
      } else {
        this.entries.set(key, value);
      }
      this.pending.set(key, value);
    }
    return this.pump();
  }

  /** Resolves once every change made so far is in the journal file (or its write failed). */
  async durable(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private pump(): Promise<void> {
    if (!this.writing && this.pending.size > 0) {
      const run = async () => {
        while (this.pending.size > 0) {
          const changes = [...this.pending].map(([key, value]) => ({ key, value }));
          this.pending.clear();
          try {
            await this.store.write(changes);
            this.problem = null;
          } catch (e) {
            // Still written to the record after the pause; `problem` says the journal failed.
            this.problem = message(e);
          }
        }
      };
      // Cleared in a later microtask, so never before it is set.
      this.writing = run().finally(() => {
        this.writing = null;
      });
    }
    return this.durable();
  }
}

function message(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** The one journal of the window. Vitest runs get one in memory. */
export const journal = new Journal(import.meta.env.MODE === 'test' ? new MemoryStore() : desktopStore);

/**
 * Tests: the journal starts empty in memory; returns its store, whose `entries` are what a
 * killed window would leave on disk (set them, then `replayJournal()` or `journal.load()`).
 */
export function freshJournal(): MemoryStore {
  const store = new MemoryStore();
  journal.use(store);
  return store;
}
