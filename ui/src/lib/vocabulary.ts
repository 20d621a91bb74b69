// The record's vocabularies, named by the bindings' own union types (MeetingStatus = "draft" | …),
// with typed lists and single values: compare against these (`meeting.status ===
// meetingStatus.approved`), never against a string written out, so a value the core renames is
// caught by the type checker.
import type { ActionPoint, AgendaItem, Attendance, Meeting, Membership, UiError } from './api';
import type { Entity as BoundEntity } from './bindings/Entity';
import type { Lang as BoundLang } from './bindings/Lang';
import type { SearchField as BoundSearchField } from './bindings/SearchField';
import type { Impartiality as BoundImpartiality } from './bindings/Impartiality';
import type { PresenceKind as BoundPresenceKind } from './bindings/PresenceKind';
import type { Verdict as BoundVerdict } from './bindings/Verdict';
import type { VoteMethod as BoundVoteMethod } from './bindings/VoteMethod';
import type { VoteResult as BoundVoteResult } from './bindings/VoteResult';
import type { VoteSide as BoundVoteSide } from './bindings/VoteSide';

export type MeetingStatus = Meeting['status'];
export type ItemKind = AgendaItem['kind'];
export type Role = Membership['role'];
export type AttendanceStatus = Attendance['status'];
export type ActionStatus = ActionPoint['status'];
export type Lang = BoundLang;
export type ErrorKind = UiError['kind'];
export type Entity = BoundEntity;
export type SearchField = BoundSearchField;
export type VoteMethod = BoundVoteMethod;
export type VoteSide = BoundVoteSide;
export type VoteResult = BoundVoteResult;
export type Impartiality = BoundImpartiality;
export type PresenceKind = BoundPresenceKind;
export type Verdict = BoundVerdict;

/** The kinds of agenda item, in the order the agenda builder offers them. */
export const ITEM_KINDS = ['case', 'break', 'open', 'orientation', 'continuation'] as const satisfies readonly ItemKind[];

/** Roles in a body, in the order they are listed. */
export const ROLES = ['leder', 'nestleder', 'medlem', 'observator', 'sekretar'] as const satisfies readonly Role[];

/** A meeting's states, in the order it passes them. */
export const MEETING_STATUSES = ['draft', 'agenda_sent', 'held', 'approved'] as const satisfies readonly MeetingStatus[];

/** The fields a search hit can be found in. */
export const SEARCH_FIELDS = ['title', 'summary', 'proposal', 'decision', 'narrative', 'innspill', 'action'] as const satisfies readonly SearchField[];

// Single values, for comparisons: `meeting.status === meetingStatus.approved`.
export const meetingStatus = {
  draft: 'draft',
  agendaSent: 'agenda_sent',
  held: 'held',
  approved: 'approved',
} as const satisfies Record<string, MeetingStatus>;

export const itemKind = {
  case: 'case',
  break: 'break',
  open: 'open',
  orientation: 'orientation',
  continuation: 'continuation',
} as const satisfies Record<string, ItemKind>;

export const role = {
  chair: 'leder',
  deputy: 'nestleder',
  member: 'medlem',
  observer: 'observator',
  secretary: 'sekretar',
} as const satisfies Record<string, Role>;

export const attendanceStatus = {
  present: 'present',
  absent: 'absent',
  substitute: 'substitute',
  observer: 'observer',
  secretariat: 'secretariat',
  guest: 'guest',
} as const satisfies Record<string, AttendanceStatus>;

export const actionStatus = {
  open: 'open',
  done: 'done',
  cancelled: 'cancelled',
} as const satisfies Record<string, ActionStatus>;

export const entity = {
  meeting: 'meeting',
  agendaItem: 'agenda_item',
  case: 'case',
  attendance: 'attendance',
  innspill: 'innspill',
  actionPoint: 'action_point',
} as const satisfies Record<string, Entity>;

export const lang = {
  nb: 'nb',
  en: 'en',
} as const satisfies Record<string, Lang>;

export const errorKind = {
  invalid: 'invalid',
  notFound: 'not_found',
  locked: 'locked',
  agendaSent: 'agenda_sent',
  duplicate: 'duplicate',
  readOnly: 'read_only',
  state: 'state',
  notQuorate: 'not_quorate',
  signingUnderway: 'signing_underway',
  io: 'io',
  file: 'file',
  document: 'document',
  internal: 'internal',
} as const satisfies Record<string, ErrorKind>;

export const voteMethod = {
  unanimous: 'unanimous',
  counts: 'counts',
  groups: 'groups',
  named: 'named',
} as const satisfies Record<string, VoteMethod>;

/** A side in a vote, in the order a ballot offers them (Ja, Nei, Blankt). */
export const VOTE_SIDES = ['for', 'against', 'blank'] as const satisfies readonly VoteSide[];

export const voteSide = {
  for: 'for',
  against: 'against',
  blank: 'blank',
} as const satisfies Record<string, VoteSide>;

export const voteResult = {
  adopted: 'adopted',
  rejected: 'rejected',
} as const satisfies Record<string, VoteResult>;

export const impartiality = {
  raised: 'raised',
  disqualified: 'disqualified',
  qualified: 'qualified',
} as const satisfies Record<string, Impartiality>;

export const presenceKind = {
  arrived: 'arrived',
  left: 'left',
} as const satisfies Record<string, PresenceKind>;

export const verdict = {
  signed: 'signed',
  refused: 'refused',
} as const satisfies Record<string, Verdict>;
