import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import UnwrittenNotice from './UnwrittenNotice.svelte';
import { freshJournal, type MemoryStore } from './journal';
import { replayJournal } from './replay';

let disk: MemoryStore;
beforeEach(() => {
  disk = freshJournal();
});

describe('UnwrittenNotice', () => {
  it('shows what the start could not write, with its text, and keeps it until discarded', async () => {
    mockIPC((cmd) => {
      if (cmd === 'set_narrative') throw { message: 'Referatet er godkjent og kan ikke endres.', field: null, kind: 'locked' };
      return null;
    });
    disk.entries.set('edit/live/m1/narrative:i1', { kind: 'narrative', itemId: 'i1', text: 'Skrevet like før krasjet' });
    const unwritten = await replayJournal();
    render(UnwrittenNotice, { unwritten });
    const notice = screen.getByTestId('unwritten-notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('Referatet er godkjent og kan ikke endres.');
    expect((notice.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Skrevet like før krasjet');
    expect(disk.entries.size).toBe(1);
    await fireEvent.click(screen.getByTestId('unwritten-discard'));
    await waitFor(() => expect(screen.queryByTestId('unwritten-notice')).toBeNull());
    expect(disk.entries.size).toBe(0);
  });

  it('tries again and keeps showing what still cannot be written', async () => {
    mockIPC(() => {
      throw { message: 'Registeret er ikke åpnet.', field: null, kind: 'file' };
    });
    disk.entries.set('edit/agenda/m1/item:a', {
      kind: 'item',
      itemId: 'a',
      update: { title: 'Sak', case_type: '', guest: '', summary: '', duration_min: 45 },
    });
    render(UnwrittenNotice, { unwritten: await replayJournal() });
    await fireEvent.click(screen.getByTestId('unwritten-retry'));
    await waitFor(() => expect(screen.getByTestId('unwritten-retry').hasAttribute('disabled')).toBe(false));
    expect(screen.getAllByTestId('unwritten-item')).toHaveLength(1);
    expect(screen.getByTestId('unwritten-notice').textContent).toContain('Registeret er ikke åpnet.');
    expect(disk.entries.size).toBe(1);
  });
});
