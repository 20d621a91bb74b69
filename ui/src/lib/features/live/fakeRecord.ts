// Test helper: a small in-memory meeting record behind the commands the live screen and the
// minutes panel use, recording every call. Rules it mirrors from the core: the decision is
// "amended" when it differs from the proposal, a substitute needs whom they stand in for, locked
// minutes refuse plain edits, approval needs a decided case of a later meeting.
import type {
  ActionPoint,
  AgendaItem,
  Attendance,
  AttendanceInput,
  Case,
  Correction,
  CorrectionEdit,
  Innspill,
  Meeting,
  Membership,
  Person,
} from '../../api';
import { uiError, type Call } from '../../testing/core';
import { agendaItem, meeting as baseMeeting, person } from '../../testing/fixtures';
import { meetingStatus, type ItemKind } from '../../vocabulary';

export type { Call } from '../../testing/core';
export { person } from '../../testing/fixtures';

export function meeting(id: string, extra: Partial<Meeting> = {}): Meeting {
  return baseMeeting({ id, end: '12:00', status: meetingStatus.agendaSent, ...extra });
}

export function item(id: string, meetingId: string, kind: ItemKind, title: string, duration: number, extra: Partial<AgendaItem> = {}): AgendaItem {
  return agendaItem(id, meetingId, kind, title, duration, extra, 'Beslutning');
}

