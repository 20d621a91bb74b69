// What every inline form of the secretariat screens keeps: the core's messages beside their
// fields (by field id), a message for the form as a whole, the notice after a save, and whether
// a save is under way; and where the keyboard goes when a form opens, fails or closes.
import { tick } from 'svelte';
import { asUiError } from '../api';

export class FormState {
  /** The core's message per field id. */
  errors = $state<Record<string, string>>({});
  /** A message that belongs to no one field. */
  banner = $state<string | null>(null);
  /** What the last save did. */
  notice = $state<string | null>(null);
  saving = $state(false);

  /** Before a form opens: no messages left from before. */
  reset() {
    this.errors = {};
    this.banner = null;
    this.notice = null;
  }

  /** When a form closes: its messages go, the notice stays. */
  clearErrors() {
    this.errors = {};
    this.banner = null;
  }

  /**
   * Shows a failure beside its field (the core's field name mapped to the field's id, else
   * `fallback`) and puts the keyboard there, or in the banner.
   */
  fail(e: unknown, fields: Record<string, string> = {}, fallback: string | null = null) {
    const ui = asUiError(e);
    const id = (ui.field && fields[ui.field]) || fallback;
    this.errors = id ? { [id]: ui.message } : {};
    this.banner = id ? null : ui.message;
    if (id) document.getElementById(id)?.focus();
  }

  /** A message beside one field, with the keyboard there. */
  refuse(id: string, message: string) {
    this.errors = { [id]: message };
    document.getElementById(id)?.focus();
  }
}

/** Puts the keyboard on an element once the screen has drawn it. */
export async function focusAfterTick(id: string) {
  await tick();
  document.getElementById(id)?.focus();
}
