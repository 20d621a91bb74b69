import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import DocumentsPanel from './DocumentsPanel.svelte';
import { app } from '../../context.svelte';
import { exportJobs } from './exports.svelte';
import { minimalPdf, pdfjsInProcess } from '../../testPdf';
import type { AgendaItem, AppInfo, DocRequest, ExportProgress, Meeting, Timetable } from '../../api';
import { appInfo, mockCore, type Call } from '../../testing/core';
import { agendaItem, meeting } from '../../testing/fixtures';

const MEETING: Meeting = meeting({ status: 'held' });

const INFO: AppInfo = appInfo({ export_dir: '/home/sekretær/Quorum-eksport' });

const item = (id: string, p: Partial<AgendaItem>): AgendaItem =>
  agendaItem(id, 'm4', 'case', '', 30, { case_id: null, case_type: '', ...p });

const TIMETABLE: Timetable = {
  rows: [
    item('i1', { case_id: 'c30', case_number: '30/25', title: 'Godkjenning av innkalling og dagsorden', no_memo: true }),
    item('i2', { case_id: 'c31', case_number: '31/25', title: 'Nasjonal e-helsestrategi' }),
    item('i3', { kind: 'break', title: 'Lunsj' }),
    item('i4', { case_id: 'c31', case_number: '31/25 forts.', continues_case_id: 'c31', title: 'Nasjonal e-helsestrategi' }),
    item('i5', { case_id: 'c32', case_number: '32/25', title: 'Felles journalløsning' }),
  ].map((it, i) => ({ item: { ...it, position: i }, start: '10:00', end: '10:30' })),
  end: '16:00',
  overrun_min: 0,
  slack_min: 30,
};

function setup(over: { preview?: (req: DocRequest) => unknown; exportId?: string } = {}) {
  return mockCore(
    (cmd, a) => {
      switch (cmd) {
        case 'get_timetable':
          return TIMETABLE;
        case 'preview_document':
          return over.preview ? over.preview(a.request as DocRequest) : minimalPdf(2);
        case 'export_documents':
          return over.exportId ?? 'export-1';
        case 'open_path':
          return null;
      }
      throw new Error(`unexpected ${cmd}`);
    },
    { shouldMockEvents: true },
  );
}

const requests = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);

beforeAll(pdfjsInProcess);
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  app.setInfo(INFO);
});
afterEach(() => {
  exportJobs.reset();
  vi.restoreAllMocks();
});

async function ready() {
  render(DocumentsPanel, { meeting: MEETING });
  await waitFor(() => expect((screen.getByTestId('export-all') as HTMLButtonElement).disabled).toBe(false));
}