export function fakeRecord() {
  const meetings: Meeting[] = [
    meeting('m3', { number: '3/2025', seq: 3, date: '2025-10-16', status: 'held' }),
    meeting('m4'),
  ];
  const items: AgendaItem[] = [
    item('i1', 'm4', 'case', 'Godkjenning av innkalling', 10, { case_number: '30/25', case_type: 'Godkjenning' }),
    item('i2', 'm4', 'break', 'Lunsj', 30),
    item('i3', 'm4', 'case', 'Strategi for e-helse', 45, { case_number: '31/25', case_type: 'Drøfting' }),
    item('i4', 'm4', 'open', 'Dagsaktuelt', 20),
    item('i5', 'm3', 'case', 'Nasjonal løsning', 30, { case_number: '25/25', case_type: 'Beslutning' }),
  ];
  items.forEach((it, i) => (it.position = i));
  const cases: Case[] = items
    .filter((i) => i.case_id)
    .map((i) => ({
      id: i.case_id!,
      body_id: 'b1',
      year: 2025,
      number: i.case_number,
      title: i.title,
      case_type: i.case_type,
      summary: '',
      proposal: i.id === 'i1' ? 'Innkallingen godkjennes.' : i.id === 'i3' ? 'Rådet slutter seg til strategien.' : 'Løsningen innføres.',
      no_memo: false,
      memo: { purpose: '', background: '', questions: '', process: '' },
      owner: '',
      officer: '',
      exempt: false,
      exempt_basis: '',
      decision: i.id === 'i5' ? 'Løsningen innføres.' : null,
      amended: false,
      meeting_id: i.meeting_id,
      item_id: i.id,
      attachments: [],
      links: [],
    }));
  const people: Person[] = [
    person('p1', 'Ørjan Andersen', 'Helse Vest RHF'),
    person('p2', 'Mariann Hornnes', 'Helsedirektoratet'),
    person('p3', 'Karen Lima', 'Helsedirektoratet'),
    person('p4', 'Johan Ronæs', 'Norsk Helsenett SF'),
  ];
  const memberships: Membership[] = [
    { id: 'ms1', person: people[0], role: 'leder', term_from: null, term_to: null, substitute: null, party: null },
    { id: 'ms2', person: people[1], role: 'medlem', term_from: null, term_to: null, substitute: null, party: null },
    { id: 'ms4', person: people[3], role: 'observator', term_from: null, term_to: null, substitute: null, party: null },
    { id: 'ms3', person: people[2], role: 'sekretar', term_from: null, term_to: null, substitute: null, party: null },
  ];
  const attendance = new Map<string, Attendance[]>();
  const innspill: Innspill[] = [];
  const actions: ActionPoint[] = [
    {
      id: 'a-old',
      item_id: 'i5',
      meeting_id: 'm3',
      meeting_number: '3/2025',
      case_number: '25/25',
      position: 0,
      text: 'Helse Sør-Øst presenterer MILA-prosjektet',
      responsible: 'Helse Sør-Øst RHF',
      due_date: null,
      due_next_meeting: true,
      status: 'open',
      status_note: '',
    },
  ];
  const corrections: Correction[] = [];
  const calls: Call[] = [];
  const failures = new Map<string, ReturnType<typeof uiError>>();
  let seq = 0;
  let correcting: string | null = null;

  const find = <T extends { id: string }>(list: T[], id: unknown): T => {
    const x = list.find((v) => v.id === id);
    if (!x) throw uiError(`not found: ${String(id)}`, null, 'not_found');
    return x;
  };
  const meetingOfItem = (itemId: string) => find(meetings, find(items, itemId).meeting_id);
  /** Refuses a change to locked minutes unless it is a correction, which it logs. */
  const guarded = (meetingId: string, entity: Correction['entity'], id: string, before: unknown, change: () => unknown) => {
    const m = find(meetings, meetingId);
    if (m.status !== 'approved') return change();
    if (!correcting) throw uiError(`Referatet for møte ${m.number} er godkjent og låst.`, null, 'locked');
    const result = change();
    corrections.push({
      id: `corr${++seq}`,
      at: '2026-01-20T09:30:00Z',
      meeting_id: meetingId,
      entity,
      entity_id: id,
      before: before == null ? null : JSON.stringify(before),
      after: JSON.stringify(result ?? null),
      reason: correcting,
    });
    return result;
  };
  const timetable = (meetingId: string) => {
    const m = find(meetings, meetingId);
    let [h, min] = m.start.split(':').map(Number);
    let t = h * 60 + min;
    const fmt = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
    const rows = items
      .filter((i) => i.meeting_id === meetingId)
      .map((i) => {
        const row = { item: { ...i }, start: fmt(t), end: fmt(t + i.duration_min) };
        t += i.duration_min;
        return row;
      });
    return { rows, end: m.end, overrun_min: 0, slack_min: 0 };
  };
  const setDecision = (caseId: string, text: string | null) => {
    const c = find(cases, caseId);
    return guarded(c.meeting_id!, 'case', c.id, { decision: c.decision }, () => {
      c.decision = text;
      c.amended = text !== null && text.trim() !== c.proposal.trim();
      return { ...c };
    }) as Case;
  };
  const setAtt = (meetingId: string, input: AttendanceInput) => {
    if (input.status === 'substitute' && !input.substitute_for) {
      throw uiError('Velg hvem stedfortrederen stiller for.', 'substitute_for');
    }
    const list = attendance.get(meetingId) ?? [];
    const old = list.find((a) => a.person.id === input.person_id);
    guarded(meetingId, 'attendance', old?.id ?? 'new', old ? { person_id: old.person.id, status: old.status } : null, () => {
      const rec: Attendance = {
        id: old?.id ?? `att${++seq}`,
        person: find(people, input.person_id),
        status: input.status,
        substitute_for: input.substitute_for ? find(people, input.substitute_for) : null,
        remote: input.remote,
        party: null,
      };
      attendance.set(meetingId, [...list.filter((a) => a.person.id !== input.person_id), rec]);
      return { person_id: rec.person.id, status: rec.status };
    });
    return attendance.get(meetingId) ?? [];
  };

  const commands: Record<string, (a: Record<string, unknown>) => unknown> = {
    // A body without groups or a quorum rule, whose minutes a later meeting approves.
    list_parties: () => [],
    list_proposals: () => [],
    list_votes: () => [],
    list_case_substitutes: () => [],
    list_disqualifications: () => [],
    list_presence_changes: () => [],
    possible_conflicts: () => [],
    get_quorum: () => [],
    get_signing: () => ({ required: false, signers: [], rounds: [] }),
    get_meeting: (a) => ({ ...find(meetings, a.id) }),
    list_meetings: (a) => meetings.filter((m) => m.body_id === a.bodyId).map((m) => ({ ...m })),
    get_timetable: (a) => timetable(a.meetingId as string),
    list_memberships: () => memberships,
    list_people: () => [...people],
    create_person: (a) => {
      const input = a.input as { name: string; organisation: string };
      if (!input.name.trim()) throw uiError('Skriv navnet.', 'name');
      const p = person(`p-new${++seq}`, input.name.trim(), input.organisation);
      people.push(p);
      return p;
    },
    list_attendance: (a) => attendance.get(a.meetingId as string) ?? [],
    set_attendance: (a) => setAtt(a.meetingId as string, a.input as AttendanceInput),
    remove_attendance: (a) => {
      const list = attendance.get(a.meetingId as string) ?? [];
      attendance.set(
        a.meetingId as string,
        list.filter((x) => x.person.id !== a.personId),
      );
      return attendance.get(a.meetingId as string);
    },
    open_actions: () => actions.filter((x) => x.meeting_id === 'm3' && x.status === 'open').map((x) => ({ ...x })),
    set_current_item: (a) => {
      const m = find(meetings, a.meetingId);
      m.current_item_id = (a.itemId as string | null) ?? null;
      return { ...m };
    },
    mark_item_started: (a) => {
      const it = find(items, a.itemId);
      if (!/^\d{2}:\d{2}$/.test(a.time as string)) throw uiError('Skriv klokkeslettet som 10:07.', 'start');
      it.actual_start = a.time as string;
      return { ...it };
    },
    get_item: (a) => ({ ...find(items, a.id) }),
    set_narrative: (a) => {
      const it = find(items, a.itemId);
      guarded(it.meeting_id, 'agenda_item', it.id, { narrative: it.narrative }, () => {
        it.narrative = a.text as string;
        return { narrative: it.narrative };
      });
      return null;
    },
    list_innspill: (a) => innspill.filter((x) => x.item_id === a.itemId).sort((x, y) => x.position - y.position),
    add_innspill: (a) => {
      const text = (a.text as string).trim();
      if (!text) throw uiError('Skriv teksten.', 'text');
      const m = meetingOfItem(a.itemId as string);
      return guarded(m.id, 'innspill', 'new', null, () => {
        const mine = innspill.filter((x) => x.item_id === a.itemId);
        const pos = (a.position as number | null) ?? mine.length;
        mine.filter((x) => x.position >= pos).forEach((x) => x.position++);
        const row: Innspill = { id: `inn${++seq}`, item_id: a.itemId as string, position: pos, text };
        innspill.push(row);
        return { ...row };
      });
    },
    update_innspill: (a) => {
      const row = find(innspill, a.id);
      return guarded(meetingOfItem(row.item_id).id, 'innspill', row.id, { ...row }, () => {
        row.text = a.text as string;
        return { ...row };
      });
    },
    remove_innspill: (a) => {
      const row = find(innspill, a.id);
      guarded(meetingOfItem(row.item_id).id, 'innspill', row.id, { ...row }, () => {
        innspill.splice(innspill.indexOf(row), 1);
        return null;
      });
      return null;
    },
    get_case: (a) => ({ ...find(cases, a.id) }),
    accept_proposal: (a) => setDecision(a.caseId as string, find(cases, a.caseId).proposal),
    record_decision: (a) => {
      if (!(a.text as string).trim()) throw uiError('Skriv vedtaket.', 'decision');
      return setDecision(a.caseId as string, a.text as string);
    },
    clear_decision: (a) => setDecision(a.caseId as string, null),
    list_actions: (a) => actions.filter((x) => x.item_id === a.itemId).map((x) => ({ ...x })),
    add_action: (a) => {
      const input = a.input as { text: string; responsible: string; due: unknown };
      if (!input.text.trim()) throw uiError('Skriv aksjonspunktet.', 'text');
      const it = find(items, a.itemId);
      const m = find(meetings, it.meeting_id);
      return guarded(m.id, 'action_point', 'new', null, () => {
        const due = input.due;
        const ap: ActionPoint = {
          id: `ap${++seq}`,
          item_id: it.id,
          meeting_id: m.id,
          meeting_number: m.number,
          case_number: it.case_number,
          position: actions.filter((x) => x.item_id === it.id).length,
          text: input.text,
          responsible: input.responsible,
          due_date: typeof due === 'object' && due ? (due as { date: string }).date : null,
          due_next_meeting: due === 'next_meeting',
          status: 'open',
          status_note: '',
        };
        actions.push(ap);
        return { ...ap };
      });
    },
    update_action: (a) => {
      const ap = find(actions, a.id);
      const input = a.input as { text: string; responsible: string; due: unknown };
      return guarded(ap.meeting_id, 'action_point', ap.id, { text: ap.text }, () => {
        ap.text = input.text;
        ap.responsible = input.responsible;
        ap.due_next_meeting = input.due === 'next_meeting';
        ap.due_date = typeof input.due === 'object' && input.due ? (input.due as { date: string }).date : null;
        return { ...ap };
      });
    },
    remove_action: (a) => {
      const ap = find(actions, a.id);
      actions.splice(actions.indexOf(ap), 1);
      return null;
    },
    set_action_status: (a) => {
      if (a.status === 'cancelled' && !(a.note as string).trim()) throw uiError('Skriv hvorfor aksjonspunktet utgår.', 'note');
      const ap = find(actions, a.id);
      ap.status = a.status as ActionPoint['status'];
      ap.status_note = a.note as string;
      return { ...ap };
    },
    preview_document: () => new TextEncoder().encode('%PDF-1.4 not really').buffer,
    list_corrections: (a) => corrections.filter((c) => c.meeting_id === a.meetingId),
    approve_minutes: (a) => {
      const m = find(meetings, a.meetingId);
      const c = find(cases, a.caseId);
      const by = find(meetings, c.meeting_id);
      if (by.date <= m.date || c.decision === null) {
        throw uiError(
          'Referatet må godkjennes i en sak i et senere møte i samme organ, og vedtaket i den saken må være registrert.',
          null,
          'state',
        );
      }
      m.status = 'approved';
      m.approved_by_case_id = c.id;
      return { ...m };
    },
    correct: (a) => {
      const reason = (a.reason as string).trim();
      if (!reason) throw uiError('Skriv begrunnelsen.', 'reason');
      const edit = a.edit as CorrectionEdit;
      correcting = reason;
      try {
        switch (edit.kind) {
          case 'decision':
            return void commands.record_decision({ caseId: edit.case_id, text: edit.text });
          case 'narrative':
            return void commands.set_narrative({ itemId: edit.item_id, text: edit.text });
          case 'innspill':
            return void commands.update_innspill({ id: edit.id, text: edit.text });
          case 'add_innspill':
            return void commands.add_innspill({ itemId: edit.item_id, text: edit.text, position: null });
          case 'remove_innspill':
            return void commands.remove_innspill({ id: edit.id });
          case 'attendance':
            return void commands.set_attendance({ meetingId: edit.meeting_id, input: edit.input });
          case 'action':
            return void commands.update_action({ id: edit.id, input: edit.input });
          case 'add_action':
            return void commands.add_action({ itemId: edit.item_id, input: edit.input });
        }
      } finally {
        correcting = null;
      }
    },
  };

  return {
    calls,
    meetings,
    items,
    cases,
    innspill,
    actions,
    attendance,
    corrections,
    /** Makes the next call of `cmd` fail with this message. */
    failOnce: (cmd: string, message: string, field: string | null = null) => failures.set(cmd, uiError(message, field)),
    /** Calls of one command, in order. */
    callsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd),
    handler: (cmd: string, args: unknown) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      const failure = failures.get(cmd);
      if (failure) {
        failures.delete(cmd);
        throw failure;
      }
      const run = commands[cmd];
      if (!run) throw new Error(`unexpected command ${cmd}`);
      return run(a);
    },
  };
}
