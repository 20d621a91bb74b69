import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import CaseScreen from './CaseScreen.svelte';
import type { Case, CaseInput, Meeting, SearchHit } from '../../api';
import { router } from '../../router.svelte';
import { app } from '../../context.svelte';
import { mockCore, type Handler } from '../../testing/core';
import { meeting } from '../../testing/fixtures';
import { freshJournal, journal, type MemoryStore } from '../../save/journal';
import { replayJournal } from '../../save/replay';

const MEETING: Meeting = meeting();

const CASE: Case = {
  id: 'c32',
  body_id: 'b1',
  year: 2025,
  number: '32/25',
  title: 'Nasjonal e-helsestrategi',
  case_type: 'Drøfting',
  summary: 'Status for arbeidet.',
  proposal: 'Nasjonalt e-helseråd drøftet saken.',
  no_memo: false,
  memo: { purpose: 'Drøfte strategien.', background: '', questions: '', process: '' },
  owner: 'Helsedirektoratet',
  officer: 'Kari Nordmann',
  exempt: false,
  exempt_basis: '',
  decision: null,
  amended: false,
  meeting_id: 'm4',
  item_id: 'i32',
  attachments: [{ id: 'a1', label: '2', title: 'Toppnotat', file_name: 'toppnotat.pdf', media_type: 'application/pdf', size: 2048 }],
  links: [],
};

const HIT: SearchHit = {
  item_id: 'i26',
  case_id: 'c26',
  meeting_id: 'm3',
  case_number: '26/25',
  body: 'NUIT',
  meeting_number: '3/2025',
  meeting_date: '2025-11-20',
  title: 'E-helsestrategi – innspill',
  case_type: 'Drøfting',
  field: 'title',
  snippet: '\uE000E-helsestrategi\uE001 – innspill',
  decision: 'NUIT anbefaler strategien.',
  exempt: false,
};

