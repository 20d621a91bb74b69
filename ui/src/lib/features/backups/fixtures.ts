// A backup as the core lists it, for the tests of this folder.
import type { BackupInfo } from './api';

export function backup(over: Partial<BackupInfo> = {}): BackupInfo {
  return {
    path: '/data/backups/quorum-2026-12-01.quorum',
    file_name: 'quorum-2026-12-01.quorum',
    kind: 'daily',
    taken: '2026-12-01T09:05:12',
    size: 245_760,
    verified: true,
    problem: null,
    ...over,
  };
}
