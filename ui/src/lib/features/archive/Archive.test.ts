import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import ArchiveScreen from './ArchiveScreen.svelte';
import { app } from '../../context.svelte';
import { router } from '../../router.svelte';
import type { ActionPoint, AppInfo, Body, Case, CaseLink, Meeting, SearchHit, Timetable } from '../../api';
import type { AgendaItem } from '../../bindings/AgendaItem';
import { snippetParts, HIT_END, HIT_START } from './snippet';
import { decisionView } from './decision';
import { resetArchiveState, archiveState } from './state.svelte';
import { appInfo, mockCore, type Call, type Handler } from '../../testing/core';
import { meeting as baseMeeting } from '../../testing/fixtures';


const INFO: AppInfo = appInfo({ version: '1.0.0', export_dir: '/tmp/eksport' });

const BODIES: Body[] = [
  { id: 'b-ehr', short_name: 'e-helseråd', name: 'Nasjonalt e-helseråd', secretariat: '', default_place: '', language: 'nb', names: [], quorum_percent: null, signed_minutes: false },
  { id: 'b-nuit', short_name: 'NUIT', name: 'NUIT', secretariat: '', default_place: '', language: 'nb', names: [], quorum_percent: null, signed_minutes: false },
];

function meeting(id: string, number: string, date: string, status: Meeting['status'], bodyId = 'b-ehr'): Meeting {
  return baseMeeting({ id, body_id: bodyId, number, date, status });
}

function kase(id: string, number: string | null, title: string, over: Partial<Case> = {}): Case {
  return {
    id,
    body_id: 'b-ehr',
    year: 2025,
    number,
    title,
    case_type: 'Drøfting',
    summary: '',
    proposal: '',
    no_memo: false,
    memo: {} as Case['memo'],
    owner: '',
    officer: '',
    exempt: false,
    exempt_basis: '',
    decision: null,
    amended: false,
    meeting_id: null,
    item_id: null,
    attachments: [],
    links: [],
    ...over,
  };
}

function item(id: string, kind: AgendaItem['kind'], caseId: string | null, title = ''): AgendaItem {
  return {
    id,
    meeting_id: 'm',
    position: 0,
    kind,
    case_id: caseId,
    case_number: null,
    continues_case_id: null,
    title,
    case_type: '',
    guest: '',
    summary: '',
    no_memo: false,
    duration_min: 10,
    narrative: '',
    actual_start: null,
  };
}

function hit(over: Partial<SearchHit> = {}): SearchHit {
  return {
    item_id: 'i-32',
    case_id: 'c-32',
    meeting_id: 'm-4',
    case_number: '32/25',
    body: 'e-helseråd',
    meeting_number: '3/2025',
    meeting_date: '2025-10-16',
    title: 'Helseteknologiordningen',
    case_type: 'Drøfting',
    field: 'summary',
    snippet: `Status for ${HIT_START}MILA${HIT_END}-prosjektet`,
    decision: 'Rådet tar saken til orientering.',
    exempt: false,
    ...over,
  };
}

/** The core's answer to `action_page` over `list` (the body's action points in their order). */
function pageOf(list: ActionPoint[], args: Record<string, unknown>) {
  const matching = args.openOnly ? list.filter((a) => a.status === 'open') : list;
  const offset = Number(args.offset);
  return { total: matching.length, actions: matching.slice(offset, offset + Number(args.limit)) };
}

/** Meeting years as the core counts them, newest first. */
function yearsOf(ms: Meeting[]) {
  const counts = new Map<number, number>();
  for (const m of ms) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([year, meetings]) => ({ year, meetings }));
}

/** Mocks the core: the app context's commands plus `extra`; records every call. */
function core(extra: Handler, options?: { shouldMockEvents?: boolean }): Call[] {
  return mockCore((cmd, a) => {
    const out = extra(cmd, a);
    if (out !== undefined) return out;
    if (cmd === 'app_info' || cmd === 'set_language') return INFO;
    if (cmd === 'list_bodies') return BODIES;
    if (cmd === 'list_meetings') return [];
    if (cmd === 'meeting_years') return [];
    if (cmd === 'list_case_types') return [];
    throw new Error(`unexpected command ${cmd}`);
  }, options);
}

async function start(readOnly = false) {
  await app.refresh();
  app.setInfo({ ...INFO, read_only: readOnly });
  app.bodyId = 'b-ehr';
}

