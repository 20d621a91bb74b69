// What the saver can write: each edit is plain data (so it can be journalled in localStorage and
// written again after a restart), has a key (a field of one thing; a newer edit of the same key
// replaces an older one) and one typed API call that writes it.
import {
  clearDecision,
  recordDecision,
  setExempt,
  setNarrative,
  updateAction,
  updateCase,
  updateInnspill,
  updateItem,
  type ActionInput,
  type CaseInput,
  type ItemUpdate,
} from '../api';

export type Edit =
  // Live mode.
  | { kind: 'narrative'; itemId: string; text: string }
  /** An empty text clears the decision. */
  | { kind: 'decision'; caseId: string; text: string }
  | { kind: 'innspill'; id: string; text: string }
  | { kind: 'action'; id: string; input: ActionInput }
  // The case editor: every field of the case at once (a null proposal: the type's template).
  | { kind: 'case'; caseId: string; input: CaseInput }
  | { kind: 'exempt'; caseId: string; exempt: boolean; basis: string }
  // The agenda builder: an item's own fields, e.g. its duration.
  | { kind: 'item'; itemId: string; update: ItemUpdate };

export type EditKind = Edit['kind'];

export function editKey(edit: Edit): string {
  switch (edit.kind) {
    case 'narrative':
      return `narrative:${edit.itemId}`;
    case 'decision':
      return `decision:${edit.caseId}`;
    case 'innspill':
      return `innspill:${edit.id}`;
    case 'action':
      return `action:${edit.id}`;
    case 'case':
      return `case:${edit.caseId}`;
    case 'exempt':
      return `exempt:${edit.caseId}`;
    case 'item':
      return `item:${edit.itemId}`;
  }
}

/** Writes one edit through the typed API. */
export function applyEdit(edit: Edit): Promise<unknown> {
  switch (edit.kind) {
    case 'narrative':
      return setNarrative(edit.itemId, edit.text);
    case 'decision':
      return edit.text.trim() === '' ? clearDecision(edit.caseId) : recordDecision(edit.caseId, edit.text);
    case 'innspill':
      return updateInnspill(edit.id, edit.text);
    case 'action':
      return updateAction(edit.id, edit.input);
    case 'case':
      return updateCase(edit.caseId, edit.input);
    case 'exempt':
      return setExempt(edit.caseId, edit.exempt, edit.basis);
    case 'item':
      return updateItem(edit.itemId, edit.update);
  }
}
