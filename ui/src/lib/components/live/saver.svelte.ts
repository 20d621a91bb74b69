// Saving as the chair types: every edit is written to the record shortly after the last
// keystroke, one key (a field of one thing) at a time and in order. Edits not yet confirmed by the
// core are also kept in localStorage, so a window closed mid-keystroke loses nothing: they are
// written when the meeting is opened again. `busy` tells the window whether anything is unsaved.
import {
  asUiError,
  clearDecision,
  recordDecision,
  setNarrative,
  updateAction,
  updateInnspill,
  type ActionInput,
  type UiError,
} from '../../api';

/** An edit the saver can write later, and again after a restart (so: plain data). */
export type Edit =
  | { kind: 'narrative'; itemId: string; text: string }
  /** An empty text clears the decision. */
  | { kind: 'decision'; caseId: string; text: string }
  | { kind: 'innspill'; id: string; text: string }
  | { kind: 'action'; id: string; input: ActionInput };

export function editKey(edit: Edit): string {
  switch (edit.kind) {
    case 'narrative':
      return `narrative:${edit.itemId}`;
    case 'decision':
      return `decision:${edit.caseId}`;
    case 'innspill':
      return `innspill:${edit.id}`;
    case 'action':
      return `action:${edit.id}`;
  }
}

/** Writes one edit through the typed API. */
export function applyEdit(edit: Edit): Promise<unknown> {
  switch (edit.kind) {
    case 'narrative':
      return setNarrative(edit.itemId, edit.text);
    case 'decision':
      return edit.text.trim() === '' ? clearDecision(edit.caseId) : recordDecision(edit.caseId, edit.text);
    case 'innspill':
      return updateInnspill(edit.id, edit.text);
    case 'action':
      return updateAction(edit.id, edit.input);
  }
}

type Scheduled = {
  edit: Edit;
  timer: ReturnType<typeof setTimeout>;
  onsaved?: (result: unknown) => void;
};

const JOURNAL_PREFIX = 'quorum.live.unsaved.';

export class Saver {
  /** Edits waiting for their pause plus writes under way. */
  busy = $state(0);
  /** The last failure per key (cleared when that key saves). */
  errors = $state<Record<string, UiError>>({});

  private scheduled = new Map<string, Scheduled>();
  private chains = new Map<string, Promise<void>>();
  private failed = new Map<string, Edit>();
  private readonly journalKey: string | null;

  constructor(
    journalId: string | null,
    private readonly delay = 500,
  ) {
    this.journalKey = journalId ? JOURNAL_PREFIX + journalId : null;
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

  error(key: string): string | null {
    return this.errors[key]?.message ?? null;
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

  private fire(key: string): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    clearTimeout(s.timer);
    this.scheduled.delete(key);
    this.busy--;
    const { edit, onsaved } = s;
    const snapshot = JSON.stringify(edit);
    this.run(key, async () => {
      try {
        const result = await applyEdit(edit);
        this.failed.delete(key);
        this.clearError(key);
        // A newer edit of the same key may be journalled meanwhile: keep that one.
        if (JSON.stringify(this.journalRead()[key]) === snapshot) this.journalDrop(key);
        onsaved?.(result);
      } catch (e) {
        this.errors = { ...this.errors, [key]: asUiError(e) };
        if (!this.scheduled.has(key)) this.failed.set(key, edit);
      }
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

/** A draft kept across restarts (text typed in an input but not yet added). */
export const drafts = {
  get(key: string): string {
    try {
      return globalThis.localStorage?.getItem(`quorum.live.draft.${key}`) ?? '';
    } catch {
      return '';
    }
  },
  set(key: string, text: string) {
    try {
      if (text) globalThis.localStorage?.setItem(`quorum.live.draft.${key}`, text);
      else globalThis.localStorage?.removeItem(`quorum.live.draft.${key}`);
    } catch {
      // Not kept; still typed.
    }
  },
};
