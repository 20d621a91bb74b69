import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import InnspillEditor from './InnspillEditor.svelte';
import { Saver } from '../../save/saver.svelte';
import { freshJournal, journal, type JournalChange, type MemoryStore } from '../../save/journal';
import { replayJournal } from '../../save/replay';
import { mockCore } from '../../testing/core';
import type { Innspill } from '../../api';

/** The core: `add` decides what add_innspill does (answer, or never answer); `have` is the record. */
function core(add: (text: string) => Promise<unknown> | unknown, have: Innspill[] = []) {
  const added: string[] = [];
  mockCore((cmd, args) => {
    if (cmd === 'list_innspill') return have;
    if (cmd === 'add_innspill') {
      added.push(String(args.text));
      const saved = { id: `x${have.length + 1}`, item_id: 'i1', position: have.length, text: String(args.text) };
      const answer = add(String(args.text));
      if (answer === 'commit') {
        have.push(saved);
        return saved;
      }
      return answer;
    }
    throw new Error(`unexpected command ${cmd}`);
  });
  return added;
}

async function open() {
  render(InnspillEditor, { itemId: 'i1', readOnly: false, saver: new Saver('m4') });
  return (await screen.findByTestId('innspill-input')) as HTMLTextAreaElement;
}

/** The window is killed: what is on disk is what the next start finds. */
async function restart(disk: MemoryStore) {
  cleanup();
  clearMocks();
  const entries = new Map(disk.entries);
  const next = freshJournal();
  next.entries = entries;
  return next;
}

let disk: MemoryStore;
beforeEach(() => {
  disk = freshJournal();
});

describe('InnspillEditor drafts across a kill', () => {
  it('journals the draft at each key and does not bring back an innspill that Enter added', async () => {
    const record: Innspill[] = [];
    const added = core(() => 'commit', record);
    const input = await open();
    await fireEvent.input(input, { target: { value: 'Rådet støtter forslaget' } });
    await journal.durable();
    expect(disk.entries.get('draft/live/innspill:i1')).toBe('Rådet støtter forslaget');
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(added).toEqual(['Rådet støtter forslaget']));
    await waitFor(() => expect([...disk.entries.keys()]).toEqual([]));
    disk = await restart(disk);
    const again = core(() => 'commit', record);
    expect(await replayJournal()).toEqual([]);
    expect(again).toEqual([]);
    expect((await open()).value).toBe('');
  });

  it('adds, at the next start, an innspill whose add never reached the core, and restores the draft typed after it on its own', async () => {
    core(() => new Promise(() => {})); // the window is killed before the core answers
    const input = await open();
    await fireEvent.input(input, { target: { value: 'Første innspill' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('');
    await fireEvent.input(input, { target: { value: 'Halvskrevet' } });
    await journal.durable();
    disk = await restart(disk);
    const record: Innspill[] = [];
    const added = core(() => 'commit', record);
    expect(await replayJournal()).toEqual([]);
    expect(added).toEqual(['Første innspill']);
    const again = await open();
    expect(again.value).toBe('Halvskrevet');
    const items = await screen.findAllByTestId('innspill-item');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining('Første innspill')]);
    expect([...disk.entries.keys()]).toEqual(['draft/live/innspill:i1']);
  });

  it('a kill after the core committed but before the journal forgot the add brings back no copy', async () => {
    // On disk: the add held, the core already has it.
    disk.entries.set('add/live/innspill:i1/1-1', { kind: 'innspill', itemId: 'i1', text: 'Allerede lagret', copies: 0 });
    const added = core(() => 'commit', [{ id: 'x1', item_id: 'i1', position: 0, text: 'Allerede lagret' }]);
    expect(await replayJournal()).toEqual([]);
    expect(added).toEqual([]);
    expect(disk.entries.size).toBe(0);
  });

  it('an innspill typed twice on purpose is added again (counted, not compared)', async () => {
    disk.entries.set('add/live/innspill:i1/1-1', { kind: 'innspill', itemId: 'i1', text: 'Enig', copies: 1 });
    const added = core(() => 'commit', [{ id: 'x1', item_id: 'i1', position: 0, text: 'Enig' }]);
    expect(await replayJournal()).toEqual([]);
    expect(added).toEqual(['Enig']);
  });

  it('a draft that equals an innspill in the record is a copy and is dropped at start', async () => {
    disk.entries.set('draft/live/innspill:i1', 'Allerede lagret ');
    core(() => 'commit', [{ id: 'x1', item_id: 'i1', position: 0, text: 'Allerede lagret' }]);
    await replayJournal();
    expect(disk.entries.size).toBe(0);
    expect((await open()).value).toBe('');
  });

  it('the core is asked to add only once the hold is on disk', async () => {
    // A disk that answers only while the gate is open.
    let open_ = true;
    let opened: () => void = () => {};
    const slow = freshJournal();
    const write = slow.write.bind(slow);
    slow.write = async (changes: JournalChange[]) => {
      while (!open_) await new Promise<void>((r) => (opened = r));
      return write(changes);
    };
    const added = core(() => 'commit');
    const input = await open();
    await fireEvent.input(input, { target: { value: 'Vent på disken' } });
    await journal.durable();
    open_ = false;
    await fireEvent.keyDown(input, { key: 'Enter' });
    await new Promise((r) => setTimeout(r, 20));
    expect(added).toEqual([]);
    open_ = true;
    opened();
    await waitFor(() => expect(added).toEqual(['Vent på disken']));
    // The hold and the emptied draft went to disk in one write.
    const hold = slow.writes.find((w) => w.some((c) => c.key.startsWith('add/') && c.value !== null));
    expect(hold?.map((c) => [c.key.replace(/\/[^/]*$/, ''), c.value === null])).toEqual([
      ['add/live/innspill:i1', false],
      ['draft/live', true],
    ]);
  });
});
