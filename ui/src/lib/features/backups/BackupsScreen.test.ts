import { describe, expect, it } from 'vitest';
import { emit } from '@tauri-apps/api/event';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import BackupsScreen from './BackupsScreen.svelte';
import { app } from '../../context.svelte';
import { appInfo, mockCore, uiError, withAppContext } from '../../testing/core';
import { body } from '../../testing/fixtures';
import type { BackupInfo, BackupList } from './api';
import { backup } from './fixtures';

const FOLDER = '/home/sekretær/møter/backups';

function core(initial: BackupInfo[], problem: string | null = null) {
  let backups = [...initial];
  let bodies = [body({ id: 'b1', name: 'E-helserådet' })];
  const calls = mockCore(
    withAppContext(appInfo(), () => bodies, (cmd, args) => {
      if (cmd === 'list_backups') return { folder: FOLDER, backups, automatic_problem: problem, automatic_running: false } satisfies BackupList;
      if (cmd === 'make_backup') {
        const made = backup({ path: `${FOLDER}/quorum-2026-12-01-101500.quorum`, file_name: 'quorum-2026-12-01-101500.quorum', kind: 'manual', taken: '2026-12-01T10:15:00' });
        backups = [made, ...backups];
        return made;
      }
      if (cmd === 'restore_backup') {
        const kept = backup({ path: `${FOLDER}/quorum-before-restore-2026-12-01-103000.quorum`, file_name: 'quorum-before-restore-2026-12-01-103000.quorum', kind: 'before_restore', taken: '2026-12-01T10:30:00' });
        backups = [kept, ...backups];
        bodies = [body({ id: 'b2', name: 'Gjenopprettet råd' })];
        return { from: args.path, kept: kept.path, info: appInfo() };
      }
      throw new Error(`unexpected command ${cmd}`);
    }),
  );
  return calls;
}

describe('the backups screen', () => {
  it('lists each backup with when, kind, size and whether it passed its check', async () => {
    core([
      backup(),
      backup({ path: '/b/w', file_name: 'quorum-weekly-2026-11-30.quorum', kind: 'weekly', taken: '2026-11-30T08:00:00', verified: false, problem: 'Filen er skadet.' }),
    ]);
    render(BackupsScreen);
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('1. desember 2026 kl. 09.05');
    expect(rows[0].textContent).toContain('Daglig');
    expect(rows[0].textContent).toContain('246 kB');
    expect(rows[0].textContent).toContain('Ja');
    expect(rows[1].textContent).toContain('Ukentlig');
    expect(rows[1].textContent).toContain('Nei, kan ikke brukes');
    expect(rows[1].textContent).toContain('Filen er skadet.');
    // Only a checked backup can be restored.
    expect(within(rows[0]).queryByTestId('backup-restore')).not.toBeNull();
    expect(within(rows[1]).queryByTestId('backup-restore')).toBeNull();
    expect(screen.getByText(new RegExp(FOLDER))).toBeTruthy();
  });

  it('takes a backup now and lists it', async () => {
    const calls = core([backup()]);
    render(BackupsScreen);
    await screen.findAllByTestId('backup-row');
    await fireEvent.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('backups-notice')).textContent).toContain('quorum-2026-12-01-101500.quorum');
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(2));
    expect(screen.getAllByTestId('backup-row')[0].textContent).toContain('Tatt for hånd');
    expect(calls.filter((c) => c.cmd === 'make_backup')).toHaveLength(1);
  });

  it('restores only after a confirmation that says the current record is kept', async () => {
    const calls = core([backup()]);
    await app.refresh();
    render(BackupsScreen);
    const [row] = await screen.findAllByTestId('backup-row');
    const button = within(row).getByTestId('backup-restore');
    expect(button.getAttribute('aria-label')).toBe('Gjenopprett sikkerhetskopien fra 1. desember 2026 kl. 09.05');
    await fireEvent.click(button);
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('1. desember 2026 kl. 09.05 (daglig)');
    expect(dialog.textContent).toContain('tas først vare på som en egen sikkerhetskopi');
    expect(calls.some((c) => c.cmd === 'restore_backup')).toBe(false);

    // Cancelling restores nothing.
    await fireEvent.click(within(dialog).getByText('Avbryt'));
    expect(calls.some((c) => c.cmd === 'restore_backup')).toBe(false);

    await fireEvent.click(button);
    await fireEvent.click(within(dialog).getByTestId('confirm-ok'));
    const notice = await screen.findByTestId('backups-notice');
    expect(notice.textContent).toContain('gjenopprettet fra quorum-2026-12-01.quorum');
    expect(notice.textContent).toContain('quorum-before-restore-2026-12-01-103000.quorum');
    expect(calls.find((c) => c.cmd === 'restore_backup')?.args).toEqual({ path: '/data/backups/quorum-2026-12-01.quorum' });
    // The window's context now holds the restored record's bodies.
    expect(app.bodies.map((b) => b.name)).toEqual(['Gjenopprettet råd']);
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(2));
  });

  it('shows the core’s refusal of a restore', async () => {
    mockCore(
      withAppContext(appInfo(), () => [], (cmd) => {
        if (cmd === 'list_backups') return { folder: FOLDER, backups: [backup()], automatic_problem: null, automatic_running: false } satisfies BackupList;
        if (cmd === 'restore_backup') throw uiError('Registeret er åpent i et annet program.', null, 'file');
        throw new Error(cmd);
      }),
    );
    render(BackupsScreen);
    await fireEvent.click(await screen.findByTestId('backup-restore'));
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    expect((await screen.findByTestId('error-banner')).textContent).toBe('Registeret er åpent i et annet program.');
  });

  it('tells when the automatic backup at opening failed', async () => {
    core([], 'Sikkerhetskopien «/b/quorum-2026-12-01.quorum» kunne ikke skrives.');
    render(BackupsScreen);
    const warning = await screen.findByTestId('backups-automatic-problem');
    expect(warning.textContent).toContain('Den automatiske sikkerhetskopien');
    expect(warning.textContent).toContain('kunne ikke skrives');
  });

  it('says nothing of the automatic backup when it was taken', async () => {
    core([backup()]);
    render(BackupsScreen);
    await screen.findAllByTestId('backup-row');
    expect(screen.queryByTestId('backups-automatic-problem')).toBeNull();
  });

  it('says so while the day’s backup is taken in the background, and lists it when it is done', async () => {
    let running = true;
    let backups: BackupInfo[] = [];
    const calls = mockCore(
      withAppContext(appInfo(), () => [], (cmd) => {
        if (cmd === 'list_backups')
          return { folder: FOLDER, backups, automatic_problem: null, automatic_running: running } satisfies BackupList;
        throw new Error(cmd);
      }),
      { shouldMockEvents: true },
    );
    render(BackupsScreen);
    expect((await screen.findByTestId('backups-automatic-running')).textContent).toContain('tas nå');
    running = false;
    backups = [backup()];
    await emit('scheduled-backups', null);
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(1);
    expect(screen.queryByTestId('backups-automatic-running')).toBeNull();
    expect(calls.filter((c) => c.cmd === 'list_backups')).toHaveLength(2);
  });

  it('says so when there are no backups yet', async () => {
    core([]);
    render(BackupsScreen);
    expect((await screen.findByTestId('backups-empty')).textContent).toContain('ingen sikkerhetskopier');
  });
});
