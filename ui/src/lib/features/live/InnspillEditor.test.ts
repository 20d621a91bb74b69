import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import InnspillEditor from './InnspillEditor.svelte';
import { Saver } from '../../save/saver.svelte';
import { mockCore } from '../../testing/core';

/** The core: `add` decides what add_innspill does (answer, or never answer). */
function core(add: (text: string) => Promise<unknown> | unknown) {
  const added: string[] = [];
  mockCore((cmd, args) => {
    if (cmd === 'list_innspill') return [];
    if (cmd === 'add_innspill') {
      added.push(String(args.text));
      return add(String(args.text));
    }
    throw new Error(`unexpected command ${cmd}`);
  });
  return added;
}

async function open() {
  render(InnspillEditor, { itemId: 'i1', readOnly: false, saver: new Saver('m4') });
  return (await screen.findByTestId('innspill-input')) as HTMLTextAreaElement;
}

const storedDrafts = () => Object.keys(localStorage).filter((k) => k.startsWith('quorum.live.draft.'));

describe('InnspillEditor drafts across a restart', () => {
  it('does not bring back an innspill that Enter already added', async () => {
    const added = core((text) => ({ id: 'x1', item_id: 'i1', position: 0, text }));
    const input = await open();
    await fireEvent.input(input, { target: { value: 'Rådet støtter forslaget' } });
    expect(localStorage.getItem('quorum.live.draft.innspill:i1')).toBe('Rådet støtter forslaget');
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByTestId('innspill-item')).toHaveLength(1));
    expect(added).toEqual(['Rådet støtter forslaget']);
    await waitFor(() => expect(storedDrafts()).toEqual([]));
    // The restart.
    cleanup();
    clearMocks();
    core(() => null);
    const again = await open();
    expect(again.value).toBe('');
  });

  it('brings back an innspill whose add never reached the core, with what was typed after it', async () => {
    core(() => new Promise(() => {})); // the window is killed before the core answers
    const input = await open();
    await fireEvent.input(input, { target: { value: 'Første innspill' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('');
    await fireEvent.input(input, { target: { value: 'Halvskrevet' } });
    cleanup();
    clearMocks();
    core(() => null);
    const again = await open();
    expect(again.value).toBe('Første innspill\nHalvskrevet');
    // Restored once: it is the draft now, not a pending add.
    expect(storedDrafts()).toEqual(['quorum.live.draft.innspill:i1']);
  });
});
