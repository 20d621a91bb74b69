import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { Saver } from './saver.svelte';
import { freshJournal, journal, type MemoryStore } from './journal';
import { replayJournal } from './replay';

type Call = { cmd: string; args: Record<string, unknown> };

function backend(fail: (cmd: string, args: Record<string, unknown>) => string | null = () => null) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const message = fail(cmd, a);
    if (message) throw { message, field: 'narrative', kind: 'invalid' };
    return null;
  });
  return calls;
}

let disk: MemoryStore;
beforeEach(() => {
  disk = freshJournal();
});
afterEach(() => vi.useRealTimers());

describe('Saver', () => {
  it('saves the last edit of a key after a pause, and counts it as unsaved until then', async () => {
    vi.useFakeTimers();
    const calls = backend();
    const saver = new Saver('m1', 400);
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'L' });
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'Leder' });
    expect(saver.busy).toBe(1);
    await vi.advanceTimersByTimeAsync(399);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await saver.flush();
    expect(calls.map((c) => c.args)).toEqual([{ itemId: 'i1', text: 'Leder' }]);
    expect(saver.busy).toBe(0);
    await journal.durable();
    expect(disk.entries.size).toBe(0);
  });

  it('flush writes everything pending at once, one key after the other', async () => {
    const calls = backend();
    const saver = new Saver('m1', 10_000);
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'a' });
    saver.edit({ kind: 'decision', caseId: 'c1', text: 'Vedtatt' });
    saver.edit({ kind: 'decision', caseId: 'c2', text: '' });
    await saver.flush();
    expect(calls.map((c) => c.cmd)).toEqual(['set_narrative', 'record_decision', 'clear_decision']);
    expect(saver.busy).toBe(0);
  });

  it('journals each edit on disk at once and keeps it until written; the next start writes it', async () => {
    const calls = backend();
    const first = new Saver('m1', 10_000);
    first.edit({ kind: 'innspill', id: 'x1', text: 'Skrevet før' });
    first.edit({ kind: 'innspill', id: 'x1', text: 'Skrevet før lukking' });
    await journal.durable();
    expect(Object.fromEntries(disk.entries)).toEqual({
      'edit/live/m1/innspill:x1': { kind: 'innspill', id: 'x1', text: 'Skrevet før lukking' },
    });
    expect(first.state()).toBe('pending');
    // The window is killed here: the edit was never written. The next start writes it.
    freshJournal().entries = new Map(disk.entries);
    expect(await replayJournal()).toEqual([]);
    expect(calls.map((c) => c.args)).toEqual([{ id: 'x1', text: 'Skrevet før lukking' }]);
    expect(journal.keys()).toEqual([]);
  });

  it('drops the entry only when the write that covers it returned, and keeps a newer one', async () => {
    let answer: () => void = () => {};
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      calls.push(String((args as { text?: string }).text));
      return new Promise<null>((resolve) => (answer = () => resolve(null)));
    });
    const saver = new Saver('m1', 10_000);
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'En' });
    saver.flushKey('narrative:i1');
    await vi.waitFor(() => expect(calls).toEqual(['En']));
    expect(saver.state()).toBe('saving');
    // Typed on while the write is under way.
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'En to' });
    answer();
    await vi.waitFor(() => expect(saver.writing).toBe(0));
    await journal.durable();
    expect(disk.entries.get('edit/live/m1/narrative:i1')).toMatchObject({ text: 'En to' });
    expect(saver.state()).toBe('pending');
    const done = saver.flush();
    await vi.waitFor(() => expect(calls).toEqual(['En', 'En to']));
    answer();
    await done;
    await journal.durable();
    expect(disk.entries.size).toBe(0);
    expect(saver.state()).toBe('saved');
  });

  it('a failed edit keeps its error and its text until retried', async () => {
    let refuse = true;
    const calls = backend(() => (refuse ? 'For lang tekst' : null));
    const saver = new Saver('m1', 10_000);
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'Tekst' });
    await saver.flush();
    expect(saver.hasErrors).toBe(true);
    expect(saver.state()).toBe('error');
    expect(saver.error('narrative:i1')).toBe('For lang tekst');
    await journal.durable();
    expect(JSON.stringify(disk.entries.get('edit/live/m1/narrative:i1'))).toContain('Tekst');
    refuse = false;
    saver.retry();
    await saver.flush();
    expect(saver.hasErrors).toBe(false);
    expect(calls).toHaveLength(2);
    await journal.durable();
    expect(disk.entries.size).toBe(0);
  });
});

describe('the start', () => {
  const CASE = {
    id: 'c1',
    title: 'Sak',
    case_type: '',
    summary: 'Lagret tekst',
    proposal: 'Forslag',
    no_memo: false,
    memo: { purpose: '', background: '', questions: '', process: '' },
    owner: '',
    officer: '',
  };
  const input = (summary: string) => ({ ...CASE, summary, proposal: 'Forslag' });

  it('drops a journalled case that equals the record (the kill came after its commit) without writing', async () => {
    const calls = backend();
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      return cmd === 'get_case' ? CASE : null;
    });
    disk.entries.set('edit/case/c1/case:c1', { kind: 'case', caseId: 'c1', input: input('Lagret tekst') });
    expect(await replayJournal()).toEqual([]);
    expect(calls.map((c) => c.cmd)).toEqual(['get_case']);
    expect(disk.entries.size).toBe(0);
  });

  it('writes a journalled case that differs from the record', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return cmd === 'get_case' ? CASE : null;
    });
    disk.entries.set('edit/case/c1/case:c1', { kind: 'case', caseId: 'c1', input: input('Lagret tekst og mer') });
    expect(await replayJournal()).toEqual([]);
    expect(calls).toEqual(['get_case', 'update_case']);
    expect(disk.entries.size).toBe(0);
  });

  it('keeps what cannot be written and returns it with its text and the core\'s message', async () => {
    mockIPC((cmd) => {
      if (cmd === 'set_narrative') throw { message: 'Referatet er godkjent.', field: null, kind: 'locked' };
      return null;
    });
    disk.entries.set('edit/live/m1/narrative:i1', { kind: 'narrative', itemId: 'i1', text: 'Sent skrevet' });
    expect(await replayJournal()).toEqual([
      { key: 'edit/live/m1/narrative:i1', text: 'Sent skrevet', message: 'Referatet er godkjent.' },
    ]);
    expect(disk.entries.size).toBe(1);
  });
});