beforeEach(() => {
  resetArchiveState();
  app.setInfo({ ...INFO });
});

describe('snippets', () => {
  it('splits on the hit markers and keeps everything else as text', () => {
    expect(snippetParts(`a ${HIT_START}MILA${HIT_END} b ${HIT_START}x${HIT_END}`)).toEqual([
      { text: 'a ', hit: false },
      { text: 'MILA', hit: true },
      { text: ' b ', hit: false },
      { text: 'x', hit: true },
    ]);
    expect(snippetParts('ingen treff')).toEqual([{ text: 'ingen treff', hit: false }]);
    expect(snippetParts(`${HIT_END}løs${HIT_START}`)).toEqual([{ text: 'løs', hit: false }]);
  });

  it('decides what a decision cell shows like the register PDF', () => {
    expect(decisionView({ decision: 'V', amended: true, proposal: 'F' }, 'held')).toEqual({ kind: 'amended', text: 'V' });
    expect(decisionView({ decision: 'V', amended: false, proposal: 'V' }, 'held')).toEqual({ kind: 'decision', text: 'V' });
    expect(decisionView({ decision: null, amended: false, proposal: 'F' }, 'agenda_sent')).toEqual({ kind: 'proposal', text: 'F' });
    expect(decisionView({ decision: null, amended: false, proposal: 'F' }, 'held')).toEqual({ kind: 'undecided' });
    expect(decisionView({ decision: null, amended: false, proposal: ' ' }, 'held')).toEqual({ kind: 'nothing' });
  });
});

describe('search', () => {
  it('shows an empty state before anything is typed', async () => {
    core(() => undefined);
    await start();
    render(ArchiveScreen, {});
    expect(screen.getByTestId('search-empty').textContent).toContain('Søk i tidligere saker og vedtak');
    expect(screen.queryByTestId('search-hit')).toBeNull();
  });

  it('marks hits as text and never renders HTML from titles or snippets', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    core((cmd) =>
      cmd === 'search'
        ? [hit({ title: hostile, snippet: `før ${HIT_START}${hostile}${HIT_END} etter ${HIT_START}MILA${HIT_END}`, decision: hostile, exempt: true })]
        : undefined,
    );
    await start();
    const { container } = render(ArchiveScreen, {});
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'img' } });
    const result = await screen.findByTestId('search-hit', {}, { timeout: 2000 });
    expect(result.dataset.case).toBe('32/25');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('search-hit-title').textContent).toBe(hostile);
    const snippet = screen.getByTestId('search-snippet');
    const marks = snippet.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual([hostile, 'MILA']);
    expect(snippet.textContent).toBe(`før ${hostile} etter MILA`);
    // Every mark holds exactly one text node.
    for (const m of marks) expect([...m.childNodes].every((n) => n.nodeType === Node.TEXT_NODE)).toBe(true);
    expect(within(result).getByText('Unntatt offentlighet')).toBeTruthy();
    expect(within(result).getByTestId('search-hit-field').textContent).toBe('Treff i Sammendrag');
    expect(within(result).getByText('16. oktober 2025')).toBeTruthy();
    expect(within(result).getByText('Møte 3/2025')).toBeTruthy();
  });

  it('passes the query and the filters to the search command', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'search') return [];
      if (cmd === 'meeting_years') return args.bodyId === 'b-nuit' ? [{ year: 2025, meetings: 1 }] : [{ year: 2024, meetings: 1 }];
      if (cmd === 'list_case_types') return [{ id: 't1', name: 'Drøfting', proposal_template: '' }, { id: 't2', name: 'Orientering', proposal_template: '' }];
      return undefined;
    });
    await start();
    render(ArchiveScreen, {});
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'journal' } });
    await waitFor(() => expect(calls.some((c) => c.cmd === 'search')).toBe(true), { timeout: 2000 });
    expect(calls.filter((c) => c.cmd === 'search').at(-1)!.args.query).toEqual({
      text: 'journal',
      body: null,
      year: null,
      case_type: null,
      limit: 25,
    });
    await waitFor(() => expect(screen.getByTestId('search-year').querySelectorAll('option').length).toBe(3));
    await fireEvent.change(screen.getByTestId('search-body'), { target: { value: 'NUIT' } });
    await fireEvent.change(screen.getByTestId('search-year'), { target: { value: '2025' } });
    await fireEvent.change(screen.getByTestId('search-type'), { target: { value: 'Orientering' } });
    await waitFor(
      () =>
        expect(calls.filter((c) => c.cmd === 'search').at(-1)!.args.query).toEqual({
          text: 'journal',
          body: 'NUIT',
          year: 2025,
          case_type: 'Orientering',
          limit: 25,
        }),
      { timeout: 2000 },
    );
    // With NUIT chosen, only NUIT's years are offered.
    const years = [...screen.getByTestId('search-year').querySelectorAll('option')].map((o) => o.value);
    expect(years).toEqual(['', '2025']);
    expect(await screen.findByTestId('search-none')).toHaveProperty('textContent', expect.stringContaining('med disse avgrensningene'));
  });

  it('debounces typing into one search', async () => {
    const calls = core((cmd) => (cmd === 'search' ? [hit()] : undefined));
    await start();
    render(ArchiveScreen, {});
    const input = screen.getByTestId('search-input');
    for (const v of ['M', 'MI', 'MIL', 'MILA']) await fireEvent.input(input, { target: { value: v } });
    await screen.findByTestId('search-hit', {}, { timeout: 2000 });
    const searches = calls.filter((c) => c.cmd === 'search');
    expect(searches).toHaveLength(1);
    expect((searches[0].args.query as { text: string }).text).toBe('MILA');
  });
});

