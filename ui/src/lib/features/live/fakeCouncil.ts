// Test helpers: the core behind a kommunestyre's case in live mode — parties, voters and the
// quorum, proposals and votes, substitutes, questions of impartiality and attendance changes —
// kept in memory and changed by the commands as the core would (simply).
import type {
  Case,
  CaseQuorum,
  CaseSubstitute,
  Disqualification,
  Party,
  Person,
  PresenceChange,
  Proposal,
  ProposalInput,
  Vote,
  VoteInput,
  Voter,
} from '../../api';
import { agendaItem, person } from '../../testing/fixtures';
import { mockCore, uiError, type Call } from '../../testing/core';

export const H: Party = { id: 'g-h', body_id: 'b1', name: 'Høyre', short_name: 'H' };
export const AP: Party = { id: 'g-ap', body_id: 'b1', name: 'Arbeiderpartiet', short_name: 'Ap' };
export const FRP: Party = { id: 'g-frp', body_id: 'b1', name: 'Fremskrittspartiet', short_name: 'FrP' };

/** Eleven members: 6 Ap, 3 H, 2 FrP; the first (Ap) chairs. */
export const MEMBERS: Array<{ p: Person; party: Party }> = [
  ...['Anne Aas', 'Bjørn Berg', 'Cecilie Dahl', 'Dag Eide', 'Eva Fosse', 'Finn Gran'].map((n, i) => ({ p: person(`ap${i}`, n), party: AP })),
  ...['Kari Nordmann', 'Lars Lie', 'Mona Moe'].map((n, i) => ({ p: person(`h${i}`, n), party: H })),
  ...['Nils Nes', 'Ola Os'].map((n, i) => ({ p: person(`frp${i}`, n), party: FRP })),
];

export const ITEM = agendaItem('i5', 'm1', 'case', 'Ny idrettshall', 30, { case_number: '5/26', position: 4 });
export const CASE_ID = 'c-i5';

