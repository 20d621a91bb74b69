// The agenda builder's durations, saved as they are typed through the one saver: what is typed
// per item until the core has it, what is wrong with it (not whole minutes, or the core's
// refusal), and the durations the live times are computed from.
import type { AgendaItem, ItemUpdate } from '../../api';
import { parseDuration } from '../../agendaTimes';
import { i18n } from '../../locale.svelte';
import type { Saver } from '../../save/saver.svelte';

/** The saver's key for an item's fields. */
export const itemKey = (id: string) => `item:${id}`;

export interface DurationHost {
  saver: () => Saver;
  /** The item as the core has it now. */
  item: (id: string) => AgendaItem | undefined;
  /** The update that gives the item this duration and keeps its other fields. */
  update: (it: AgendaItem, minutes: number) => ItemUpdate;
  /** The core saved a duration. */
  saved: (updated: AgendaItem) => Promise<void>;
}

export class DurationDrafts {
  /** Durations as typed, per item, until the core has them. */
  drafts = $state<Record<string, string>>({});
  /** Durations that are not whole minutes (the core's refusals are the saver's). */
  private invalid = $state<Record<string, string>>({});

  constructor(private readonly host: DurationHost) {}

  /** What the field shows. */
  text(it: AgendaItem): string {
    return this.drafts[it.id] ?? String(it.duration_min);
  }

  /** What is wrong with the duration typed for an item: not a number, or the core's refusal. */
  error(id: string): string | null {
    return this.invalid[id] ?? this.host.saver().error(itemKey(id));
  }

  /** The duration the times are computed from: what is being typed, where it is a number. */
  minutes(it: AgendaItem): number {
    const d = this.drafts[it.id];
    if (d === undefined || this.error(it.id)) return it.duration_min;
    return parseDuration(d) ?? it.duration_min;
  }

  /** The duration typed, else the core's: what an edit of the item's other fields carries. */
  typedOr(it: AgendaItem): { text: string | undefined; minutes: number } {
    const text = this.drafts[it.id];
    return { text, minutes: (text === undefined ? null : parseDuration(text)) ?? it.duration_min };
  }

  /** Forgets what was typed for an item, unless something newer was typed since `text`. */
  settle(id: string, text: string | undefined = this.drafts[id]) {
    if (this.drafts[id] === text) delete this.drafts[id];
  }

  input(id: string, value: string) {
    const saver = this.host.saver();
    this.drafts[id] = value;
    const minutes = parseDuration(value);
    const item = this.host.item(id);
    if (minutes === null || !item) {
      // Said on leaving the field; nothing is saved yet.
      saver.cancel(itemKey(id));
      return;
    }
    delete this.invalid[id];
    if (minutes === item.duration_min && !saver.error(itemKey(id))) {
      saver.cancel(itemKey(id));
      delete this.drafts[id];
      return;
    }
    saver.edit({ kind: 'item', itemId: id, update: this.host.update(item, minutes) }, async (result) => {
      this.settle(id, value);
      await this.host.saved(result as AgendaItem);
    });
  }

  /** The field changed (committed): as leaving it, with the value it has. */
  change(id: string, value: string) {
    this.drafts[id] = value;
    this.blur(id);
  }

  blur(id: string) {
    const text = this.drafts[id];
    if (text === undefined) return;
    if (parseDuration(text) === null) {
      this.invalid[id] = i18n.t('agenda.durationWhole');
      return;
    }
    // A text the core refused is not sent again on leaving the field.
    this.host.saver().flushKey(itemKey(id));
  }
}
