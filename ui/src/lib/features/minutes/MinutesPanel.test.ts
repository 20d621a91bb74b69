import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import MinutesPanel from './MinutesPanel.svelte';
import { fakeRecord } from '../live/fakeRecord';
import type { Meeting } from '../../api';

/** The minutes of meeting 3/2025 (held), approved by case 30/25 of meeting 4/2025. */
function setup(prepare: (r: ReturnType<typeof fakeRecord>) => void = () => {}) {
  const record = fakeRecord();
  record.innspill.push({ id: 'inn-1', item_id: 'i5', position: 0, text: 'Godt forankret i sektoren' });
  record.items.find((i) => i.id === 'i5')!.narrative = 'Direktøren la fram saken.';
  record.attendance.set('m3', [
    {
      id: 'att-1',
      person: { id: 'p1', name: 'Ørjan Andersen', organisation: 'Helse Vest RHF', email: '' },
      status: 'present',
      substitute_for: null,
      remote: true,
      party: null,
    },
  ]);
  prepare(record);
  mockIPC(record.handler);
  const onchange = vi.fn();
  const m3 = () => ({ ...record.meetings.find((m) => m.id === 'm3')! }) as Meeting;
  const view = render(MinutesPanel, { meeting: m3(), onchange });
  return { record, onchange, view, m3 };
}