export function fakeCouncil(over: { present?: number; rule?: number | null } = {}) {
  let present = MEMBERS.slice(0, over.present ?? 9);
  const rule = over.rule === undefined ? 50 : over.rule;
  const caseRow: Case = {
    id: CASE_ID,
    body_id: 'b1',
    year: 2026,
    number: '5/26',
    title: 'Ny idrettshall',
    case_type: 'Beslutning',
    summary: 'Testvik Idrettslag søker om tilskudd.',
    proposal: 'Kommunestyret bevilger 2 mill. kroner.',
    no_memo: false,
    memo: { purpose: '', background: '', questions: '', process: '' },
    owner: '',
    officer: '',
    exempt: false,
    exempt_basis: '',
    decision: null,
    amended: false,
    meeting_id: 'm1',
    item_id: 'i5',
    attachments: [],
    links: [],
  };
  const state = {
    case: caseRow,
    proposals: [] as Proposal[],
    votes: [] as Vote[],
    substitutes: [] as CaseSubstitute[],
    disqualifications: [] as Disqualification[],
    presence: [] as PresenceChange[],
    allowed: false,
    conflicts: [] as Array<{ person: Person; position: { id: string; person_id: string; organisation: string; role: string; since: string | null; until: string | null } }>,
  };
  let next = 0;

  function voters(): Voter[] {
    const out = new Set(state.disqualifications.filter((d) => d.outcome === 'disqualified').map((d) => d.person.id));
    const list: Voter[] = present
      .filter((m) => !out.has(m.p.id))
      .filter((m) => !state.presence.some((c) => c.person.id === m.p.id && c.kind === 'arrived'))
      .map((m, i) => ({ person: m.p, party: m.party, substitute_for: null, chairs: i === 0 }));
    for (const s of state.substitutes) {
      const seat = MEMBERS.find((m) => m.p.id === s.substitute_for.id);
      list.push({ person: s.person, party: seat?.party ?? null, substitute_for: s.substitute_for, chairs: false });
    }
    return list;
  }

  function quorum(): CaseQuorum {
    const v = voters();
    const needed = rule === null ? 0 : Math.ceil((MEMBERS.length * rule) / 100);
    return {
      case_id: CASE_ID,
      item_id: 'i5',
      case_number: '5/26',
      members: MEMBERS.length,
      rule_percent: rule,
      present: v.length,
      needed,
      quorate: rule === null || v.length >= needed,
      voters: v,
    };
  }

  const calls: Call[] = mockCore((cmd, a) => {
    switch (cmd) {
      case 'get_item':
        return ITEM;
      case 'get_case':
        return { ...state.case };
      case 'list_innspill':
      case 'list_actions':
        return [];
      case 'list_parties':
        return [AP, H, FRP];
      case 'list_proposals':
        return state.proposals;
      case 'list_votes':
        return state.votes;
      case 'list_case_substitutes':
        return state.substitutes;
      case 'list_disqualifications':
        return state.disqualifications;
      case 'list_presence_changes':
        return state.presence;
      case 'get_quorum':
        return [quorum()];
      case 'possible_conflicts':
        return state.conflicts;
      case 'decide_without_quorum':
        state.allowed = a.allow as boolean;
        return null;
      case 'accept_proposal':
      case 'record_decision': {
        if (!quorum().quorate && !state.allowed) throw uiError('Organet er ikke vedtaksført i sak 5/26.', null, 'not_quorate');
        state.case.decision = cmd === 'accept_proposal' ? state.case.proposal : (a.text as string);
        return { ...state.case };
      }
      case 'add_proposal': {
        const input = a.input as ProposalInput;
        const p: Proposal = {
          id: `pr${++next}`,
          case_id: CASE_ID,
          text: input.text,
          party: [AP, H, FRP].find((g) => g.id === input.party_id) ?? null,
          person: MEMBERS.find((m) => m.p.id === input.person_id)?.p ?? null,
        };
        state.proposals.push(p);
        return p;
      }
      case 'record_vote': {
        if (!quorum().quorate && !state.allowed) throw uiError('Organet er ikke vedtaksført i sak 5/26.', null, 'not_quorate');
        const input = a.input as VoteInput;
        const v = voters();
        let [f, g, b] = [input.votes_for ?? 0, input.votes_against ?? 0, input.votes_blank ?? 0];
        if (input.method === 'unanimous') [f, g, b] = [v.length, 0, 0];
        if (input.method === 'named') {
          f = input.ballots.filter(([, s]) => s === 'for').length;
          g = input.ballots.filter(([, s]) => s === 'against').length;
          b = input.ballots.filter(([, s]) => s === 'blank').length;
        }
        if (input.method === 'groups') {
          const side = (p: Party | null) => input.groups.find(([id]) => id === p?.id)?.[1];
          f = v.filter((x) => side(x.party) === 'for').length;
          g = v.filter((x) => side(x.party) === 'against').length;
          b = v.filter((x) => side(x.party) === 'blank').length;
        }
        const result = input.result ?? (f >= g ? 'adopted' : 'rejected');
        const vote: Vote = {
          id: `v${++next}`,
          case_id: CASE_ID,
          proposal_id: input.proposal_id,
          method: input.method,
          votes_for: f,
          votes_against: g,
          votes_blank: b,
          result,
          groups: input.groups.map(([id, side]) => ({ party: [AP, H, FRP].find((p) => p.id === id)!, side })),
          ballots: input.ballots.map(([id, side]) => ({ person: MEMBERS.find((m) => m.p.id === id)!.p, party: null, side })),
        };
        state.votes.push(vote);
        if (result === 'adopted') {
          state.case.decision = input.proposal_id ? state.proposals.find((p) => p.id === input.proposal_id)!.text : state.case.proposal;
        }
        return vote;
      }
      case 'raise_disqualification': {
        const d: Disqualification = {
          id: `dq${++next}`,
          case_id: CASE_ID,
          person: MEMBERS.find((m) => m.p.id === a.personId)!.p,
          basis: '',
          reason: a.reason as string,
          outcome: 'raised',
          votes_for: null,
          votes_against: null,
        };
        state.disqualifications.push(d);
        return d;
      }
      case 'decide_disqualification': {
        const d = state.disqualifications.find((x) => x.id === a.id)!;
        const decision = a.decision as { outcome: Disqualification['outcome']; basis: string; votes: [number, number] | null };
        d.outcome = decision.outcome;
        d.basis = decision.basis;
        d.votes_for = decision.votes?.[0] ?? null;
        d.votes_against = decision.votes?.[1] ?? null;
        return { ...d };
      }
      case 'add_case_substitute': {
        const s: CaseSubstitute = {
          id: `cs${++next}`,
          case_id: CASE_ID,
          person: person(a.personId as string, 'Vara Varasen'),
          substitute_for: MEMBERS.find((m) => m.p.id === a.substituteFor)!.p,
        };
        state.substitutes.push(s);
        return s;
      }
      case 'set_presence_change': {
        state.presence = state.presence.filter((c) => !(c.person.id === a.personId && c.kind === a.kind));
        if (a.itemId) {
          state.presence.push({
            id: `pc${++next}`,
            meeting_id: 'm1',
            person: MEMBERS.find((m) => m.p.id === a.personId)!.p,
            kind: a.kind as PresenceChange['kind'],
            item_id: a.itemId as string,
            case_number: '5/26',
          });
        }
        return state.presence;
      }
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });

  return {
    calls,
    state,
    callsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd),
    setPresent(n: number) {
      present = MEMBERS.slice(0, n);
    },
  };
}
