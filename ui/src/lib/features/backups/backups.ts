// What the backup screens show of a backup: when, which kind, how big, and which one the
// recovery screen offers.
import type { Locale, MessageKey } from '../../i18n';
import { longDate } from '../../format';
import { lang } from '../../vocabulary';
import type { BackupInfo, BackupKind, OpenProblemKind } from './api';

/** The newest backup that passed its check just now (the list comes newest first). */
export function latestGood(backups: readonly BackupInfo[]): BackupInfo | null {
  return backups.find((b) => b.verified) ?? null;
}

/** "2026-12-01T10:15:30" → "1. desember 2026 kl. 10.15" (or "1 December 2026 at 10:15"). */
export function takenText(taken: string, locale: Locale): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(taken);
  if (!m) return taken;
  const [, day, h, min] = m;
  const date = longDate(day, locale);
  return locale === lang.nb ? `${date} kl. ${h}.${min}` : `${date} at ${h}:${min}`;
}

/** A size as a person reads it: bytes, kB or MB (powers of 1000), with the locale's decimal sign. */
export function sizeText(bytes: number, locale: Locale, t: (key: MessageKey, p: Record<string, string | number>) => string): string {
  const decimal = (n: number) => (locale === lang.nb ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  if (bytes < 1000) return t('backups.size.bytes', { n: bytes });
  if (bytes < 1_000_000) return t('backups.size.kb', { n: Math.round(bytes / 1000) });
  return t('backups.size.mb', { n: decimal(bytes / 1_000_000) });
}

const KIND_KEYS: Record<BackupKind, MessageKey> = {
  daily: 'backups.kind.daily',
  weekly: 'backups.kind.weekly',
  before_upgrade: 'backups.kind.before_upgrade',
  before_restore: 'backups.kind.before_restore',
  manual: 'backups.kind.manual',
};

export function kindKey(kind: BackupKind): MessageKey {
  return KIND_KEYS[kind];
}

const PROBLEM_KEYS: Record<OpenProblemKind, MessageKey> = {
  damaged: 'recovery.damaged',
  newer: 'recovery.newer',
  folder: 'recovery.folder',
  other: 'recovery.other',
};

/** The plain explanation of why the record cannot be opened. */
export function problemKey(kind: OpenProblemKind): MessageKey {
  return PROBLEM_KEYS[kind];
}

/** Whether a backup can replace the file (not a folder, and not when the trouble is elsewhere). */
export function restorable(kind: OpenProblemKind): boolean {
  return kind === 'damaged' || kind === 'newer';
}

/**
 * Whether the core's own message adds something to the plain explanation: the schema numbers of
 * a newer file, the folder's example path, the cause of another failure. A damaged file's message
 * points to the command line, which this screen replaces.
 */
export function showsDetails(kind: OpenProblemKind): boolean {
  return kind !== 'damaged';
}