function backend(opts: { meeting?: Meeting; kase?: Case; override?: Handler } = {}) {
  const meeting = opts.meeting ?? MEETING;
  let kase: Case = structuredClone(opts.kase ?? CASE);
  const calls = mockCore((cmd, args) => {
    const o = opts.override?.(cmd, args);
    if (o !== undefined) return o;
    switch (cmd) {
      case 'get_case':
        return args.id === kase.id ? kase : { ...CASE, id: String(args.id), attachments: [{ ...CASE.attachments[0], id: 'x', label: '5' }] };
      case 'get_meeting':
        return meeting;
      case 'list_case_types':
        return [
          { id: 't1', name: 'Drøfting', proposal_template: '{organ} drøftet saken.' },
          { id: 't2', name: 'Orientering', proposal_template: '{organ} tar saken til orientering.' },
        ];
      case 'get_timetable':
        return {
          rows: [
            { item: { id: 'i31', kind: 'case', case_id: 'c31' }, start: '10:00', end: '10:30' },
            { item: { id: 'i32', kind: 'case', case_id: 'c32' }, start: '10:30', end: '11:00' },
          ],
          end: '16:00',
          overrun_min: 0,
          slack_min: 0,
        };
      case 'update_case': {
        const input = args.input as CaseInput;
        kase = { ...kase, ...input, proposal: input.proposal ?? 'MAL', memo: { ...input.memo } };
        return kase;
      }
      case 'add_attachment': {
        const input = args.input as { label: string; title: string; file_name: string; media_type: string };
        kase = { ...kase, attachments: [...kase.attachments, { id: 'a2', ...input, size: 3 }] };
        return kase;
      }
      case 'remove_attachment':
        kase = { ...kase, attachments: kase.attachments.filter((a) => a.id !== args.id) };
        return kase;
      case 'search':
        return [HIT, { ...HIT, case_id: 'c32', case_number: '32/25', title: 'Denne saken' }];
      case 'link_case':
        kase = {
          ...kase,
          links: [
            { id: 'l1', target_case_id: 'c26', number: '26/25', body: 'NUIT', date: '2025-11-20', title: HIT.title, decision: 'NUIT anbefaler strategien.', exempt: false },
          ],
        };
        return kase;
      case 'set_exempt':
        if (args.exempt && !String(args.basis).trim())
          throw { message: 'Oppgi hjemmel for unntaket, for eksempel «offl. § 14».', field: 'basis', kind: 'invalid' };
        kase = { ...kase, exempt: Boolean(args.exempt), exempt_basis: String(args.basis) };
        return kase;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return { calls, current: () => kase };
}

async function renderCase() {
  render(CaseScreen, { caseId: 'c32' });
  return (await screen.findByTestId('case-title')) as HTMLInputElement;
}

// Each test starts with an empty journal (what one test typed is no leftover of a killed window).
beforeEach(() => {
  freshJournal();
});

describe('CaseScreen', () => {
  it('shows the case with its number, meeting and every field', async () => {
    backend();
    const title = await renderCase();
    expect(title.value).toBe('Nasjonal e-helsestrategi');
    expect(screen.getByTestId('case-header').textContent).toMatch(/32\/25\s*·\s*Møte 4\/2025/);
    expect((screen.getByTestId('case-type') as HTMLSelectElement).value).toBe('Drøfting');
    expect((screen.getByTestId('case-proposal') as HTMLTextAreaElement).value).toBe('Nasjonalt e-helseråd drøftet saken.');
    expect((screen.getByTestId('case-purpose') as HTMLTextAreaElement).value).toBe('Drøfte strategien.');
    expect((screen.getByTestId('case-owner') as HTMLInputElement).value).toBe('Helsedirektoratet');
    expect((screen.getByTestId('case-officer') as HTMLInputElement).value).toBe('Kari Nordmann');
    const att = screen.getByTestId('attachment-row');
    expect(att.textContent).toContain('Vedlegg 2');
    expect(att.textContent).toContain('toppnotat.pdf');
    expect(att.textContent).toContain('2,0 kB');
    await fireEvent.click(screen.getByTestId('case-meeting'));
    expect(router.route).toEqual({ name: 'meeting', meetingId: 'm4', tab: 'agenda' });
  });

  it('saves the whole case after typing pauses and says so', async () => {
    const { calls } = backend();
    const title = await renderCase();
    await fireEvent.input(title, { target: { value: 'Nasjonal e-helsestrategi 2025–2030' } });
    expect(calls.some((c) => c.cmd === 'update_case')).toBe(false);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'update_case')).toBe(true), { timeout: 2000 });
    const sent = calls.find((c) => c.cmd === 'update_case')!;
    expect(sent.args.id).toBe('c32');
    expect(sent.args.input).toEqual({
      title: 'Nasjonal e-helsestrategi 2025–2030',
      case_type: 'Drøfting',
      summary: 'Status for arbeidet.',
      proposal: 'Nasjonalt e-helseråd drøftet saken.',
      no_memo: false,
      memo: { purpose: 'Drøfte strategien.', background: '', questions: '', process: '' },
      owner: 'Helsedirektoratet',
      officer: 'Kari Nordmann',
    });
    await waitFor(() => expect(screen.getByTestId('case-save-status').textContent).toContain('Lagret'));
  });

  it('saves at once when the user leaves a field', async () => {
    const { calls } = backend();
    await renderCase();
    const bg = screen.getByTestId('case-background');
    await fireEvent.input(bg, { target: { value: 'Strategien ble vedtatt i 2017.' } });
    await fireEvent.blur(bg);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'update_case')).toHaveLength(1));
    expect((calls.find((c) => c.cmd === 'update_case')!.args.input as CaseInput).memo.background).toBe('Strategien ble vedtatt i 2017.');
  });

  it("shows the core's error beside the title and keeps what was typed", async () => {
    backend({
      override: (cmd) => {
        if (cmd === 'update_case') throw { message: 'Tittelen kan ikke være tom. Fyll inn en verdi.', field: 'title', kind: 'invalid' };
        return undefined;
      },
    });
    const title = await renderCase();
    await fireEvent.input(title, { target: { value: ' ' } });
    await fireEvent.blur(title);
    await waitFor(() => expect(document.getElementById('case-title-error')?.textContent).toContain('Tittelen kan ikke være tom'));
    expect(title.value).toBe(' ');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('case-save-status').textContent).toContain('Ikke lagret');
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('resets the proposal to the template through the core', async () => {
    const { calls } = backend();
    await renderCase();
    const proposal = screen.getByTestId('case-proposal') as HTMLTextAreaElement;
    await fireEvent.input(proposal, { target: { value: 'Rådet slutter seg til strategien.' } });
    await fireEvent.click(screen.getByTestId('case-proposal-reset'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(proposal.value).toBe('MAL'));
    const last = calls.filter((c) => c.cmd === 'update_case').at(-1)!;
    expect((last.args.input as CaseInput).proposal).toBeNull();
  });

  it('asks for the legal basis when the case is made exempt', async () => {
    const { calls } = backend();
    await renderCase();
    await fireEvent.click(screen.getByTestId('case-exempt'));
    await waitFor(() => expect(document.getElementById('case-exempt-basis-error')?.textContent).toContain('Oppgi hjemmel'));
    const basis = screen.getByTestId('case-exempt-basis');
    await fireEvent.input(basis, { target: { value: 'offl. § 14' } });
    await fireEvent.blur(basis);
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === 'set_exempt').at(-1)?.args).toEqual({ id: 'c32', exempt: true, basis: 'offl. § 14' }),
    );
  });

  it('uploads an attachment as base64 with its label, title, file name and type', async () => {
    const { calls } = backend();
    await renderCase();
    // The next free number in the meeting (the other case has Vedlegg 5).
    await waitFor(() => expect((screen.getByTestId('attachment-label') as HTMLInputElement).value).toBe('6'));
    const file = new File(['hei'], 'Høringsnotat_2025.pdf', { type: 'application/pdf' });
    const input = screen.getByTestId('attachment-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await fireEvent.change(input);
    expect((screen.getByTestId('attachment-title') as HTMLInputElement).value).toBe('Høringsnotat 2025');
    await fireEvent.input(screen.getByTestId('attachment-label'), { target: { value: '7A' } });
    await fireEvent.click(screen.getByTestId('attachment-add'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'add_attachment')).toBe(true));
    const add = calls.find((c) => c.cmd === 'add_attachment')!;
    expect(add.args.caseId).toBe('c32');
    expect(add.args.contentBase64).toBe('aGVp'); // "hei"
    expect(add.args.input).toEqual({ label: '7A', title: 'Høringsnotat 2025', file_name: 'Høringsnotat_2025.pdf', media_type: 'application/pdf' });
    await waitFor(() => expect(screen.getAllByTestId('attachment-row')).toHaveLength(2));
    expect(screen.getAllByTestId('attachment-row')[1].textContent).toContain('Vedlegg 7A');
  });

  it('removes an attachment only after confirmation', async () => {
    const { calls } = backend();
    await renderCase();
    await fireEvent.click(screen.getByTestId('attachment-remove'));
    expect(calls.some((c) => c.cmd === 'remove_attachment')).toBe(false);
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Vedlegg 2 «Toppnotat»');
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'remove_attachment')?.args).toEqual({ id: 'a1' }));
    await waitFor(() => expect(screen.queryByTestId('attachment-row')).toBeNull());
  });

  it('links an earlier treatment found by search', async () => {
    const { calls } = backend();
    await renderCase();
    await fireEvent.input(screen.getByTestId('link-search'), { target: { value: 'e-helsestrategi' } });
    const hits = await screen.findAllByTestId('link-hit', {}, { timeout: 2000 });
    // The case itself is not offered.
    expect(hits).toHaveLength(1);
    expect(hits[0].textContent).toContain('26/25');
    expect(hits[0].textContent).toContain('NUIT');
    expect(hits[0].textContent).toContain('20.11.2025');
    expect(hits[0].querySelector('mark')?.textContent).toBe('E-helsestrategi');
    expect(calls.find((c) => c.cmd === 'search')!.args.query).toMatchObject({ text: 'e-helsestrategi' });
    await fireEvent.click(hits[0]);
    await waitFor(() => expect(calls.find((c) => c.cmd === 'link_case')?.args).toEqual({ caseId: 'c32', targetCaseId: 'c26' }));
    const row = await screen.findByTestId('link-row');
    expect(within(row).getByText('26/25')).toBeTruthy();
    expect(row.textContent).toContain('NUIT anbefaler strategien.');
    expect(screen.queryByTestId('link-hit')).toBeNull();
  });

  it('offers no edit controls in a read-only archive', async () => {
    backend();
    app.setInfo({ version: '1', db_path: '/a.db', archive_path: '/a.db', read_only: true, export_dir: '/x', lang: 'nb' });
    try {
      render(CaseScreen, { caseId: 'c32' });
      await screen.findByTestId('case-title');
      expect(document.querySelectorAll('input, textarea, select')).toHaveLength(0);
      expect(screen.queryByTestId('attachment-remove')).toBeNull();
      expect(screen.queryByTestId('link-search')).toBeNull();
      expect(screen.getByTestId('attachment-open')).toBeTruthy();
    } finally {
      app.setInfo({ version: '1', db_path: '/a.db', archive_path: null, read_only: false, export_dir: '/x', lang: 'nb' });
    }
  });

  it('is read-only when the minutes are approved', async () => {
    backend({ meeting: { ...MEETING, status: 'approved' }, kase: { ...CASE, decision: 'Vedtatt.', amended: true } });
    render(CaseScreen, { caseId: 'c32' });
    const title = await screen.findByTestId('case-title');
    expect(title.tagName).toBe('DD');
    expect(document.querySelectorAll('input, textarea, select')).toHaveLength(0);
    expect(screen.queryByTestId('attachment-remove')).toBeNull();
    expect(screen.queryByTestId('case-save-status')).toBeNull();
    expect(screen.getByTestId('case-decision').textContent).toBe('Vedtatt.');
  });

  describe('nothing typed is lost', () => {
    const KEY = 'edit/case/c32/case:c32';
    let disk: MemoryStore;
    beforeEach(() => {
      disk = freshJournal();
    });

    it('journals each keystroke at once, before the pause, and forgets it once saved', async () => {
      const { calls } = backend();
      const title = await renderCase();
      await fireEvent.input(title, { target: { value: 'Ny tittel' } });
      // In the journal on disk before anything is written to the record.
      expect(calls.some((c) => c.cmd === 'update_case')).toBe(false);
      await waitFor(() => expect((disk.entries.get(KEY) as { input: CaseInput }).input.title).toBe('Ny tittel'));
      expect(screen.getByTestId('case-save-status').textContent).not.toContain('Lagret');
      await fireEvent.blur(title);
      await waitFor(() => expect(screen.getByTestId('case-save-status').textContent).toContain('Lagret'));
      // Saved: a restart has nothing to bring back.
      await waitFor(() => expect(disk.entries.has(KEY)).toBe(false));
    });

    it('fields typed into a window that was killed are written when the window starts again', async () => {
      // The first session: the core never answers (the window is killed mid-save).
      mockCore((cmd, args) => {
        if (cmd === 'update_case') return new Promise(() => {});
        if (cmd === 'get_case') return args.id === 'c32' ? CASE : { ...CASE, id: String(args.id) };
        if (cmd === 'get_meeting') return MEETING;
        if (cmd === 'list_case_types') return [];
        if (cmd === 'get_timetable') return { rows: [], end: '16:00', overrun_min: 0, slack_min: 0 };
        throw new Error(`unexpected command ${cmd}`);
      });
      const title = await renderCase();
      await fireEvent.input(title, { target: { value: 'Skrevet før krasj' } });
      const bg = screen.getByTestId('case-background');
      await fireEvent.input(bg, { target: { value: 'Bakgrunn før krasj' } });
      await fireEvent.blur(bg);
      cleanup();
      clearMocks();
      expect(JSON.stringify(disk.entries.get(KEY))).toContain('Skrevet før krasj');

      // The restart: the window's start writes the journal before any screen reads the case.
      const { calls } = backend();
      freshJournal().entries = new Map(disk.entries);
      expect(await replayJournal()).toEqual([]);
      const writes = calls.filter((c) => c.cmd === 'update_case');
      expect(writes).toHaveLength(1);
      expect(writes[0].args.input).toMatchObject({
        title: 'Skrevet før krasj',
        memo: { purpose: 'Drøfte strategien.', background: 'Bakgrunn før krasj', questions: '', process: '' },
      });
      const again = await renderCase();
      expect(calls.filter((c) => c.cmd === 'update_case')).toHaveLength(1);
      expect(again.value).toBe('Skrevet før krasj');
      expect((screen.getByTestId('case-background') as HTMLTextAreaElement).value).toBe('Bakgrunn før krasj');
    });

    it('an edit the start could not write is written when the case is opened', async () => {
      // Left by a start whose write failed (the journal was read then).
      disk.entries.set('edit/case/c32/exempt:c32', { kind: 'exempt', caseId: 'c32', exempt: true, basis: 'offl. § 13' });
      await journal.load();
      const { calls } = backend();
      await renderCase();
      expect(calls.find((c) => c.cmd === 'set_exempt')?.args).toEqual({ id: 'c32', exempt: true, basis: 'offl. § 13' });
      expect(calls.findIndex((c) => c.cmd === 'set_exempt')).toBeLessThan(calls.findIndex((c) => c.cmd === 'get_case'));
      expect((screen.getByTestId('case-exempt') as HTMLInputElement).checked).toBe(true);
      expect((screen.getByTestId('case-exempt-basis') as HTMLInputElement).value).toBe('offl. § 13');
      await waitFor(() => expect(disk.entries.size).toBe(0));
    });

    it('writes what is waiting when the window is hidden', async () => {
      const { calls } = backend();
      const title = await renderCase();
      await fireEvent.input(title, { target: { value: 'Skjult vindu' } });
      window.dispatchEvent(new Event('pagehide'));
      await waitFor(() => expect(calls.filter((c) => c.cmd === 'update_case')).toHaveLength(1));
    });
  });
});
