// What the archive screen remembers while the user looks at a case, opens it in the case editor
// and comes back: the open tab, the search and its filters, the register year and the action
// filter. Kept for the session (module state), not across restarts.

export type ArchiveTab = 'search' | 'register' | 'actions';
export const ARCHIVE_TABS: readonly ArchiveTab[] = ['search', 'register', 'actions'];

export const archiveState = $state({
  tab: 'search' as ArchiveTab,
  /** The search text as typed. */
  query: '',
  /** A body's short name ("NUIT"), or '' for all bodies. */
  body: '',
  /** A year ("2025"), or '' for all years. */
  year: '',
  /** A case type name ("Drøfting"), or '' for all. */
  caseType: '',
  /** The register's year; null until the body's years are known. */
  registerYear: null as number | null,
  actionsFilter: 'open' as 'open' | 'all',
  /** A year ("2025") for "all" action points, or '' for every year. */
  actionsYear: '',
});

/** Back to the first visit's state (tests). */
export function resetArchiveState() {
  archiveState.tab = 'search';
  archiveState.query = '';
  archiveState.body = '';
  archiveState.year = '';
  archiveState.caseType = '';
  archiveState.registerYear = null;
  archiveState.actionsFilter = 'open';
  archiveState.actionsYear = '';
}
