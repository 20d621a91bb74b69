// How an agenda item is named and linked in the builder: its number (a continuation says so),
// its number and title together, and the case it opens.
import type { AgendaItem, ItemUpdate } from '../../api';
import { i18n } from '../../locale.svelte';
import { itemKind } from '../../vocabulary';

export function numberOf(it: AgendaItem): string {
  if (!it.case_number) return '';
  return it.kind === itemKind.continuation ? i18n.t('agenda.continued', { number: it.case_number }) : it.case_number;
}

export function nameOf(it: AgendaItem): string {
  const n = numberOf(it);
  return n ? `${n} ${it.title}` : it.title;
}

export function caseIdOf(it: AgendaItem): string | null {
  return it.kind === itemKind.case ? it.case_id : it.kind === itemKind.continuation ? it.continues_case_id : null;
}

/** Whether the item at `index` may pass its neighbour in direction `dir`. */
export function canPass(items: AgendaItem[], index: number, dir: -1 | 1, fixed: (it: AgendaItem) => boolean): boolean {
  const it = items[index];
  const other = items[index + dir];
  // Once sent, cases stay put; a break may still pass a case (the case order is unchanged).
  if (!it || !other || fixed(it)) return false;
  // A continuation stays after its case.
  if (dir === -1 && it.kind === itemKind.continuation && other.case_id === it.continues_case_id) return false;
  if (dir === 1 && it.kind === itemKind.case && other.kind === itemKind.continuation && other.continues_case_id === it.case_id)
    return false;
  return true;
}

/** The update that gives an item these fields and keeps the rest. */
export function itemUpdate(
  items: AgendaItem[],
  it: AgendaItem,
  duration: number,
  own: Partial<ItemUpdate> = {},
): ItemUpdate {
  let title = it.title;
  // A continuation without its own title shows its case's title; keep it that way.
  if (it.kind === itemKind.continuation) {
    const original = items.find((o) => o.case_id === it.continues_case_id);
    if (original && original.title === it.title) title = '';
  }
  return { title, case_type: it.case_type, guest: it.guest, summary: it.summary, duration_min: duration, ...own };
}