describe('a case and its history', () => {
  const earlier: CaseLink = {
    id: 'l-1',
    target_case_id: 'c-40',
    number: '40/25',
    body: 'NUIT',
    date: '2025-11-20',
    title: 'Strategiske indikatorer',
    decision: 'NUIT anbefaler indikatorene.',
    exempt: false,
  };
  const later: CaseLink = {
    id: 'later-c-7',
    target_case_id: 'c-7',
    number: '7/26',
    body: 'e-helseråd',
    date: '2026-03-12',
    title: 'Indikatorene vedtas',
    decision: 'Rådet vedtar indikatorene.',
    exempt: false,
  };
  const handler: Handler = (cmd, args) => {
    if (cmd === 'get_case')
      return args.id === 'c-32'
        ? kase('c-32', '32/25', 'Nasjonal e-helsestrategi', {
            meeting_id: 'm-4',
            decision: 'Rådet slutter seg til indikatorene med endringer.',
            amended: true,
            proposal: 'Rådet slutter seg til indikatorene.',
            links: [earlier],
          })
        : kase(String(args.id), '7/26', 'Indikatorene vedtas');
    if (cmd === 'get_meeting') return meeting('m-4', '4/2025', '2025-12-11', 'held');
    if (cmd === 'case_history') return args.caseId === 'c-32' ? [earlier, later] : [];
    return undefined;
  };

  it('shows the case, its decision and the earlier and later treatments; entries can be followed', async () => {
    core(handler);
    await start();
    render(ArchiveScreen, { caseId: 'c-32' });
    const title = await screen.findByTestId('case-view-title');
    expect(title.textContent).toContain('32/25');
    expect(title.textContent).toContain('Nasjonal e-helsestrategi');
    expect(screen.getByText('Møte 4/2025')).toBeTruthy();
    expect(screen.getByText('11. desember 2025')).toBeTruthy();
    expect(screen.getByTestId('case-view-amended').textContent).toBe('Vedtak oppdatert');
    expect(screen.getByTestId('case-view-decision').textContent).toContain('med endringer');

    const history = screen.getByTestId('case-history');
    const entries = within(history).getAllByTestId('history-entry');
    expect(entries.map((e) => e.dataset.case)).toEqual(['40/25', '7/26']);
    const laterTable = within(history).getByTestId('history-later');
    expect(within(laterTable).getByText('Indikatorene vedtas')).toBeTruthy();
    expect(within(laterTable).getByText('Rådet vedtar indikatorene.')).toBeTruthy();
    expect(within(within(history).getByTestId('history-earlier')).getByText('NUIT')).toBeTruthy();

    await fireEvent.click(within(laterTable).getByTestId('history-open'));
    expect(router.route).toEqual({ name: 'archive', caseId: 'c-7' });
    await fireEvent.click(screen.getByTestId('case-open-editor'));
    expect(router.route).toEqual({ name: 'case', caseId: 'c-32' });
  });

  it('offers no case editor in a read-only archive', async () => {
    core(handler);
    await start(true);
    render(ArchiveScreen, { caseId: 'c-32' });
    await screen.findByTestId('case-view-title');
    expect(screen.queryByTestId('case-open-editor')).toBeNull();
  });
});

