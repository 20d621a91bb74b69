// The one saver for every form that saves as it is typed (the case editor, the agenda builder's
// durations, live mode). What it guarantees:
//
// - Every edit is journalled in localStorage synchronously, before any pause in typing is
//   awaited, so a window killed at any moment loses nothing.
// - Edits are written shortly after the last keystroke, one key (a field of one thing) at a
//   time and in order; a newer edit of a key replaces a waiting one.
// - A journal entry is dropped only once the write that covers it succeeded (and only if no
//   newer edit of that key was journalled meanwhile), so nothing restored is a copy of
//   something already saved. `replay()` writes what a previous session left unsaved.
// - `flush()` writes everything now (before navigating away, when the window hides:
//   `watchWindow()`); `state` is the visible save status; `error(key)` is the core's message for
//   a field, shown beside it.
import { asUiError, type UiError } from '../api';
import { applyEdit, editKey, type Edit } from './edits';

export { applyEdit, editKey, type Edit } from './edits';

/** The area a journal belongs to; its entries live under `quorum.<area>.unsaved.<id>`. */
export type SaveArea = 'live' | 'case' | 'agenda';

/** What a save status shows: nothing typed yet, waiting for a pause, writing, saved, failed. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

type Scheduled = {
  edit: Edit;
  timer: ReturnType<typeof setTimeout>;
  onsaved?: (result: unknown) => void;
};

export class Saver {
  /** Edits waiting for their pause plus writes under way. */
  busy = $state(0);
  /** Writes under way (a part of `busy`). */
  writing = $state(0);
  /** The last failure per key (cleared when that key saves). */
  errors = $state<Record<string, UiError>>({});
  /** Whether anything was written since the saver was made. */
  savedOnce = $state(false);

  private scheduled = new Map<string, Scheduled>();
  private chains = new Map<string, Promise<void>>();
  private failed = new Map<string, Edit>();
  private readonly journalKey: string | null;

  /**
   * `journalId` names what the edits belong to (a meeting, a case); null keeps no journal.
   * `delay` is the pause in typing after which an edit is written.
   */
  constructor(
    journalId: string | null,
    private readonly delay = 500,
    area: SaveArea = 'live',
  ) {
    this.journalKey = journalId ? `quorum.${area}.unsaved.${journalId}` : null;
  }

  get saving(): boolean {
    return this.busy > 0;
  }

  get hasErrors(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  /** The first error, for the status line. */
  get firstError(): UiError | null {
    const keys = Object.keys(this.errors);
    return keys.length ? this.errors[keys[0]] : null;
  }

  /** The save status of the keys given (all keys when none are given). */
  state(...keys: string[]): SaveState {
    if (this.writing > 0) return 'saving';
    const failed = keys.length ? keys.some((k) => k in this.errors) : this.hasErrors;
    if (failed) return 'error';
    if (this.busy > 0) return 'pending';
    return this.savedOnce ? 'saved' : 'idle';
  }

  error(key: string): string | null {
    return this.errors[key]?.message ?? null;
  }

  /** The full error of a key (its `field` says which input it concerns). */
  failure(key: string): UiError | null {
    return this.errors[key] ?? null;
  }

  /** Whether an edit of `key` is waiting for its pause. */
  isScheduled(key: string): boolean {
    return this.scheduled.has(key);
  }

  /** Saves `edit` after a pause in typing; a newer edit of the same key replaces it. */
  edit(edit: Edit, onsaved?: (result: unknown) => void): void {
    const key = editKey(edit);
    const old = this.scheduled.get(key);
    if (old) clearTimeout(old.timer);
    else this.busy++;
    this.journalPut(key, edit);
    const timer = setTimeout(() => this.fire(key), this.delay);
    this.scheduled.set(key, { edit, timer, onsaved });
  }

  /**
   * Saves `edit` now (journalled first, like every edit), after any earlier write of its key.
   * The promise settles when the write is done (its failure is in `errors`).
   */
  now(edit: Edit, onsaved?: (result: unknown) => void): Promise<void> {
    const key = editKey(edit);
    this.edit(edit, onsaved);
    this.fire(key);
    return this.chains.get(key) ?? Promise.resolve();
  }

  /** Writes the waiting edit of `key` now, if there is one. */
  flushKey(key: string): void {
    this.fire(key);
  }

  /** Drops a scheduled edit of `key` (e.g. when "as proposed" replaces typing). */
  cancel(key: string): void {
    const s = this.scheduled.get(key);
    if (s) {
      clearTimeout(s.timer);
      this.scheduled.delete(key);
      this.busy--;
    }
    this.journalDrop(key);
    this.failed.delete(key);
    this.clearError(key);
  }

  /**
   * Runs a write now, after any earlier write of the same key; counted as unsaved until done.
   * The caller handles its failure (the returned promise rejects).
   */
  run<T>(key: string, write: () => Promise<T>): Promise<T> {
    return this.chain(key, async () => {
      this.writing++;
      try {
        const result = await write();
        this.savedOnce = true;
        return result;
      } finally {
        this.writing--;
      }
    });
  }

  /** Queues a write of `key` after the earlier ones; counted as unsaved until done. */
  private chain<T>(key: string, write: () => Promise<T>): Promise<T> {
    this.busy++;
    const result = (this.chains.get(key) ?? Promise.resolve()).then(write);
    const done: Promise<void> = result
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.busy--;
        if (this.chains.get(key) === done) this.chains.delete(key);
      });
    this.chains.set(key, done);
    return result;
  }

  /** Writes every scheduled edit now and waits until all writes are done. */
  async flush(): Promise<void> {
    for (const key of [...this.scheduled.keys()]) this.fire(key);
    while (this.chains.size > 0) {
      await Promise.allSettled([...this.chains.values()]);
    }
  }

  /** Tries the failed edits again. */
  retry(): void {
    const again = [...this.failed.values()];
    this.failed.clear();
    for (const e of again) this.edit(e);
  }

  /** Forgets failed edits (the user chose to drop them). */
  discardFailed(): void {
    for (const key of this.failed.keys()) this.journalDrop(key);
    this.failed.clear();
    this.errors = {};
  }

  /**
   * Writes the edits a previous session left unsaved (the window was closed before they were
   * written). Returns the messages of those that could not be written; they are dropped.
   */
  async replay(): Promise<string[]> {
    const journal = this.journalRead();
    const problems: string[] = [];
    for (const [key, edit] of Object.entries(journal)) {
      try {
        await applyEdit(edit);
      } catch (e) {
        problems.push(asUiError(e).message);
      }
      this.journalDrop(key);
    }
    return problems;
  }

  /**
   * Flushes when the window hides or closes. Returns the function that stops watching (so it
   * can be returned from an effect or onMount).
   */
  watchWindow(): () => void {
    const now = () => void this.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      document.removeEventListener('visibilitychange', hidden);
    };
  }

  private fire(key: string): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    clearTimeout(s.timer);
    this.scheduled.delete(key);
    this.busy--;
    const { edit, onsaved } = s;
    const snapshot = JSON.stringify(edit);
    void this.chain(key, async () => {
      // The status follows the write itself: "saving" ends as its outcome is known.
      this.writing++;
      let result: unknown;
      try {
        result = await applyEdit(edit);
      } catch (e) {
        this.writing--;
        this.errors = { ...this.errors, [key]: asUiError(e) };
        if (!this.scheduled.has(key)) this.failed.set(key, edit);
        return;
      }
      this.writing--;
      this.savedOnce = true;
      this.failed.delete(key);
      this.clearError(key);
      // A newer edit of the same key may be journalled meanwhile: keep that one.
      if (JSON.stringify(this.journalRead()[key]) === snapshot) this.journalDrop(key);
      onsaved?.(result);
    });
  }

  private clearError(key: string) {
    if (key in this.errors) {
      const next = { ...this.errors };
      delete next[key];
      this.errors = next;
    }
  }

  private journalRead(): Record<string, Edit> {
    if (!this.journalKey) return {};
    try {
      const raw = globalThis.localStorage?.getItem(this.journalKey);
      return raw ? (JSON.parse(raw) as Record<string, Edit>) : {};
    } catch {
      return {};
    }
  }

  private journalWrite(j: Record<string, Edit>) {
    if (!this.journalKey) return;
    try {
      if (Object.keys(j).length === 0) globalThis.localStorage?.removeItem(this.journalKey);
      else globalThis.localStorage?.setItem(this.journalKey, JSON.stringify(j));
    } catch {
      // Storage unavailable: the edit is still written shortly.
    }
  }

  private journalPut(key: string, edit: Edit) {
    const j = this.journalRead();
    j[key] = edit;
    this.journalWrite(j);
  }

  private journalDrop(key: string) {
    const j = this.journalRead();
    if (key in j) {
      delete j[key];
      this.journalWrite(j);
    }
  }
}

