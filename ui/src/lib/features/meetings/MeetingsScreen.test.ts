import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import MeetingsScreen from './MeetingsScreen.svelte';
import { app } from '../../context.svelte';
import { router } from '../../router.svelte';
import type { Body, Meeting, MeetingInput } from '../../api';
import { appInfo, mockCore, withAppContext } from '../../testing/core';
import { body, meeting as baseMeeting } from '../../testing/fixtures';

const BODY: Body = body();

function meeting(id: string, number: string, date: string, over: Partial<Meeting> = {}): Meeting {
  return baseMeeting({ id, number, date, place: 'Helsedirektoratet, Storo', ...over });
}

const MEETINGS = [
  meeting('m24', '5/2024', '2024-11-28', { status: 'approved' }),
  meeting('m3', '3/2025', '2025-09-18', { status: 'held', remote: true, place: '' }),
  meeting('m4', '4/2025', '2025-12-11', { status: 'agenda_sent' }),
  meeting('mx', '2/2025', '2025-06-05', { extraordinary: true, status: 'approved' }),
];

async function setup(opts: { bodies?: Body[]; meetings?: Meeting[]; readOnly?: boolean } = {}) {
  const bodies = opts.bodies ?? [BODY];
  let meetings = [...(opts.meetings ?? MEETINGS)];
  const calls = mockCore(withAppContext(appInfo({ read_only: !!opts.readOnly }), () => bodies, (cmd, a) => {
    switch (cmd) {
      case 'list_meetings':
        return meetings.filter((m) => a.year == null || m.year === a.year);
      case 'create_meeting': {
        const input = a.input as MeetingInput;
        const created = meeting('new', '5/2025', input.date, { ...input, number: '5/2025', year: 2025, seq: 5 });
        meetings = [...meetings, created];
        return created;
      }
    }
    throw new Error(`unexpected ${cmd}`);
  }));
  app.bodyId = bodies[0]?.id ?? null;
  await app.refresh();
  return calls;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 11, 1, 9, 0));
  router.replace({ name: 'meetings' });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('MeetingsScreen list', () => {
  it('lists the meetings newest year first, in date order within the year', async () => {
    await setup();
    render(MeetingsScreen);
    await waitFor(() => expect(screen.getAllByTestId('meeting-row')).toHaveLength(4));
    const years = screen.getAllByTestId('meetings-year').map((s) => s.querySelector('h2')?.textContent?.trim());
    expect(years[0]).toMatch(/^2025/);
    expect(years[1]).toMatch(/^2024/);
    const rows = screen.getAllByTestId('meeting-row');
    expect(rows.map((r) => r.querySelector('th')?.textContent?.trim().split(/\s/)[0])).toEqual(['2/2025', '3/2025', '4/2025', '5/2024']);

    const fourth = rows[2];
    expect(fourth.textContent).toContain('11. desember 2025');
    expect(fourth.textContent).toContain('10.00–16.00');
    expect(fourth.textContent).toContain('Helsedirektoratet, Storo');
    expect(fourth.textContent).toContain('Dagsorden sendt');
    expect(fourth.textContent).toContain('Neste møte');
    expect(rows[1].textContent).toContain('Videomøte');
    expect(rows[0].textContent).toContain('Ekstraordinært');
    expect(rows[3].textContent).toContain('Referat godkjent');
  });

  it('opens a meeting from its row or its number button', async () => {
    await setup();
    render(MeetingsScreen);
    const rows = await screen.findAllByTestId('meeting-row');
    await fireEvent.click(rows[2].querySelectorAll('td')[2]);
    expect(router.route).toEqual({ name: 'meeting', meetingId: 'm4' });
    router.replace({ name: 'meetings' });
    await fireEvent.click(screen.getByRole('button', { name: 'Åpne møte 3/2025' }));
    expect(router.route).toEqual({ name: 'meeting', meetingId: 'm3' });
  });

  it('says what to do when there are no meetings or no body', async () => {
    await setup({ meetings: [] });
    const first = render(MeetingsScreen);
    expect((await screen.findByTestId('meetings-empty')).textContent).toContain('Lag det første med «Nytt møte»');
    first.unmount();

    await setup({ bodies: [] });
    render(MeetingsScreen);
    expect(screen.getByTestId('meetings-no-body').textContent).toContain('Opprett organet under «Organ og medlemmer»');
    await fireEvent.click(screen.getByRole('button', { name: 'Gå til Organ og medlemmer' }));
    expect(router.route).toEqual({ name: 'members' });
  });

  it('creates a meeting with the form and shows it in the list', async () => {
    const calls = await setup();
    render(MeetingsScreen);
    await screen.findAllByTestId('meeting-row');
    await fireEvent.click(screen.getByTestId('meeting-new'));
    await fireEvent.input(screen.getByTestId('meeting-date'), { target: { value: '2025-12-18' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    expect((await screen.findByTestId('meeting-created')).textContent).toContain('Møte 5/2025 er opprettet.');
    await waitFor(() => expect(screen.getAllByTestId('meeting-row')).toHaveLength(5));
    expect(screen.queryByTestId('meeting-form')).toBeNull();
    expect(calls.find((c) => c.cmd === 'create_meeting')?.args.bodyId).toBe('b1');
    await fireEvent.click(screen.getByRole('button', { name: 'Åpne møtet' }));
    expect(router.route).toEqual({ name: 'meeting', meetingId: 'new' });
  });

  it('offers no new meeting in a read-only archive', async () => {
    await setup({ readOnly: true });
    render(MeetingsScreen);
    await screen.findAllByTestId('meeting-row');
    expect(screen.queryByTestId('meeting-new')).toBeNull();
  });
});

describe('MeetingsScreen calendar', () => {
  it('shows a meeting on its day in the month of the next meeting', async () => {
    await setup();
    render(MeetingsScreen);
    await screen.findAllByTestId('meeting-row');
    await fireEvent.click(screen.getByTestId('view-calendar'));
    expect(screen.getByTestId('view-calendar').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('calendar-month').textContent).toBe('desember 2025');
    const day = document.querySelector('[data-date="2025-12-11"]') as HTMLElement;
    expect(within(day).getByTestId('calendar-meeting').textContent).toContain('Møte 4/2025');
    expect(day.textContent).toContain('torsdag 11. desember 2025');
    expect(screen.getAllByTestId('calendar-meeting')).toHaveLength(1);
    expect(screen.getByTestId('calendar-summary').textContent).toBe('1 møte i desember 2025.');
    // Today is marked for assistive technology too.
    expect(document.querySelector('[data-date="2025-12-01"]')?.getAttribute('aria-current')).toBe('date');

    await fireEvent.click(within(day).getByTestId('calendar-meeting'));
    expect(router.route).toEqual({ name: 'meeting', meetingId: 'm4' });
  });

  it('moves between months with the buttons', async () => {
    await setup();
    render(MeetingsScreen);
    await screen.findAllByTestId('meeting-row');
    await fireEvent.click(screen.getByTestId('view-calendar'));
    for (let i = 0; i < 3; i++) await fireEvent.click(screen.getByTestId('calendar-prev'));
    expect(screen.getByTestId('calendar-month').textContent).toBe('september 2025');
    const day = document.querySelector('[data-date="2025-09-18"]') as HTMLElement;
    expect(day.textContent).toContain('Møte 3/2025');
    expect(day.textContent).toContain('Videomøte');
    await fireEvent.click(screen.getByTestId('calendar-next'));
    expect(screen.getByTestId('calendar-month').textContent).toBe('oktober 2025');
    expect(screen.getByTestId('calendar-summary').textContent).toBe('Ingen møter i oktober 2025.');
    await fireEvent.click(screen.getByTestId('calendar-today'));
    expect(screen.getByTestId('calendar-month').textContent).toBe('desember 2025');
  });

  it('is operable by keyboard: arrows move the focused day, Page Down changes month, Enter opens', async () => {
    await setup();
    render(MeetingsScreen);
    await screen.findAllByTestId('meeting-row');
    await fireEvent.click(screen.getByTestId('view-calendar'));
    // Exactly one day is in the tab order: the day of the next meeting.
    const tabbable = screen.getAllByTestId('calendar-day').filter((d) => d.tabIndex === 0);
    expect(tabbable.map((d) => d.dataset.date)).toEqual(['2025-12-11']);

    const start = tabbable[0];
    start.focus();
    await fireEvent.keyDown(start, { key: 'ArrowRight' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-12-12'));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowDown' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-12-19'));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Home' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-12-15'));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'PageDown' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('2026-01-15'));
    expect(screen.getByTestId('calendar-month').textContent).toBe('januar 2026');
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'PageUp' });
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowUp' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-12-08'));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-12-11'));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
    expect(router.route).toEqual({ name: 'meeting', meetingId: 'm4' });
  });

  it('remembers the chosen view', async () => {
    await setup();
    const first = render(MeetingsScreen);
    await screen.findAllByTestId('meeting-row');
    await fireEvent.click(screen.getByTestId('view-calendar'));
    first.unmount();
    render(MeetingsScreen);
    expect(await screen.findByTestId('calendar')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('view-list'));
    expect(await screen.findAllByTestId('meeting-row')).toHaveLength(4);
  });
});

describe('MeetingsScreen with 20 years of meetings', () => {
  /** 8 meetings a year, 2006–2025. */
  const TWENTY = Array.from({ length: 160 }, (_, i) => {
    const year = 2025 - Math.floor(i / 8);
    const seq = (i % 8) + 1;
    const month = String(seq + 2).padStart(2, '0');
    return meeting(`m-${year}-${seq}`, `${seq}/${year}`, `${year}-${month}-10`, { status: 'approved' });
  });

  it('draws the newest three years, says how many there are, and "Vis eldre år" adds three more', async () => {
    await setup({ meetings: TWENTY });
    render(MeetingsScreen);
    await waitFor(() => expect(screen.getAllByTestId('meeting-row')).toHaveLength(24));
    expect(screen.getAllByTestId('meetings-year').map((s) => s.querySelector('h2')?.textContent?.trim().slice(0, 4))).toEqual([
      '2025',
      '2024',
      '2023',
    ]);
    const status = screen.getByTestId('meetings-more-status');
    expect(status.textContent!.trim()).toBe('Viser 3 av 20 år (24 av 160 møter)');
    expect(status.getAttribute('role')).toBe('status');
    await fireEvent.click(screen.getByTestId('meetings-more-more'));
    await waitFor(() => expect(screen.getAllByTestId('meeting-row')).toHaveLength(48));
    expect(screen.getByTestId('meetings-more-status').textContent!.trim()).toBe('Viser 6 av 20 år (48 av 160 møter)');
    // Focus on the first meeting of the first year added (2022's first).
    await waitFor(() => expect(document.activeElement?.textContent).toBe('1/2022'));
  });

  it('offers no paging for a body with three years or fewer', async () => {
    await setup();
    render(MeetingsScreen);
    await waitFor(() => expect(screen.getAllByTestId('meeting-row')).toHaveLength(4));
    expect(screen.queryByTestId('meetings-more')).toBeNull();
  });
});
