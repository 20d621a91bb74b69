// Pure helpers of what the law asks the minutes to show: the quorum line, who put a proposal, a
// vote's counts from the groups, and a vote's result as Norwegian minutes write it.
import type { CaseQuorum, Party, Proposal, Vote, VoteInput, VoteResult, VoteSide, Voter } from '../../api';
import { i18n } from '../../locale.svelte';
import { voteMethod, voteResult, voteSide } from '../../vocabulary';

/** "Vedtaksført: 9 av 11 til stede, minst 6" (or that the body has no quorum rule). */
export function quorumLine(q: CaseQuorum): string {
  if (q.rule_percent === null) return i18n.t('council.quorum.noRule', { present: q.present, members: q.members });
  return i18n.t(q.quorate ? 'council.quorum.yes' : 'council.quorum.no', {
    present: q.present,
    members: q.members,
    needed: q.needed,
  });
}

/** "Forslag fra H v/ Kari Nordmann" (or "Innstillingen" for the case's own proposal). */
export function proposalLabel(p: Proposal | null): string {
  if (!p) return i18n.t('council.recommendation');
  if (p.party && p.person) return i18n.t('council.proposalFromBoth', { party: p.party.short_name, name: p.person.name });
  if (p.party) return i18n.t('council.proposalFrom', { who: p.party.short_name });
  return i18n.t('council.proposalFrom', { who: p.person?.name ?? '' });
}

export type Counts = { for: number; against: number; blank: number };

/** The counts a vote by group gives: each voter counted on the side of their group. */
export function countsFromGroups(voters: Voter[], sides: Record<string, VoteSide>): Counts & { missing: string[] } {
  const c = { for: 0, against: 0, blank: 0, missing: [] as string[] };
  for (const v of voters) {
    const side = v.party ? sides[v.party.id] : undefined;
    if (!side) {
      c.missing.push(v.person.name);
      continue;
    }
    if (side === voteSide.for) c.for++;
    else if (side === voteSide.against) c.against++;
    else c.blank++;
  }
  return c;
}

/** The counts of a named vote. */
export function countsFromBallots(ballots: Record<string, VoteSide>): Counts {
  const c = { for: 0, against: 0, blank: 0 };
  for (const side of Object.values(ballots)) {
    if (side === voteSide.for) c.for++;
    else if (side === voteSide.against) c.against++;
    else c.blank++;
  }
  return c;
}

/** The result the counts give; null on a tie (the chair's vote decides). */
export function resultOf(c: Counts): VoteResult | null {
  if (c.for > c.against) return voteResult.adopted;
  if (c.for < c.against) return voteResult.rejected;
  return null;
}

/** The groups of the body on one side, in the body's order: "H og FrP". */
function groupList(parties: Party[], sides: Array<[string, VoteSide]>, side: VoteSide): string {
  const names = parties.filter((p) => sides.some(([id, s]) => id === p.id && s === side)).map((p) => p.short_name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${i18n.t('council.and')} ${names[names.length - 1]}`;
}

/**
 * A vote as the minutes write it: "Enstemmig vedtatt.", "Innstillingen ble vedtatt med 7 mot 2
 * stemmer. H og FrP stemte mot.", "Forslaget fra H falt med 2 mot 7 stemmer."
 */
export function voteSentence(
  v: Pick<Vote, 'method' | 'votes_for' | 'votes_against' | 'votes_blank' | 'result'> & {
    groups: Array<[string, VoteSide]>;
  },
  proposal: Proposal | null,
  parties: Party[],
): string {
  const adopted = v.result === voteResult.adopted;
  if (v.method === voteMethod.unanimous) return i18n.t(adopted ? 'council.vote.unanimous' : 'council.vote.unanimousRejected');
  const what = proposal ? proposalLabel(proposal) : i18n.t('council.recommendation');
  const [a, b] = adopted ? [v.votes_for, v.votes_against] : [v.votes_against, v.votes_for];
  let s = i18n.t(adopted ? 'council.vote.adopted' : 'council.vote.rejected', { what, a, b });
  if (v.votes_blank > 0) s += ` ${i18n.t('council.vote.blank', { n: v.votes_blank })}`;
  const against = groupList(parties, v.groups, voteSide.against);
  const forSide = groupList(parties, v.groups, voteSide.for);
  // The minority is named, as minutes do ("H og FrP stemte mot").
  if (adopted && against) s += ` ${i18n.t('council.vote.groupsAgainst', { groups: against })}`;
  else if (!adopted && forSide) s += ` ${i18n.t('council.vote.groupsFor', { groups: forSide })}`;
  return s;
}

/** A recorded vote's sentence. */
export function recordedSentence(v: Vote, proposals: Proposal[], parties: Party[]): string {
  const p = v.proposal_id ? (proposals.find((x) => x.id === v.proposal_id) ?? null) : null;
  return voteSentence({ ...v, groups: v.groups.map((g) => [g.party.id, g.side]) }, p, parties);
}

/** An empty vote of `method` on `proposalId`. */
export function voteInput(method: VoteInput['method'], proposalId: string | null): VoteInput {
  return {
    proposal_id: proposalId,
    method,
    votes_for: null,
    votes_against: null,
    votes_blank: null,
    groups: [],
    ballots: [],
    result: null,
  };
}

/** The legal basis offered for a disqualification. */
export const DEFAULT_BASIS = 'fvl. § 6 første ledd bokstav a';
