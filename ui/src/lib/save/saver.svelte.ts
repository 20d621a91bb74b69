// The one saver for every form that saves as it is typed (the case editor, the agenda builder's
// durations, live mode). What it guarantees:
//
// - Every edit is journalled (`journal.ts`: a file beside the record, kept by the desktop
//   side) the moment it is made, before any pause in typing is awaited, so a window
//   killed at any moment loses at most the key of the last few milliseconds.
// - Edits are written shortly after the last keystroke, one key (a field of one thing) at a
//   time and in order; a newer edit of a key replaces a waiting one.
// - A journal entry is dropped only once the write that covers it succeeded (and only if no
//   newer edit of that key was journalled meanwhile), so nothing restored is a copy of
//   something already saved. What a killed window left is written when the window starts
//   (`replay.ts`), before any screen shows the record; `replay()` writes what is left of one
//   saver's entries (a start that could not write them).
// - `flush()` writes everything now (before navigating away, when the window hides:
//   `watchWindow()`); `state` is the visible save status ('saved' only once the core returned
//   every write); `error(key)` is the core's message for a field, shown beside it.
import { asUiError, type ActionInput, type ProposalInput, type UiError, type VoteInput } from '../api';
import { applyEdit, editKey, type Edit } from './edits';
import { journal } from './journal';

export { applyEdit, editKey, type Edit } from './edits';

/** The area a journal belongs to; a saver's entries are `edit/<area>/<id>/<key>`. */
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
  private readonly journalPrefix: string | null;

  /**
   * `journalId` names what the edits belong to (a meeting, a case); null keeps no journal.
   * `delay` is the pause in typing after which an edit is written.
   */
  constructor(
    journalId: string | null,
    private readonly delay = 500,
    area: SaveArea = 'live',
  ) {
    this.journalPrefix = journalId ? `${EDIT_PREFIX}${area}/${journalId}/` : null;
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
   * Writes this saver's edits that a previous session left unsaved and the start could not
   * write. Returns the messages of those that could not be written; they stay journalled (the
   * start's notice can discard them), so typed text is never dropped unseen.
   */
  async replay(): Promise<string[]> {
    const problems: string[] = [];
    if (!this.journalPrefix) return problems;
    for (const jkey of journal.keys(this.journalPrefix)) {
      const edit = journal.get<Edit>(jkey);
      if (!edit) continue;
      try {
        await applyEdit(edit);
        if (JSON.stringify(journal.get(jkey)) === JSON.stringify(edit)) void journal.drop(jkey);
      } catch (e) {
        problems.push(asUiError(e).message);
      }
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
      if (this.journalPrefix && JSON.stringify(journal.get(this.journalPrefix + key)) === snapshot) this.journalDrop(key);
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

  private journalPut(key: string, edit: Edit) {
    if (this.journalPrefix) void journal.put(this.journalPrefix + key, edit);
  }

  private journalDrop(key: string) {
    if (this.journalPrefix) void journal.drop(this.journalPrefix + key);
  }
}

/** Journal keys of the saver's edits, the drafts and the adds under way. */
export const EDIT_PREFIX = 'edit/';
export const DRAFT_PREFIX = 'draft/';
export const ADD_PREFIX = 'add/';

/** Text on its way to the core as a new innspill or action point, journalled until it is in. */
export type HeldAdd =
  | { kind: 'innspill'; itemId: string; text: string; copies: number }
  | { kind: 'action'; itemId: string; input: ActionInput; copies: number }
  /** A proposal put in the meeting; `copies`: proposals of that text before. */
  | { kind: 'proposal'; caseId: string; input: ProposalInput; copies: number }
  /** A vote; `copies`: votes recorded in the case before. */
  | { kind: 'vote'; caseId: string; input: VoteInput; copies: number }
  /** A question of impartiality raised for a member (one per member and case). */
  | { kind: 'disqualification'; caseId: string; personId: string; reason: string; copies: number };

/**
 * Drafts kept across restarts: text typed in an input but not yet added (a new innspill, a new
 * action point). Text on its way to the core is held until the core has it (`hold`, which
 * empties the draft in the same journal write, then `release` once added): a window killed
 * mid-add has the add done when it starts again (`replay.ts`, which first looks whether the
 * core already has it: `copies` is how many items of that text there were before), and one
 * killed after the add brings back no copy of what was added.
 */
export class Drafts {
  private counter = 0;

  constructor(private readonly area: SaveArea) {}

  private journalKey(key: string): string {
    return `${DRAFT_PREFIX}${this.area}/${key}`;
  }

  get(key: string): string {
    return journal.get<string>(this.journalKey(key)) ?? '';
  }

  set(key: string, text: string) {
    if (text) void journal.put(this.journalKey(key), text);
    else void journal.drop(this.journalKey(key));
  }

  /** Keeps `add` while it is being added and empties the draft of `key`; returns the handle. */
  hold(key: string, add: HeldAdd): string {
    const held = `${ADD_PREFIX}${this.area}/${key}/${Date.now()}-${++this.counter}`;
    // One write: no kill can leave the add held and its text still the draft.
    void journal.change([
      [held, add],
      [this.journalKey(key), null],
    ]);
    return held;
  }

  /** Resolves once the held text and the emptied draft are in the journal file: then the core may add it. */
  durable(): Promise<void> {
    return journal.durable();
  }

  /** The add of held text is done (or its text is back in the field): forget it. */
  release(held: string) {
    void journal.drop(held);
  }

  /** The draft of `key` as a previous session left it (the start has settled its adds). */
  restore(key: string): string {
    return this.get(key);
  }
}

/** Live mode's drafts. */
export const drafts = new Drafts('live');
