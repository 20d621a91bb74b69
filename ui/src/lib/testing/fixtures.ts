// Test helpers: records as the core returns them, with the fields a test does not care about
// filled in.
import type { AgendaItem, Body, Meeting, Person } from '../api';
import { itemKind, meetingStatus, type ItemKind } from '../vocabulary';

/** A meeting (4/2025 unless told; year and sequence follow the number given). */
export function meeting(over: Partial<Meeting> = {}): Meeting {
  const number = over.number ?? '4/2025';
  const [seq, year] = number.split('/').map(Number);
  return {
    id: 'm4',
    body_id: 'b1',
    number,
    year,
    seq,
    extraordinary: false,
    date: '2025-12-11',
    start: '10:00',
    end: '16:00',
    place: 'Helsedirektoratet',
    remote: false,
    remote_link: '',
    status: meetingStatus.draft,
    approved_by_case_id: null,
    current_item_id: null,
    ...over,
  };
}

/** An agenda item; a case item gets a case id and the type given. */
export function agendaItem(
  id: string,
  meetingId: string,
  kind: ItemKind,
  title: string,
  duration: number,
  extra: Partial<AgendaItem> = {},
  caseType = 'Drøfting',
): AgendaItem {
  const isCase = kind === itemKind.case;
  return {
    id,
    meeting_id: meetingId,
    position: 0,
    kind,
    case_id: isCase ? `c-${id}` : null,
    case_number: null,
    continues_case_id: null,
    title,
    case_type: isCase ? caseType : '',
    guest: '',
    summary: '',
    no_memo: false,
    duration_min: duration,
    narrative: '',
    actual_start: null,
    ...extra,
  };
}

export function person(id: string, name: string, organisation = '', email = ''): Person {
  return { id, name, organisation, email };
}

/** A body (the national e-health council unless told). */
export function body(over: Partial<Body> = {}): Body {
  return {
    id: 'b1',
    short_name: 'E-helserådet',
    name: 'Nasjonalt e-helseråd',
    secretariat: 'Helsedirektoratet',
    default_place: 'Helsedirektoratet, Storo',
    language: 'nb',
    names: [{ name: 'Nasjonalt e-helseråd', valid_from: '1900-01-01' }],
    quorum_percent: null,
    signed_minutes: false,
    ...over,
  };
}