describe('MinutesPanel', () => {
  it('shows the record per item as the minutes will read', async () => {
    setup();
    const item = await screen.findByTestId('minutes-item');
    expect(within(item).getByText('25/25 Nasjonal løsning')).toBeTruthy();
    expect(within(item).getByTestId('minutes-narrative').textContent).toBe('Direktøren la fram saken.');
    expect(within(item).getByTestId('minutes-innspill').textContent).toContain('Godt forankret i sektoren');
    expect(within(item).getByTestId('minutes-action').textContent).toContain('Helse Sør-Øst presenterer MILA-prosjektet');
    expect(within(item).getByTestId('minutes-decision').textContent).toBe('Løsningen innføres.');
    expect(within(item).queryByTestId('decision-amended')).toBeNull();
    expect(screen.getByTestId('minutes-attendance').textContent).toContain('Ørjan Andersen (Helse Vest RHF) – fjernmøte');
    // Not locked: no corrections offered.
    expect(screen.queryByTestId('correct-decision')).toBeNull();
  });

  it('shows the minutes as a PDF in the window', async () => {
    const { record } = setup();
    await fireEvent.click(await screen.findByTestId('minutes-preview'));
    await waitFor(() => expect(record.callsOf('preview_document')).toHaveLength(1));
    expect(record.callsOf('preview_document')[0].args).toEqual({ request: { kind: 'minutes', meeting_id: 'm3', public: false } });
    expect(await screen.findByTestId('minutes-pdf')).toBeTruthy();
    expect(screen.getByTestId('minutes-preview').textContent).toBe('Oppdater visningen');
  });

  it('approves the minutes with a decided case of a later meeting', async () => {
    const { record, onchange } = setup();
    await fireEvent.click(await screen.findByTestId('approve-open'));
    const select = (await screen.findByTestId('approve-case')) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toEqual([
      'Møte 4/2025 (11.12.2025) – 30/25 Godkjenning av innkalling – vedtak ikke registrert',
      'Møte 4/2025 (11.12.2025) – 31/25 Strategi for e-helse – vedtak ikke registrert',
    ]);

    // The core refuses a case without a recorded decision, and says so beside the choice.
    await fireEvent.click(screen.getByTestId('approve-confirm'));
    await waitFor(() => expect(record.callsOf('approve_minutes')).toHaveLength(1));
    expect(record.callsOf('approve_minutes')[0].args).toEqual({ meetingId: 'm3', caseId: 'c-i1' });
    await waitFor(() =>
      expect(document.getElementById('approve-case-error')?.textContent).toContain('Referatet må godkjennes i en sak i et senere møte'),
    );
    expect(onchange).not.toHaveBeenCalled();

    record.cases.find((c) => c.id === 'c-i1')!.decision = 'Referatet godkjennes.';
    await fireEvent.click(screen.getByTestId('approve-confirm'));
    await waitFor(() => expect(onchange).toHaveBeenCalledTimes(1));
    expect(record.meetings.find((m) => m.id === 'm3')!.status).toBe('approved');
  });

  it('once approved shows where, and changes only as corrections with a reason', async () => {
    const { record } = setup((r) => {
      const m = r.meetings.find((x) => x.id === 'm3')!;
      m.status = 'approved';
      m.approved_by_case_id = 'c-i1';
    });
    expect((await screen.findByTestId('minutes-approved')).textContent?.trim()).toBe('Godkjent i møte 4/2025, sak 30/25');
    expect(screen.queryByTestId('approve-open')).toBeNull();

    await fireEvent.click(await screen.findByTestId('correct-decision'));
    const dialog = screen.getByTestId('correction-dialog');
    expect(dialog.hasAttribute('open')).toBe(true);
    const text = within(dialog).getByTestId('correction-text') as HTMLTextAreaElement;
    expect(text.value).toBe('Løsningen innføres.');
    await fireEvent.input(text, { target: { value: 'Løsningen innføres fra 2026.' } });

    // No reason: asked for one, nothing written.
    await fireEvent.click(within(dialog).getByTestId('correction-save'));
    expect((await within(dialog).findByText('Skriv hvorfor referatet rettes.')).id).toBe('correction-reason-error');
    expect(record.callsOf('correct')).toHaveLength(0);
    expect(text.value).toBe('Løsningen innføres fra 2026.');

    await fireEvent.input(within(dialog).getByTestId('correction-reason'), { target: { value: 'Feil årstall i referatet' } });
    await fireEvent.click(within(dialog).getByTestId('correction-save'));
    await waitFor(() => expect(record.callsOf('correct')).toHaveLength(1));
    expect(record.callsOf('correct')[0].args).toEqual({
      reason: 'Feil årstall i referatet',
      edit: { kind: 'decision', case_id: 'c-i5', text: 'Løsningen innføres fra 2026.' },
    });
    await waitFor(() => expect(dialog.hasAttribute('open')).toBe(false));

    const row = await screen.findByTestId('correction-item');
    expect(row.textContent).toContain('Feil årstall i referatet');
    expect(row.textContent).toContain('Løsningen innføres.');
    expect(row.textContent).toContain('Løsningen innføres fra 2026.');
    expect(row.textContent).toContain('Vedtak, 25/25 Nasjonal løsning');
    // The corrected decision now differs from the proposal: marked as amended.
    expect(await screen.findByTestId('decision-amended')).toBeTruthy();
  });

  it('corrects an innspill and the attendance', async () => {
    const { record } = setup((r) => {
      const m = r.meetings.find((x) => x.id === 'm3')!;
      m.status = 'approved';
      m.approved_by_case_id = 'c-i1';
    });
    await fireEvent.click(await screen.findByTestId('correct-innspill'));
    const dialog = screen.getByTestId('correction-dialog');
    await fireEvent.input(within(dialog).getByTestId('correction-text'), { target: { value: 'Godt forankret i hele sektoren' } });
    await fireEvent.input(within(dialog).getByTestId('correction-reason'), { target: { value: 'Presisering fra medlem' } });
    await fireEvent.click(within(dialog).getByTestId('correction-save'));
    await waitFor(() => expect(record.callsOf('correct')).toHaveLength(1));
    expect(record.callsOf('correct')[0].args.edit).toEqual({ kind: 'innspill', id: 'inn-1', text: 'Godt forankret i hele sektoren' });

    await fireEvent.click(await screen.findByTestId('correct-attendance'));
    await fireEvent.change(within(dialog).getByTestId('correction-person'), { target: { value: 'p1' } });
    await fireEvent.change(within(dialog).getByTestId('correction-status'), { target: { value: 'absent' } });
    await fireEvent.input(within(dialog).getByTestId('correction-reason'), { target: { value: 'Meldte forfall' } });
    await fireEvent.click(within(dialog).getByTestId('correction-save'));
    await waitFor(() => expect(record.callsOf('correct')).toHaveLength(2));
    expect(record.callsOf('correct')[1].args).toEqual({
      reason: 'Meldte forfall',
      edit: { kind: 'attendance', meeting_id: 'm3', input: { person_id: 'p1', status: 'absent', substitute_for: null, remote: true } },
    });
    await waitFor(() => expect(screen.getAllByTestId('correction-item')).toHaveLength(2));
  });
});