describe('decision register', () => {
  const m3 = meeting('m-3', '3/2025', '2025-10-16', 'held');
  const m4 = meeting('m-4', '4/2025', '2025-12-11', 'agenda_sent');
  const timetable = (rows: AgendaItem[]): Timetable => ({
    rows: rows.map((r) => ({ item: r, start: '10:00', end: '10:10' })),
    end: '16:00',
    overrun_min: 0,
    slack_min: 0,
  });
  const handler: Handler = (cmd, args) => {
    if (cmd === 'list_meetings') return args.bodyId === 'b-ehr' ? [m3, m4] : [];
    if (cmd === 'meeting_years') return args.bodyId === 'b-ehr' ? yearsOf([m3, m4]) : [];
    if (cmd === 'get_timetable')
      return args.meetingId === 'm-3'
        ? timetable([item('i1', 'case', 'c-26'), item('i2', 'break', null, 'Lunsj'), item('i3', 'continuation', null), item('i4', 'case', 'c-27')])
        : timetable([item('i5', 'case', 'c-32'), item('i6', 'other' as AgendaItem['kind'], null, 'Dagsaktuelt')]);
    if (cmd === 'get_case') {
      const id = String(args.id);
      if (id === 'c-26') return kase(id, '26/25', 'Konsekvenser av Helsedataforordningen', { decision: 'Endret vedtak', amended: true, proposal: 'Forslag' });
      if (id === 'c-27') return kase(id, '27/25', 'Nye mandater', { proposal: 'Forslag om mandater', exempt: true });
      return kase(id, '32/25', 'Helseteknologiordningen', { proposal: 'Rådet tar saken til orientering.' });
    }
    return undefined;
  };

  it('lists the cases of the year with meeting, date, title and decision', async () => {
    core(handler);
    await start();
    archiveState.tab = 'register';
    render(ArchiveScreen, {});
    await waitFor(() => expect(screen.getAllByTestId('register-row')).toHaveLength(3));
    const rows = screen.getAllByTestId('register-row');
    expect(rows.map((r) => r.dataset.case)).toEqual(['26/25', '27/25', '32/25']);
    expect(rows[0].textContent).toContain('Møte 3/2025');
    expect(rows[0].textContent).toContain('16. oktober 2025');
    expect(rows[0].textContent).toContain('Vedtak oppdatert: Endret vedtak');
    // Held without a decision: "Ikke vedtatt"; before the meeting: the proposal.
    expect(rows[1].textContent).toContain('Ikke vedtatt');
    expect(rows[1].textContent).toContain('Unntatt offentlighet');
    expect(rows[2].textContent).toContain('Forslag til vedtak: Rådet tar saken til orientering.');
    expect((screen.getByTestId('register-year') as HTMLSelectElement).value).toBe('2025');
  });

  it('exports the register PDF and shows its progress', async () => {
    const calls = core((cmd, args) => (cmd === 'export_documents' ? 'job-1' : handler(cmd, args)), { shouldMockEvents: true });
    await start();
    archiveState.tab = 'register';
    render(ArchiveScreen, {});
    await waitFor(() => expect(screen.getAllByTestId('register-row')).toHaveLength(3));
    await fireEvent.click(screen.getByTestId('register-public'));
    await fireEvent.click(screen.getByTestId('register-export'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'export_documents')).toBe(true));
    expect(calls.find((c) => c.cmd === 'export_documents')!.args.requests).toEqual([
      { kind: 'register', body_id: 'b-ehr', year: 2025, public: true },
    ]);
    await waitFor(() => expect((screen.getByTestId('register-export') as HTMLButtonElement).disabled).toBe(true));
    await emit('export-progress', { job: 'other', done: 1, total: 1, files: ['/x.pdf'], finished: true, error: null });
    await emit('export-progress', { job: 'job-1', done: 0, total: 1, files: [], finished: false, error: null });
    await waitFor(() => expect(screen.getByTestId('register-export-status').textContent).toContain('Lager PDF: 0 av 1'));
    const file = '/tmp/eksport/Vedtaksregister e-helseråd 2025 (offentlig).pdf';
    await emit('export-progress', { job: 'job-1', done: 1, total: 1, files: [file], finished: true, error: null });
    expect((await screen.findByTestId('register-exported')).textContent).toContain(file);
    expect((screen.getByTestId('register-export') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('action points', () => {
  const open: ActionPoint = {
    id: 'a-1',
    item_id: 'i-24',
    meeting_id: 'm-3',
    meeting_number: '3/2025',
    case_number: '24/25',
    position: 0,
    text: 'Helse Sør-Øst RHF presenterer MILA-prosjektet i neste møte',
    responsible: 'Helse Sør-Øst RHF',
    due_date: null,
    due_next_meeting: true,
    status: 'open',
    status_note: '',
  };
  const done: ActionPoint = { ...open, id: 'a-2', text: 'Sende mandatene på høring', due_next_meeting: false, due_date: '2025-11-01', status: 'done', status_note: 'Sendt 20.10.2025' };

  it('lists the open action points and requires a reason to cancel one', async () => {
    let status = 'open';
    const calls = core((cmd, args) => {
      if (cmd === 'action_page') return pageOf(status === 'open' ? [open] : [], args);
      if (cmd === 'set_action_status') {
        status = String(args.status);
        return { ...open, status, status_note: String(args.note) };
      }
      return undefined;
    });
    await start();
    archiveState.tab = 'actions';
    render(ArchiveScreen, {});
    const row = await screen.findByTestId('actions-row');
    expect(row.textContent).toContain('24/25');
    expect(row.textContent).toContain('Helse Sør-Øst RHF');
    expect(row.textContent).toContain('Neste møte');
    expect(within(row).getByTestId('action-status').textContent).toBe('Åpen');

    await fireEvent.click(within(row).getByTestId('action-cancel'));
    const dialog = screen.getByTestId('action-cancel-dialog');
    expect(dialog.hasAttribute('open')).toBe(true);
    await fireEvent.click(within(dialog).getByTestId('action-cancel-confirm'));
    expect(within(dialog).getByRole('alert').textContent).toBe('Skriv hvorfor aksjonspunktet utgår.');
    expect(calls.some((c) => c.cmd === 'set_action_status')).toBe(false);
    expect(dialog.hasAttribute('open')).toBe(true);

    await fireEvent.input(within(dialog).getByTestId('action-note'), { target: { value: 'Prosjektet er lagt ned' } });
    await fireEvent.click(within(dialog).getByTestId('action-cancel-confirm'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'set_action_status')).toBe(true));
    expect(calls.find((c) => c.cmd === 'set_action_status')!.args).toEqual({ id: 'a-1', status: 'cancelled', note: 'Prosjektet er lagt ned' });
    expect((await screen.findByTestId('actions-notice')).textContent).toBe('Aksjonspunktet er markert som utgått.');
    await waitFor(() => expect(screen.queryByTestId('actions-row')).toBeNull());
  });

  it('keeps the reason and shows the core error beside it when the core refuses', async () => {
    core((cmd, args) => {
      if (cmd === 'action_page') return pageOf([open], args);
      if (cmd === 'set_action_status') throw { message: 'Begrunnelsen er for lang.', field: 'note', kind: 'invalid' };
      return undefined;
    });
    await start();
    archiveState.tab = 'actions';
    render(ArchiveScreen, {});
    await fireEvent.click(within(await screen.findByTestId('actions-row')).getByTestId('action-cancel'));
    const dialog = screen.getByTestId('action-cancel-dialog');
    await fireEvent.input(within(dialog).getByTestId('action-note'), { target: { value: 'Fordi' } });
    await fireEvent.click(within(dialog).getByTestId('action-cancel-confirm'));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Begrunnelsen er for lang.'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect((within(dialog).getByTestId('action-note') as HTMLTextAreaElement).value).toBe('Fordi');
  });

  it('shows all action points of a year and marks one done or reopens it', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_years') return [{ year: 2025, meetings: 1 }];
      if (cmd === 'action_page') return pageOf([open, done], args);
      if (cmd === 'set_action_status') return { ...open, status: args.status };
      return undefined;
    });
    await start();
    archiveState.tab = 'actions';
    render(ArchiveScreen, {});
    await screen.findByTestId('actions-row');
    await fireEvent.click(screen.getByTestId('actions-filter-all'));
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === 'action_page').at(-1)!.args).toEqual({ bodyId: 'b-ehr', year: null, openOnly: false, offset: 0, limit: 50 });
    const [first, second] = screen.getAllByTestId('actions-row');
    expect(within(second).getByTestId('action-status').textContent).toBe('Utført');
    expect(second.textContent).toContain('Sendt 20.10.2025');
    expect(second.textContent).toContain('1. november 2025');
    await fireEvent.click(within(first).getByTestId('action-done'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'set_action_status')).toBe(true));
    expect(calls.find((c) => c.cmd === 'set_action_status')!.args).toEqual({ id: 'a-1', status: 'done', note: '' });
    await fireEvent.click(within(screen.getAllByTestId('actions-row')[1]).getByTestId('action-reopen'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'set_action_status')).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === 'set_action_status')[1].args).toEqual({ id: 'a-2', status: 'open', note: '' });
  });

  it('offers no status changes in a read-only archive', async () => {
    core((cmd, args) => {
      if (cmd === 'action_page') return pageOf([open, done], args);
      return undefined;
    });
    await start(true);
    archiveState.tab = 'actions';
    archiveState.actionsFilter = 'all';
    render(ArchiveScreen, {});
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(2));
    expect(screen.getAllByTestId('action-status').map((s) => s.textContent)).toEqual(['Åpen', 'Utført']);
    expect(screen.queryByTestId('action-done')).toBeNull();
    expect(screen.queryByTestId('action-cancel')).toBeNull();
    expect(screen.queryByTestId('action-reopen')).toBeNull();
    expect(screen.queryByTestId('action-cancel-dialog')).toBeNull();
    expect(screen.queryByText('Endre status')).toBeNull();
  });
});