describe('DocumentsPanel', () => {
  it('previews the agenda, then follows the public toggle', async () => {
    const calls = setup();
    await ready();
    await fireEvent.click(screen.getByTestId('doc-preview'));
    await waitFor(() => expect(screen.getByTestId('pdf-viewer').dataset.pages).toBe('2'), { timeout: 5000 });
    expect(requests(calls, 'preview_document')).toEqual([
      { request: { kind: 'agenda', meeting_id: 'm4', public: false } },
    ]);
    expect(screen.getByTestId('pdf-title').textContent).toBe('Innkalling og dagsorden – Møte 4/2025');

    await fireEvent.click(screen.getByTestId('doc-public'));
    await waitFor(() => expect(requests(calls, 'preview_document')).toHaveLength(2));
    expect(requests(calls, 'preview_document')[1]).toEqual({
      request: { kind: 'agenda', meeting_id: 'm4', public: true },
    });
    await waitFor(() =>
      expect(screen.getByTestId('pdf-title').textContent).toBe(
        'Innkalling og dagsorden – Møte 4/2025 (offentlig versjon)',
      ),
    );
  });

  it('asks for each kind of document with the right request', async () => {
    const calls = setup();
    await ready();
    const kind = screen.getByTestId('doc-kind') as HTMLSelectElement;
    expect(Array.from(kind.options).map((o) => o.value)).toEqual(['agenda', 'memo', 'minutes', 'pack', 'register']);
    expect(Array.from(kind.options).map((o) => o.text)).toContain('Vedtaksregister 2025');

    await fireEvent.change(kind, { target: { value: 'memo' } });
    const caseSelect = screen.getByTestId('doc-case') as HTMLSelectElement;
    // One entry per case, in agenda order; the continuation after lunch is not a second case.
    expect(Array.from(caseSelect.options).map((o) => o.text)).toEqual([
      '30/25 Godkjenning av innkalling og dagsorden (ingen toppnotat)',
      '31/25 Nasjonal e-helsestrategi',
      '32/25 Felles journalløsning',
    ]);
    await fireEvent.change(caseSelect, { target: { value: 'c32' } });
    await fireEvent.click(screen.getByTestId('doc-public'));
    await fireEvent.click(screen.getByTestId('doc-preview'));
    await waitFor(() => expect(requests(calls, 'preview_document')).toHaveLength(1));
    expect(requests(calls, 'preview_document')[0]).toEqual({ request: { kind: 'memo', case_id: 'c32', public: true } });

    // The preview now follows the choice.
    await fireEvent.change(kind, { target: { value: 'register' } });
    await waitFor(() => expect(requests(calls, 'preview_document')).toHaveLength(2));
    expect(requests(calls, 'preview_document')[1]).toEqual({
      request: { kind: 'register', body_id: 'b1', year: 2025, public: true },
    });
    await fireEvent.change(kind, { target: { value: 'pack' } });
    await waitFor(() => expect(requests(calls, 'preview_document')).toHaveLength(3));
    expect(requests(calls, 'preview_document')[2]).toEqual({ request: { kind: 'pack', meeting_id: 'm4', public: true } });
    await fireEvent.change(kind, { target: { value: 'minutes' } });
    await waitFor(() => expect(requests(calls, 'preview_document')).toHaveLength(4));
    expect(requests(calls, 'preview_document')[3]).toEqual({ request: { kind: 'minutes', meeting_id: 'm4', public: true } });
  });

  it('shows the core’s message when a document cannot be made', async () => {
    setup({
      preview: () => {
        throw { message: 'Møtepakken er ikke tilgjengelig ennå.', field: null, kind: 'state' };
      },
    });
    await ready();
    await fireEvent.change(screen.getByTestId('doc-kind'), { target: { value: 'pack' } });
    await fireEvent.click(screen.getByTestId('doc-preview'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toBe('Møtepakken er ikke tilgjengelig ennå.');
    expect(screen.queryByTestId('pdf-viewer')).toBeNull();
  });

  it('exports the chosen document with progress, then lists the files to open', async () => {
    const calls = setup({ exportId: 'export-42' });
    await ready();
    await fireEvent.change(screen.getByTestId('doc-kind'), { target: { value: 'minutes' } });
    await fireEvent.click(screen.getByTestId('doc-export'));
    await waitFor(() => expect(requests(calls, 'export_documents')).toHaveLength(1));
    expect(requests(calls, 'export_documents')[0]).toEqual({
      requests: [{ kind: 'minutes', meeting_id: 'm4', public: false }],
    });

    const bar = await screen.findByTestId('export-progress');
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    const file = '/home/sekretær/Quorum-eksport/Referat NEHR 4-2025.pdf';
    const event = (p: Partial<ExportProgress>): ExportProgress => ({
      job: 'export-42',
      done: 0,
      total: 1,
      files: [],
      finished: false,
      error: null,
      ...p,
    });
    await emit('export-progress', event({ done: 1, files: [file] }));
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('100'));
    await emit('export-progress', event({ done: 1, files: [file], finished: true }));
    const written = await screen.findByTestId('export-file');
    expect(written.textContent).toBe(file);
    expect(screen.getByText('Ferdig: 1 fil lagret.')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Åpne Referat NEHR 4-2025.pdf' }));
    await fireEvent.click(screen.getByTestId('export-folder'));
    expect(requests(calls, 'open_path')).toEqual([{ path: file }, { path: '/home/sekretær/Quorum-eksport' }]);
  });

  it('exports all: agenda, the memos there are, and the minutes, as one job', async () => {
    const calls = setup({ exportId: 'export-all' });
    await ready();
    expect(screen.getByText(/Innkallingen, 2 toppnotater og referatet/)).toBeTruthy();
    await fireEvent.click(screen.getByTestId('export-all'));
    await waitFor(() => expect(requests(calls, 'export_documents')).toHaveLength(1));
    expect(requests(calls, 'export_documents')[0]).toEqual({
      requests: [
        { kind: 'agenda', meeting_id: 'm4', public: false },
        { kind: 'memo', case_id: 'c31', public: false },
        { kind: 'memo', case_id: 'c32', public: false },
        { kind: 'minutes', meeting_id: 'm4', public: false },
      ],
    });
    const bar = await screen.findByTestId('export-progress');
    await emit('export-progress', {
      job: 'export-all',
      done: 2,
      total: 4,
      files: ['/e/a.pdf', '/e/b.pdf'],
      finished: false,
      error: null,
    });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'));
    expect(bar.getAttribute('aria-valuetext')).toBe('2 av 4 filer');
    expect(screen.getAllByTestId('export-file').map((f) => f.textContent)).toEqual(['/e/a.pdf', '/e/b.pdf']);
    await emit('export-progress', {
      job: 'export-all',
      done: 2,
      total: 4,
      files: ['/e/a.pdf', '/e/b.pdf'],
      finished: true,
      error: 'Disken er full',
    });
    const failed = await screen.findByTestId('export-error');
    expect(failed.textContent).toBe('Eksporten stoppet: Disken er full');
  });

  it('the calendar invitation is exported as .ics', async () => {
    const calls = setup();
    await ready();
    await fireEvent.click(screen.getByTestId('export-ics'));
    await waitFor(() => expect(requests(calls, 'export_documents')).toHaveLength(1));
    expect(requests(calls, 'export_documents')[0]).toEqual({ requests: [{ kind: 'invitation', meeting_id: 'm4' }] });
    expect(await screen.findByText('Kalenderinvitasjon til møte 4/2025')).toBeTruthy();
  });

  it('before the agenda is sent, "export all" leaves the minutes out', async () => {
    const calls = setup();
    render(DocumentsPanel, { meeting: { ...MEETING, status: 'draft' } });
    await waitFor(() => expect((screen.getByTestId('export-all') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('export-all'));
    await waitFor(() => expect(requests(calls, 'export_documents')).toHaveLength(1));
    const sent = (requests(calls, 'export_documents')[0].requests as DocRequest[]).map((r) => r.kind);
    expect(sent).toEqual(['agenda', 'memo', 'memo']);
  });
});
