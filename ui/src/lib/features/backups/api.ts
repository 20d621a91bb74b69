// Typed wrappers over the backup and recovery commands (src-tauri/src/commands/backups.rs).
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { BackupInfo } from '../../bindings/BackupInfo';
import type { BackupKind } from '../../bindings/BackupKind';
import type { BackupList } from '../../bindings/BackupList';
import type { OpenProblem } from '../../bindings/OpenProblem';
import type { OpenProblemKind } from '../../bindings/OpenProblemKind';
import type { RestoreResult } from '../../bindings/RestoreResult';

export type { BackupInfo, BackupKind, BackupList, OpenProblem, OpenProblemKind, RestoreResult };

/** The own record's backups, each checked, newest first. */
export const listBackups = () => invoke<BackupList>('list_backups');
/** A checked backup of the open record, taken now. */
export const makeBackup = () => invoke<BackupInfo>('make_backup');
/** Replaces the record by one of its listed backups; the current one is kept as a backup. */
export const restoreBackup = (path: string) => invoke<RestoreResult>('restore_backup', { path });
/** Calls `handler` when the day's and the week's backups taken in the background are done. */
export const onScheduledBackups = (handler: () => void): Promise<UnlistenFn> =>
  listen('scheduled-backups', () => handler());
/** Why the record could not be opened at start; null when it is open. */
export const openProblem = () => invoke<OpenProblem | null>('open_problem');
/** Ends the program. */
export const quitApp = () => invoke<void>('quit');
