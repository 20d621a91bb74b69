// What live mode knows of one case beyond its decision: who takes part and whether the body can
// decide (the quorum), the proposals and votes, substitutes for the case, questions of
// impartiality, and the attendance changes of the meeting. Shared by the item's panels, which
// refresh it after each change; `decide` is the one way a decision or vote is recorded, so that
// none is recorded silently where the body cannot decide.
import {
  asUiError,
  decideWithoutQuorum,
  getQuorum,
  listCaseSubstitutes,
  listDisqualifications,
  listParties,
  listPresenceChanges,
  listProposals,
  listVotes,
  possibleConflicts,
  type CaseQuorum,
  type CaseSubstitute,
  type Disqualification,
  type Party,
  type PossibleConflict,
  type PresenceChange,
  type Proposal,
  type Vote,
} from '../../api';
import { errorKind } from '../../vocabulary';

/** What the warning before a decision in a case that is not quorate names. */
export type QuorumAsk = { caseNumber: string; present: number; members: number; needed: number };

export class CaseRecord {
  quorum = $state<CaseQuorum | null>(null);
  proposals = $state<Proposal[]>([]);
  votes = $state<Vote[]>([]);
  substitutes = $state<CaseSubstitute[]>([]);
  disqualifications = $state<Disqualification[]>([]);
  conflicts = $state<PossibleConflict[]>([]);
  presence = $state<PresenceChange[]>([]);
  parties = $state<Party[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  /** The warning shown before a decision where the body is not quorate (null: none). */
  ask = $state<QuorumAsk | null>(null);
  private waiting: { action: () => Promise<void>; done: (ok: boolean) => void } | null = null;

  constructor(
    readonly meetingId: string,
    readonly bodyId: string,
    readonly caseId: string,
  ) {}

  async load(): Promise<void> {
    try {
      const [parties, proposals, votes, subs, dq, presence] = await Promise.all([
        listParties(this.bodyId),
        listProposals(this.caseId),
        listVotes(this.caseId),
        listCaseSubstitutes(this.caseId),
        listDisqualifications(this.caseId),
        listPresenceChanges(this.meetingId),
      ]);
      this.parties = parties;
      this.proposals = proposals;
      this.votes = votes;
      this.substitutes = subs;
      this.disqualifications = dq;
      this.presence = presence;
      await this.refreshQuorum();
      this.loaded = true;
    } catch (e) {
      this.error = asUiError(e).message;
    }
  }

  /** The quorum and the hints of impartiality, read again (after a change of who takes part). */
  async refreshQuorum(): Promise<void> {
    const [all, conflicts] = await Promise.all([getQuorum(this.meetingId), possibleConflicts(this.caseId)]);
    this.quorum = all.find((q) => q.case_id === this.caseId) ?? null;
    this.conflicts = conflicts;
  }

  async refreshPeople(): Promise<void> {
    const [subs, dq, presence] = await Promise.all([
      listCaseSubstitutes(this.caseId),
      listDisqualifications(this.caseId),
      listPresenceChanges(this.meetingId),
    ]);
    this.substitutes = subs;
    this.disqualifications = dq;
    this.presence = presence;
    await this.refreshQuorum();
  }

  /**
   * Records a decision or a vote (`action`). Where the body is not quorate in the case, the
   * warning is shown first and `action` runs only once it is confirmed (after the core is told
   * that the decision is recorded without a quorum). Resolves true when `action` ran; its
   * failure rejects.
   */
  async decide(action: () => Promise<void>): Promise<boolean> {
    try {
      await this.refreshQuorum();
    } catch {
      // The core checks again when the decision is recorded.
    }
    const q = this.quorum;
    if (q && !q.quorate) return this.warn(q, action);
    try {
      await action();
      return true;
    } catch (e) {
      // The attendance changed meanwhile: the core refused; warn now.
      if (asUiError(e).kind !== errorKind.notQuorate) throw e;
      await this.refreshQuorum();
      if (!this.quorum) throw e;
      return this.warn(this.quorum, action);
    }
  }

  private warn(q: CaseQuorum, action: () => Promise<void>): Promise<boolean> {
    this.waiting?.done(false);
    this.ask = { caseNumber: q.case_number, present: q.present, members: q.members, needed: q.needed };
    return new Promise<boolean>((resolve, reject) => {
      this.waiting = {
        action: async () => {
          try {
            await decideWithoutQuorum(this.caseId, true);
            await action();
            resolve(true);
          } catch (e) {
            reject(e);
          }
        },
        done: resolve,
      };
    });
  }

  /** The warning was confirmed: record the decision anyway. */
  async confirmed(): Promise<void> {
    const w = this.waiting;
    this.waiting = null;
    this.ask = null;
    await w?.action();
  }

  /** The warning was closed without confirming: nothing is recorded. */
  cancelled(): void {
    const w = this.waiting;
    this.waiting = null;
    this.ask = null;
    w?.done(false);
  }
}
