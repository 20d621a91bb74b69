// What a killed window left in the journal, settled when the window starts, before any screen
// shows the record (main.ts awaits it), so nothing waits for the user to happen to reopen a case:
//
// - an edit (case, duration, narrative, decision …) is written to the record, unless the record
//   already says the same (a case whose fields equal it: the kill came after its commit);
// - an add under way (an innspill or action point after Enter) is done, unless the core already
//   has it (more items of that text than when it was held);
// - a draft (a new innspill or action point not yet added) stays for its field, unless it equals
//   an item the core has (a copy of what was added);
// - what cannot be written stays journalled and is returned, for the notice that shows it.
import {
  addAction,
  addInnspill,
  addProposal,
  asUiError,
  getCase,
  listActions,
  listDisqualifications,
  listInnspill,
  listProposals,
  listVotes,
  raiseDisqualification,
  recordVote,
  type Case,
  type CaseInput,
} from '../api';
import { applyEdit, type Edit } from './edits';
import { journal } from './journal';
import { ADD_PREFIX, DRAFT_PREFIX, EDIT_PREFIX, type HeldAdd } from './saver.svelte';

/** A journal entry that could not be written: what it was, its text, and the core's message. */
export type Unwritten = { key: string; text: string; message: string };

function sameCase(c: Case, input: CaseInput): boolean {
  return (
    c.title === input.title &&
    c.case_type === input.case_type &&
    c.summary === input.summary &&
    (input.proposal === null || c.proposal === input.proposal) &&
    c.no_memo === input.no_memo &&
    c.owner === input.owner &&
    c.officer === input.officer &&
    (Object.keys(input.memo) as (keyof CaseInput['memo'])[]).every((k) => c.memo[k] === input.memo[k])
  );
}

/** The typed text of an edit, for the notice (so it can be copied if it cannot be written). */
function textOf(edit: Edit): string {
  switch (edit.kind) {
    case 'case':
      return [edit.input.title, edit.input.summary, edit.input.proposal ?? '', ...Object.values(edit.input.memo)]
        .filter((t) => t.trim() !== '')
        .join('\n\n');
    case 'exempt':
      return edit.basis;
    case 'item':
      return String(edit.update.duration_min ?? '');
    case 'action':
      return edit.input.text;
    default:
      return edit.text;
  }
}

async function settleEdit(edit: Edit): Promise<void> {
  if (edit.kind === 'case') {
    const c = await getCase(edit.caseId);
    if (sameCase(c, edit.input)) return;
  }
  await applyEdit(edit);
}

async function settleAdd(add: HeldAdd): Promise<void> {
  switch (add.kind) {
    case 'innspill': {
      const have = (await listInnspill(add.itemId)).filter((i) => i.text === add.text).length;
      if (have <= add.copies) await addInnspill(add.itemId, add.text);
      return;
    }
    case 'action': {
      const have = (await listActions(add.itemId)).filter((a) => a.text === add.input.text).length;
      if (have <= add.copies) await addAction(add.itemId, add.input);
      return;
    }
    case 'proposal': {
      const have = (await listProposals(add.caseId)).filter((p) => p.text === add.input.text.trim()).length;
      if (have <= add.copies) await addProposal(add.caseId, add.input);
      return;
    }
    case 'vote': {
      // A vote recorded without a quorum was confirmed before it was held.
      if ((await listVotes(add.caseId)).length <= add.copies) await recordVote(add.caseId, add.input);
      return;
    }
    case 'disqualification': {
      const have = (await listDisqualifications(add.caseId)).some((d) => d.person.id === add.personId);
      if (!have) await raiseDisqualification(add.caseId, add.personId, add.reason);
      return;
    }
  }
}

/** The typed text of a held add, for the notice. */
function addText(add: HeldAdd): string {
  switch (add.kind) {
    case 'innspill':
      return add.text;
    case 'action':
    case 'proposal':
      return add.input.text;
    case 'vote':
      return `${add.input.method} ${add.input.votes_for ?? ''}–${add.input.votes_against ?? ''}`.trim();
    case 'disqualification':
      return add.reason;
  }
}

/** A draft that equals an item the core has is a copy of what was added: dropped. */
async function isCopy(key: string, text: string): Promise<boolean> {
  const m = /^draft\/[^/]+\/(innspill|action):(.+)$/.exec(key);
  if (!m) return false;
  const t = text.trim();
  const items = m[1] === 'innspill' ? await listInnspill(m[2]) : await listActions(m[2]);
  return items.some((i) => i.text.trim() === t);
}

/**
 * Loads the journal and settles what it holds (see above). Returns what could not be written;
 * it stays in the journal until written or discarded.
 */
export async function replayJournal(): Promise<Unwritten[]> {
  await journal.load();
  const unwritten: Unwritten[] = [];
  // Adds first: an edit of an innspill refers to one that exists.
  for (const key of journal.keys(ADD_PREFIX)) {
    const add = journal.get<HeldAdd>(key);
    if (!add) continue;
    try {
      await settleAdd(add);
      await journal.drop(key);
    } catch (e) {
      unwritten.push({ key, text: addText(add), message: asUiError(e).message });
    }
  }
  for (const key of journal.keys(EDIT_PREFIX)) {
    const edit = journal.get<Edit>(key);
    if (!edit) continue;
    try {
      await settleEdit(edit);
      await journal.drop(key);
    } catch (e) {
      unwritten.push({ key, text: textOf(edit), message: asUiError(e).message });
    }
  }
  for (const key of journal.keys(DRAFT_PREFIX)) {
    const text = journal.get<string>(key) ?? '';
    try {
      if (text.trim() === '' || (await isCopy(key, text))) await journal.drop(key);
    } catch {
      // The draft stays for its field; nothing is written from it.
    }
  }
  return unwritten;
}

/** Forgets entries the user chose not to keep (the notice's "discard"). */
export async function discard(keys: string[]): Promise<void> {
  for (const k of keys) await journal.drop(k);
}
