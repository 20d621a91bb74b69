import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import RecoveryScreen from './RecoveryScreen.svelte';
import App from '../../../App.svelte';
import { appInfo, mockCore } from '../../testing/core';
import { body } from '../../testing/fixtures';
import type { BackupList, OpenProblem, RestoreResult } from './api';
import { backup } from './fixtures';

const DAMAGED: OpenProblem = {
  kind: 'damaged',
  path: '/home/sekretær/quorum.db',
  message: 'Filen er ikke en Quorum-registerfil … «quorum restore».',
};

const list: BackupList = {
  folder: '/home/sekretær/backups',
  automatic_problem: null,
  automatic_running: false,
  backups: [
    backup({ path: '/b/quorum-before-restore-2026-12-01-101500.quorum', kind: 'before_restore', taken: '2026-12-01T10:15:00', verified: false, problem: 'skadet' }),
    backup({ path: '/b/quorum-2026-12-01.quorum' }),
  ],
};

describe('the recovery screen', () => {
  it('says what is wrong in plain words, names the file and offers the latest good backup', async () => {
    const calls = mockCore((cmd) => {
      if (cmd === 'list_backups') return list;
      if (cmd === 'restore_backup') return { from: '/b/quorum-2026-12-01.quorum', kept: '/b/k', info: appInfo() } satisfies RestoreResult;
      throw new Error(cmd);
    });
    const restored: RestoreResult[] = [];
    render(RecoveryScreen, { problem: DAMAGED, onrestored: (r: RestoreResult) => restored.push(r) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Registeret kan ikke åpnes');
    expect(screen.getByTestId('recovery-explanation').textContent).toContain('skadet');
    expect(screen.getByTestId('recovery-path').textContent).toBe('/home/sekretær/quorum.db');
    // The core's message for a damaged file points to the command line; not shown here.
    expect(screen.queryByTestId('recovery-message')).toBeNull();

    const latest = await screen.findByTestId('recovery-latest');
    expect(latest.textContent).toContain('1. desember 2026 kl. 09.05 (daglig, 246 kB)');
    await fireEvent.click(screen.getByTestId('recovery-restore'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Den skadde filen slettes ikke');
    expect(calls.some((c) => c.cmd === 'restore_backup')).toBe(false);
    await fireEvent.click(within(dialog).getByTestId('confirm-ok'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === 'restore_backup')?.args).toEqual({ path: '/b/quorum-2026-12-01.quorum' });
    expect(restored).toHaveLength(1);
  });

  it('says when no backup is sound, and lets the user quit', async () => {
    const calls = mockCore((cmd) => {
      if (cmd === 'list_backups') return { ...list, backups: [list.backups[0]] };
      if (cmd === 'quit') return null;
      throw new Error(cmd);
    });
    render(RecoveryScreen, { problem: DAMAGED, onrestored: () => {} });
    expect((await screen.findByTestId('recovery-none')).textContent).toContain('/home/sekretær/backups');
    expect(screen.queryByTestId('recovery-restore')).toBeNull();
    await fireEvent.click(screen.getByTestId('recovery-quit'));
    expect(calls.some((c) => c.cmd === 'quit')).toBe(true);
  });

  it('offers no restore over a folder, and shows the core’s advice', async () => {
    const calls = mockCore(() => {
      throw new Error('no command expected');
    });
    render(RecoveryScreen, {
      problem: { kind: 'folder', path: '/home/sekretær', message: '«/home/sekretær» er en mappe, ikke en registerfil.' },
      onrestored: () => {},
    });
    expect(screen.getByTestId('recovery-explanation').textContent).toContain('mappe');
    expect(screen.getByTestId('recovery-message').textContent).toContain('er en mappe');
    expect(screen.queryByTestId('recovery-restore')).toBeNull();
    expect(calls.some((c) => c.cmd === 'list_backups')).toBe(false);
  });

  it('the window opens on it when the record cannot be opened, and on the record once restored', async () => {
    let problem: OpenProblem | null = DAMAGED;
    mockCore((cmd, args) => {
      if (cmd === 'open_problem') return problem;
      if (cmd === 'set_language') return appInfo({ lang: args.lang as 'nb' | 'en' });
      if (cmd === 'list_backups') return list;
      if (cmd === 'restore_backup') {
        problem = null;
        return { from: '/b/quorum-2026-12-01.quorum', kept: '/b/k', info: appInfo() };
      }
      if (cmd === 'app_info') return appInfo();
      if (cmd === 'list_bodies') return [body({ id: 'b1', name: 'E-helserådet' })];
      return [];
    });
    render(App);
    expect(await screen.findByTestId('recovery-screen')).toBeTruthy();
    // Nothing of the record's screens is offered while it is not open.
    expect(screen.queryByTestId('nav-meetings')).toBeNull();
    await fireEvent.click(await screen.findByTestId('recovery-restore'));
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('nav-meetings')).toBeTruthy();
    expect(screen.queryByTestId('recovery-screen')).toBeNull();
  });
});