describe('a 20-year archive', () => {
  /** 2,000 action points of one body, newest first as the core pages "all". */
  const many: ActionPoint[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `a-${i}`,
    item_id: `i-${i}`,
    meeting_id: `m-${Math.floor(i / 16)}`,
    meeting_number: `${(i % 8) + 1}/${2025 - Math.floor(i / 100)}`,
    case_number: `${i % 96}/${25 - Math.floor(i / 100)}`,
    position: i % 2,
    text: `Aksjonspunkt nummer ${i}`,
    responsible: 'Helsedirektoratet',
    due_date: null,
    due_next_meeting: false,
    status: i % 10 === 0 ? 'open' : 'done',
    status_note: '',
  }));

  it('draws the first 50 action points of 2,000, says how many there are, and "Vis flere" adds the next 50', async () => {
    const calls = core((cmd, args) => (cmd === 'action_page' ? pageOf(many, args) : undefined));
    await start();
    archiveState.tab = 'actions';
    archiveState.actionsFilter = 'all';
    render(ArchiveScreen, {});
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(50));
    expect(screen.getByTestId('actions-more-status').textContent!.trim()).toBe('Viser 50 av 2\u00a0000');
    expect(screen.getByTestId('actions-more-status').getAttribute('role')).toBe('status');
    const more = screen.getByTestId('actions-more-more');
    expect(more.textContent).toBe('Vis flere');
    expect(more.getAttribute('aria-controls')).toBe('actions-table');
    await fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(100));
    expect(calls.filter((c) => c.cmd === 'action_page').at(-1)!.args).toEqual({ bodyId: 'b-ehr', year: null, openOnly: false, offset: 50, limit: 50 });
    expect(screen.getByTestId('actions-more-status').textContent!.trim()).toBe('Viser 100 av 2\u00a0000');
    // The keyboard goes on at the first row added.
    const rows = screen.getAllByTestId('actions-row');
    expect(rows[50].textContent).toContain('Aksjonspunkt nummer 50');
    await waitFor(() => expect(rows[50].contains(document.activeElement)).toBe(true));
    // No call ever asked for the whole list.
    expect(calls.every((c) => c.cmd !== 'body_actions' && c.cmd !== 'open_actions')).toBe(true);
    expect(calls.filter((c) => c.cmd === 'action_page').every((c) => Number(c.args.limit) <= 50)).toBe(true);
  });

  it('keeps as many rows after a status change as were shown, and offers no more on the last page', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'action_page') return pageOf(many.slice(0, 120), args);
      if (cmd === 'set_action_status') return { ...many[71], status: args.status };
      return undefined;
    });
    await start();
    archiveState.tab = 'actions';
    archiveState.actionsFilter = 'all';
    render(ArchiveScreen, {});
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(50));
    await fireEvent.click(screen.getByTestId('actions-more-more'));
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(100));
    await fireEvent.click(screen.getByTestId('actions-more-more'));
    await waitFor(() => expect(screen.getAllByTestId('actions-row')).toHaveLength(120));
    expect(screen.queryByTestId('actions-more-more')).toBeNull();
    expect(screen.getByTestId('actions-more-status').textContent!.trim()).toBe('Viser 120 av 120');
    await fireEvent.click(within(screen.getAllByTestId('actions-row')[71]).getByTestId('action-reopen'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'set_action_status')).toBe(true));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'action_page').at(-1)!.args).toMatchObject({ offset: 0, limit: 120 }));
    expect(screen.getAllByTestId('actions-row')).toHaveLength(120);
  });

  it('shows the first 25 search hits, and "Vis flere treff" asks for 25 more and focuses the first new one', async () => {
    const all = Array.from({ length: 500 }, (_, i) => hit({ item_id: `i-${i}`, case_id: `c-${i}`, case_number: `${i}/25`, title: `Sak ${i}` }));
    const calls = core((cmd, args) => (cmd === 'search' ? all.slice(0, Number((args.query as { limit: number }).limit)) : undefined));
    await start();
    render(ArchiveScreen, {});
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'sak' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(25), { timeout: 2000 });
    expect(screen.getByTestId('search-status').textContent).toBe('Viser de 25 beste treffene');
    await fireEvent.click(screen.getByTestId('search-more-more'));
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(50));
    expect((calls.filter((c) => c.cmd === 'search').at(-1)!.args.query as { limit: number }).limit).toBe(50);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Sak 25'));
    // A new query starts from the first page again.
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'saker' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(25), { timeout: 2000 });
    expect((calls.filter((c) => c.cmd === 'search').at(-1)!.args.query as { limit: number }).limit).toBe(25);
  });

  it('says so when fewer hits than a page came back, with no "Vis flere"', async () => {
    core((cmd) => (cmd === 'search' ? [hit(), hit({ item_id: 'i-2', case_id: 'c-2' })] : undefined));
    await start();
    render(ArchiveScreen, {});
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'MILA' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2), { timeout: 2000 });
    expect(screen.getByTestId('search-status').textContent).toBe('2 treff');
    expect(screen.queryByTestId('search-more-more')).toBeNull();
  });
});

