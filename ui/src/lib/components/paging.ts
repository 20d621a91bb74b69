// Paging helpers shared by the lists that grow with the archive's age (action points, search
// hits, the meetings by year).
import { tick } from 'svelte';
import type { Locale } from '../i18n';

/** How many rows a paged list asks for at a time. */
export const PAGE_SIZE = 50;

/** A count as the locale writes it ("2 641" in bokmål). */
export function count(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB');
}

/** `next` appended to `shown`, without rows already shown (a row keyed twice breaks the list). */
export function appendNew<T extends { id: string }>(shown: T[], next: T[]): T[] {
  const seen = new Set(shown.map((x) => x.id));
  return [...shown, ...next.filter((x) => !seen.has(x.id))];
}

/**
 * After more rows were drawn: focus the first focusable control of row `index` among the
 * elements `selector` finds in `root`, else the row itself (made focusable for it).
 */
export async function focusFirstNew(root: ParentNode | null | undefined, selector: string, index: number) {
  await tick();
  const row = root?.querySelectorAll<HTMLElement>(selector)[index];
  if (!row) return;
  const control = row.querySelector<HTMLElement>('button, a[href], input, select, textarea');
  if (control) control.focus();
  else {
    if (!row.hasAttribute('tabindex')) row.setAttribute('tabindex', '-1');
    row.focus();
  }
}
