// Small pure helpers of the meeting record for the live screen and the minutes panel.
import type { ActionInput, ActionPoint, AgendaItem, Attendance, Correction, Membership } from '../../api';
import type { Due } from '../../bindings/Due';
import { dictionaries, type MessageKey } from '../../i18n';
import { i18n } from '../../locale.svelte';
import type { AttendanceStatus, Role } from '../../vocabulary';
import { attendanceStatus, entity, itemKind, role } from '../../vocabulary';

/** The message for a key built from data (a status, a kind), or `fallback` for a value unknown here. */
export function tOr(key: string, fallback: string): string {
  return key in dictionaries.nb ? i18n.t(key as MessageKey) : fallback;
}

/** The clock now as "HH:MM". */
export function clockNow(d: Date = new Date()): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The case an item records a decision for: its own, or the one it continues. */
export function caseOf(item: AgendaItem): string | null {
  return item.case_id ?? item.continues_case_id ?? null;
}

export function isBreak(item: AgendaItem): boolean {
  return item.kind === itemKind.break;
}

export function dueOf(a: ActionPoint): Due {
  if (a.due_next_meeting) return 'next_meeting';
  if (a.due_date) return { date: a.due_date };
  return 'none';
}

export function actionInput(a: ActionPoint): ActionInput {
  return { text: a.text, responsible: a.responsible, due: dueOf(a) };
}

/** The due as the form edits it: a kind and a date. */
export type DueKind = 'none' | 'next_meeting' | 'date';

export function dueKind(due: Due): DueKind {
  return typeof due === 'object' ? 'date' : due;
}

export function dueFrom(kind: DueKind, date: string): Due {
  if (kind === 'date') return date ? { date } : 'none';
  return kind;
}

/** The status "present" means for a member of this role. */
export function presentStatus(r: Role): AttendanceStatus {
  if (r === role.observer) return attendanceStatus.observer;
  if (r === role.secretary) return attendanceStatus.secretariat;
  return attendanceStatus.present;
}

export type AttendanceCounts = {
  present: number;
  absent: number;
  substitutes: number;
  others: number;
  unrecorded: number;
};

/** Counts for the header: who is there, who is not, who stands in, and who is not yet checked. */
export function attendanceCounts(attendance: Attendance[], members: Membership[]): AttendanceCounts {
  const of = (s: string) => attendance.filter((a) => a.status === s).length;
  const recorded = new Set(attendance.map((a) => a.person.id));
  return {
    present: of('present'),
    absent: of('absent'),
    substitutes: of('substitute'),
    others: of('observer') + of('secretariat') + of('guest'),
    unrecorded: members.filter((m) => !recorded.has(m.person.id)).length,
  };
}

/** "Name (Organisation)". */
export function withOrg(p: { name: string; organisation: string }): string {
  return p.organisation ? `${p.name} (${p.organisation})` : p.name;
}

/** A correction's time ("2025-12-11T10:07:00Z") in local time as "11.12.2025 11.07". */
export function correctionTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}.${p(d.getMinutes())}`;
}

/** The stored row of a correction's before/after, parsed (null when none or unreadable). */
export function correctionRow(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The item a correction concerns, where its row tells. */
export function correctionItemId(c: Correction): string | null {
  if (c.entity === entity.agendaItem) return c.entity_id;
  const row = correctionRow(c.before) ?? correctionRow(c.after);
  const id = row?.item_id;
  return typeof id === 'string' ? id : null;
}

/** Svelte action: a textarea that grows with its text (`_text` makes it refit when the text is set). */
export function autosize(node: HTMLTextAreaElement, _text?: string) {
  const fit = () => {
    node.style.height = 'auto';
    if (node.scrollHeight > 0) node.style.height = `${node.scrollHeight + 2}px`;
  };
  fit();
  // The bound value is set after the action starts: fit again once it is there.
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fit) : 0;
  node.addEventListener('input', fit);
  // Refit when the width changes (the window or the column was resized).
  let width = node.clientWidth;
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          if (node.clientWidth !== width) {
            width = node.clientWidth;
            fit();
          }
        })
      : null;
  observer?.observe(node);
  return {
    update: fit,
    destroy() {
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      node.removeEventListener('input', fit);
      observer?.disconnect();
    },
  };
}