describe('going to a case and back', () => {
  it('hides the tabs while a case is shown and gives focus back to the hit that opened it', async () => {
    core((cmd, args) => {
      if (cmd === 'search') return [hit()];
      if (cmd === 'get_case') return kase(String(args.id), '32/25', 'Helseteknologiordningen', { meeting_id: 'm-4' });
      if (cmd === 'get_meeting') return meeting('m-4', '3/2025', '2025-10-16', 'held');
      if (cmd === 'case_history') return [];
      return undefined;
    });
    await start();
    router.replace({ name: 'archive' });
    const { rerender } = render(ArchiveScreen, {});
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'MILA' } });
    const title = within(await screen.findByTestId('search-hit', {}, { timeout: 2000 })).getByTestId('search-hit-title');
    await fireEvent.click(title);
    expect(router.route).toEqual({ name: 'archive', caseId: 'c-32' });
    await rerender({ caseId: 'c-32' });
    await screen.findByTestId('case-view-title');
    expect(screen.getByTestId('case-history-none')).toBeTruthy();
    expect(screen.getByTestId('archive-panel-search').closest('[hidden]')).not.toBeNull();
    await fireEvent.click(screen.getByTestId('case-back'));
    expect(router.route).toEqual({ name: 'archive' });
    await rerender({ caseId: undefined });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('search-hit-title')));
    expect(screen.queryByTestId('case-view')).toBeNull();
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('MILA');
  });
});

describe('tabs', () => {
  it('switch with the arrow keys and keep the search when coming back', async () => {
    core((cmd) => (cmd === 'search' ? [hit()] : cmd === 'action_page' ? { total: 0, actions: [] } : undefined));
    await start();
    render(ArchiveScreen, {});
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'MILA' } });
    await screen.findByTestId('search-hit', {}, { timeout: 2000 });
    const tab = screen.getByTestId('archive-tab-search');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tab, { key: 'ArrowLeft' });
    expect(screen.getByTestId('archive-tab-actions').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('archive-tab-actions'));
    expect(screen.getByTestId('archive-panel-search').hidden).toBe(true);
    await fireEvent.keyDown(screen.getByTestId('archive-tab-actions'), { key: 'Home' });
    expect(screen.getByTestId('archive-panel-search').hidden).toBe(false);
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('MILA');
    expect(screen.getAllByTestId('search-hit')).toHaveLength(1);
  });
});