/**
 * Drafts kept across restarts: text typed in an input but not yet added (a new innspill, a new
 * action point). Text on its way to the core is held until the core has it (`hold`, then
 * `release` once added), so a window killed mid-add brings it back, and one killed after the
 * add does not bring back a copy of what was added.
 */
export class Drafts {
  private counter = 0;

  constructor(private readonly area: SaveArea) {}

  private storageKey(key: string): string {
    return `quorum.${this.area}.draft.${key}`;
  }

  get(key: string): string {
    try {
      return globalThis.localStorage?.getItem(this.storageKey(key)) ?? '';
    } catch {
      return '';
    }
  }

  set(key: string, text: string) {
    try {
      if (text) globalThis.localStorage?.setItem(this.storageKey(key), text);
      else globalThis.localStorage?.removeItem(this.storageKey(key));
    } catch {
      // Not kept; still typed.
    }
  }

  /** Keeps `text` while it is being added; returns the handle `release` takes. */
  hold(key: string, text: string): string {
    const held = `${key}#held:${Date.now()}-${++this.counter}`;
    this.set(held, text);
    return held;
  }

  /** The add of held text is done (or its text is back in the field): forget it. */
  release(held: string) {
    this.set(held, '');
  }

  /**
   * The draft of `key` as a previous session left it: text whose add was never confirmed first,
   * then what was being typed. The held texts become part of the draft.
   */
  restore(key: string): string {
    const prefix = this.storageKey(`${key}#held:`);
    const held: Array<[string, string]> = [];
    try {
      const store = globalThis.localStorage;
      for (let i = 0; store && i < store.length; i++) {
        const k = store.key(i);
        if (k?.startsWith(prefix)) held.push([k, store.getItem(k) ?? '']);
      }
    } catch {
      return this.get(key);
    }
    if (held.length === 0) return this.get(key);
    held.sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
    const text = [...held.map(([, t]) => t), this.get(key)].filter((t) => t.trim() !== '').join('\n');
    this.set(key, text);
    try {
      for (const [k] of held) globalThis.localStorage?.removeItem(k);
    } catch {
      // Kept; restored again next time.
    }
    return text;
  }
}

/** Live mode's drafts. */
export const drafts = new Drafts('live');
