// The case being edited: its fields as typed, saved through the one saver (journalled per case,
// so a window closed mid-word loses nothing and the case is written again when it is opened).
// Every field of the case goes in one edit (the core saves the case whole); the exemption is
// an edit of its own.
import type { Case, CaseInput, CaseType, UiError } from '../../api';
import { Saver, type SaveState } from '../../save/saver.svelte';

export type CaseForm = Omit<CaseInput, 'proposal'> & { proposal: string };

/** The memo's sections, in the order the memo shows them. */
export const MEMO_SECTIONS = ['purpose', 'background', 'questions', 'process'] as const;
export type MemoKey = (typeof MEMO_SECTIONS)[number];
export type TextKey = 'title' | 'summary' | 'proposal' | 'owner' | 'officer' | MemoKey;

/** The inputs a field error from the core can concern (the rest is shown above the form). */
const FIELDS: readonly string[] = ['title', 'case_type', 'summary', 'proposal', ...MEMO_SECTIONS, 'owner', 'officer'];

/** The pause in typing after which the case is written. */
export const CASE_SAVE_DELAY = 800;

function isMemoKey(key: TextKey): key is MemoKey {
  return (MEMO_SECTIONS as readonly string[]).includes(key);
}

export function formOf(c: Case): CaseForm {
  return {
    title: c.title,
    case_type: c.case_type,
    summary: c.summary,
    proposal: c.proposal,
    no_memo: c.no_memo,
    memo: { ...c.memo },
    owner: c.owner,
    officer: c.officer,
  };
}

export class CaseEditor {
  kase = $state<Case | null>(null);
  types = $state<CaseType[]>([]);
  form = $state<CaseForm>({
    title: '',
    case_type: '',
    summary: '',
    proposal: '',
    no_memo: false,
    memo: { purpose: '', background: '', questions: '', process: '' },
    owner: '',
    officer: '',
  });
  /** Whether nothing may be changed (approved minutes, a read-only archive). */
  locked = $state(false);
  readonly saver: Saver;
  /** The proposal as typed when "reset to the template" was asked, until the template is back. */
  private templateFor: string | null = null;

  constructor(
    readonly caseId: string,
    delay = CASE_SAVE_DELAY,
  ) {
    this.saver = new Saver(caseId, delay, 'case');
  }

  get caseKey(): string {
    return `case:${this.caseId}`;
  }

  get exemptKey(): string {
    return `exempt:${this.caseId}`;
  }

  /** The case as the core returned it. */
  loaded(c: Case, types: CaseType[]) {
    this.types = types;
    this.form = formOf(c);
    this.kase = c;
  }

  /** The proposal template of a case type, with the body's name filled in. */
  templateOf(typeName: string, bodyName: string): string {
    const t = this.types.find((x) => x.name === typeName)?.proposal_template ?? '';
    return t.replaceAll('{organ}', bodyName);
  }

  private input(): { input: CaseInput; fromTemplate: boolean } {
    const f = this.form;
    const fromTemplate = this.templateFor !== null && f.proposal === this.templateFor;
    return {
      input: {
        title: f.title,
        case_type: f.case_type,
        summary: f.summary,
        proposal: fromTemplate ? null : f.proposal,
        no_memo: f.no_memo,
        memo: { ...f.memo },
        owner: f.owner,
        officer: f.officer,
      },
      fromTemplate,
    };
  }

  private edit(now: boolean) {
    if (this.locked || !this.kase) return;
    const { input, fromTemplate } = this.input();
    const typed = this.form.proposal;
    const onsaved = (result: unknown) => {
      const c = result as Case;
      this.kase = c;
      // Typed text stays as it is; only a proposal the core filled in from the template comes back.
      if (fromTemplate && this.form.proposal === typed) {
        this.form.proposal = c.proposal;
        this.templateFor = null;
      }
    };
    const edit = { kind: 'case' as const, caseId: this.caseId, input };
    if (now) this.saver.now(edit, onsaved);
    else this.saver.edit(edit, onsaved);
  }

  /** A field changed: journalled at once, written when the typing pauses. */
  changed() {
    this.edit(false);
  }

  /** Written now (a choice made: the type, "no memo"). */
  saveNow() {
    this.edit(true);
  }

  /** Written now with the proposal the core makes from the case type's template. */
  resetProposal() {
    this.templateFor = this.form.proposal;
    this.edit(true);
  }

  /**
   * A field's value was committed (change event). Catches changes that come without input
   * events (e.g. a field cleared by an automation tool), then saves.
   */
  committed(e: Event, key: TextKey) {
    const value = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    let differs = false;
    if (isMemoKey(key)) {
      differs = this.form.memo[key] !== value;
      if (differs) this.form.memo[key] = value;
    } else {
      differs = this.form[key] !== value;
      if (differs) this.form[key] = value;
    }
    if (differs) this.edit(true);
    else this.leave();
  }

  /** The user left a field: write now what is waiting. */
  leave() {
    this.saver.flushKey(this.caseKey);
  }

  /** The core's refusal of the case's fields, by input. */
  get fieldErrors(): Record<string, string> {
    const u = this.saver.failure(this.caseKey);
    return u?.field && FIELDS.includes(u.field) ? { [u.field]: u.message } : {};
  }

  /** Failures not about one input, for the banner above the form. */
  get generalErrors(): UiError[] {
    const out: UiError[] = [];
    const c = this.saver.failure(this.caseKey);
    if (c && !(c.field && FIELDS.includes(c.field))) out.push(c);
    const x = this.saver.failure(this.exemptKey);
    if (x && x.field !== 'basis') out.push(x);
    return out;
  }

  /** What the save status in the corner shows. */
  get status(): Exclude<SaveState, 'pending'> {
    const s = this.saver.state();
    return s === 'pending' ? 'idle' : s;
  }
}
