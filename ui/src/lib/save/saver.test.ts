import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { Saver } from './saver.svelte';

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
    expect(localStorage.getItem('quorum.live.unsaved.m1')).toBeNull();
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

  it('keeps unsaved edits in localStorage until written, and writes them after a restart', async () => {
    const calls = backend();
    const first = new Saver('m1', 10_000);
    first.edit({ kind: 'innspill', id: 'x1', text: 'Skrevet før lukking' });
    expect(JSON.parse(localStorage.getItem('quorum.live.unsaved.m1')!)).toEqual({
      'innspill:x1': { kind: 'innspill', id: 'x1', text: 'Skrevet før lukking' },
    });
    // The window closes here: the edit was never written.
    const second = new Saver('m1');
    expect(await second.replay()).toEqual([]);
    expect(calls.map((c) => c.args)).toEqual([{ id: 'x1', text: 'Skrevet før lukking' }]);
    expect(localStorage.getItem('quorum.live.unsaved.m1')).toBeNull();
  });

  it('a failed edit keeps its error and its text until retried', async () => {
    let refuse = true;
    const calls = backend(() => (refuse ? 'For lang tekst' : null));
    const saver = new Saver('m1', 10_000);
    saver.edit({ kind: 'narrative', itemId: 'i1', text: 'Tekst' });
    await saver.flush();
    expect(saver.hasErrors).toBe(true);
    expect(saver.error('narrative:i1')).toBe('For lang tekst');
    expect(localStorage.getItem('quorum.live.unsaved.m1')).toContain('Tekst');
    refuse = false;
    saver.retry();
    await saver.flush();
    expect(saver.hasErrors).toBe(false);
    expect(calls).toHaveLength(2);
    expect(localStorage.getItem('quorum.live.unsaved.m1')).toBeNull();
  });
});
