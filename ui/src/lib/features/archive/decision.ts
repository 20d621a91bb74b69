// What a case's decision cell says, by the same rule as the decision register PDF
// (src/documents/register.rs): the decision ("Vedtak oppdatert" when it differs from the
// proposal); before the meeting has been held, the proposal; after it, "Ikke vedtatt"; and
// nothing for a case with nothing proposed ("Eventuelt").
import type { Case } from '../../api';
import { meetingStatus, type MeetingStatus } from '../../vocabulary';

export type DecisionView =
  | { kind: 'decision'; text: string }
  | { kind: 'amended'; text: string }
  | { kind: 'proposal'; text: string }
  | { kind: 'undecided' }
  | { kind: 'nothing' };

/** `status` is the status of the meeting that treats the case (null when not placed). */
export function decisionView(c: Pick<Case, 'decision' | 'amended' | 'proposal'>, status: MeetingStatus | null): DecisionView {
  if (c.decision !== null && c.decision.trim() !== '') {
    return c.amended ? { kind: 'amended', text: c.decision } : { kind: 'decision', text: c.decision };
  }
  if (c.proposal.trim() === '') return { kind: 'nothing' };
  const undecided = status === null || status === meetingStatus.draft || status === meetingStatus.agendaSent;
  return undecided ? { kind: 'proposal', text: c.proposal } : { kind: 'undecided' };
}
