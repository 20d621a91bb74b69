import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import LiveScreen from './LiveScreen.svelte';
import { fakeRecord } from './fakeRecord';
import { freshJournal, journal, type MemoryStore } from '../../save/journal';
import { replayJournal } from '../../save/replay';

function setup(prepare: (r: ReturnType<typeof fakeRecord>) => void = () => {}) {
  const record = fakeRecord();
  prepare(record);
  mockIPC(record.handler);
  render(LiveScreen, { meetingId: 'm4' });
  return record;
}

const onItem = (id: string) => (r: ReturnType<typeof fakeRecord>) => {
  r.meetings.find((m) => m.id === 'm4')!.current_item_id = id;
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Each test starts with an empty journal (what one test typed is no leftover of a killed window).
let disk: MemoryStore;
beforeEach(() => {
  disk = freshJournal();
});

describe('LiveScreen', () => {
  it('opens on the item the meeting remembers, with its number, type, planned and actual start', async () => {
    setup((r) => {
      onItem('i3')(r);
      r.items.find((i) => i.id === 'i3')!.actual_start = '10:52';
    });
    expect((await screen.findByTestId('live-item-title')).textContent).toBe('Strategi for e-helse');
    expect(screen.getByTestId('live-item-number').textContent).toBe('31/25');
    expect(screen.getByTestId('live-item-type').textContent).toBe('Drøfting');
    // 10:00 + 10 min + 30 min lunch = 10.40 planned; started 10.52.
    expect(screen.getByTestId('live-planned').textContent).toBe('10.40');
    expect(screen.getByTestId('live-actual').textContent).toBe('10.52');
    expect(screen.getByTestId('live-drift').textContent).toBe('12 min bak planen');
    expect((await screen.findByTestId('live-proposal')).textContent).toBe('Rådet slutter seg til strategien.');
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Alt er lagret');
  });

  it('Enter adds an innspill and leaves the field empty and focused; Shift+Enter does not add', async () => {
    const r = setup(onItem('i1'));
    const input = (await screen.findByTestId('innspill-input')) as HTMLTextAreaElement;
    input.focus();
    await fireEvent.input(input, { target: { value: 'Viktig med felles standarder' } });
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(r.callsOf('add_innspill')).toHaveLength(0);

    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(r.callsOf('add_innspill')).toHaveLength(1));
    expect(r.callsOf('add_innspill')[0].args).toMatchObject({ itemId: 'i1', text: 'Viktig med felles standarder' });
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
    const items = await screen.findAllByTestId('innspill-item');
    expect(items).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Alt er lagret'));

    // The next one goes under it.
    await fireEvent.input(input, { target: { value: 'Neste innspill' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByTestId('innspill-item')).toHaveLength(2));
    expect(document.activeElement).toBe(input);
  });

  it('edits an innspill in place, saved after a pause', async () => {
    const r = setup((rec) => {
      onItem('i1')(rec);
      rec.innspill.push({ id: 'inn-a', item_id: 'i1', position: 0, text: 'Første' });
    });
    const shown = await screen.findByTestId('innspill-item');
    expect(shown.textContent).toContain('Første');
    await fireEvent.click(within(shown).getByTestId('innspill-edit'));
    const text = screen.getByTestId('innspill-text') as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(text));
    await fireEvent.input(text, { target: { value: 'Første, rettet' } });
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Lagrer …');
    await waitFor(() => expect(r.callsOf('update_innspill')).toHaveLength(1), { timeout: 2000 });
    expect(r.callsOf('update_innspill')[0].args).toEqual({ id: 'inn-a', text: 'Første, rettet' });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Alt er lagret'));
    // Enter ends the edit: the bullet shows its text again and the field for the next one has focus.
    await fireEvent.keyDown(text, { key: 'Enter' });
    expect(document.activeElement).toBe(screen.getByTestId('innspill-input'));
    await fireEvent.blur(text);
    await waitFor(() => expect(screen.queryByTestId('innspill-text')).toBeNull());
    expect(screen.getByTestId('innspill-item').textContent).toContain('Første, rettet');
  });

  it('"Vedtak som foreslått" calls accept_proposal, also from Alt+V', async () => {
    const r = setup(onItem('i1'));
    const button = await screen.findByTestId('decision-as-proposed');
    await fireEvent.click(button);
    await waitFor(() => expect(r.callsOf('accept_proposal')).toHaveLength(1));
    expect(r.callsOf('accept_proposal')[0].args).toEqual({ caseId: 'c-i1' });
    await waitFor(() => expect((screen.getByTestId('decision-text') as HTMLTextAreaElement).value).toBe('Innkallingen godkjennes.'));
    expect(screen.queryByTestId('decision-amended')).toBeNull();
    expect(screen.getByTestId('decision-state').textContent).toBe('Vedtatt som foreslått');

    await fireEvent.keyDown(window, { key: 'v', code: 'KeyV', altKey: true });
    await waitFor(() => expect(r.callsOf('accept_proposal')).toHaveLength(2));
  });

  it('typing an amended decision saves it and shows "Vedtak oppdatert" beside the proposal', async () => {
    const r = setup(onItem('i3'));
    const text = (await screen.findByTestId('decision-text')) as HTMLTextAreaElement;
    expect(screen.queryByTestId('decision-amended')).toBeNull();
    await fireEvent.input(text, { target: { value: 'Rådet slutter seg til strategien, med endringene i møtet.' } });
    await waitFor(() => expect(r.callsOf('record_decision')).toHaveLength(1), { timeout: 2000 });
    expect(r.callsOf('record_decision')[0].args).toEqual({
      caseId: 'c-i3',
      text: 'Rådet slutter seg til strategien, med endringene i møtet.',
    });
    expect((await screen.findByTestId('decision-amended')).textContent).toBe('Vedtak oppdatert');
    expect(screen.getByTestId('live-proposal').textContent).toBe('Rådet slutter seg til strategien.');
    // What the chair typed stays in the field.
    expect(text.value).toBe('Rådet slutter seg til strategien, med endringene i møtet.');
  });

  it('next moves to the next item (skipping the break), remembers it and notes its start', async () => {
    const r = setup((rec) => {
      onItem('i1')(rec);
      rec.items.find((i) => i.id === 'i1')!.actual_start = '10:00';
    });
    await screen.findByTestId('innspill-input');
    const list = screen.getByTestId('live-item-list');
    expect(within(list).getByText('Lunsj')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('live-next'));
    await waitFor(() => expect(screen.getByTestId('live-item-title').textContent).toBe('Strategi for e-helse'));
    expect(r.callsOf('set_current_item').map((c) => c.args)).toEqual([{ meetingId: 'm4', itemId: 'i3' }]);
    const started = r.callsOf('mark_item_started');
    expect(started).toHaveLength(1);
    expect(started[0].args.itemId).toBe('i3');
    expect(started[0].args.time).toMatch(/^\d{2}:\d{2}$/);
    await waitFor(() => expect(screen.getByTestId('live-actual').textContent).toBe(String(started[0].args.time).replace(':', '.')));

    // Back again: remembered, but a start is not noted twice.
    await fireEvent.keyDown(window, { key: 'ArrowLeft', code: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(screen.getByTestId('live-item-title').textContent).toBe('Godkjenning av innkalling'));
    expect(r.callsOf('set_current_item').map((c) => c.args.itemId)).toEqual(['i3', 'i1']);
    expect(r.callsOf('mark_item_started')).toHaveLength(1);
  });

  it('flushes pending saves before moving to the next item', async () => {
    const r = setup(onItem('i1'));
    const narrative = (await screen.findByTestId('narrative')) as HTMLTextAreaElement;
    await waitFor(() => expect(narrative.disabled).toBe(false));
    await fireEvent.input(narrative, { target: { value: 'Leder innledet.' } });
    await fireEvent.click(screen.getByTestId('live-next'));
    await waitFor(() => expect(r.callsOf('set_current_item')).toHaveLength(1));
    const order = r.calls.map((c) => c.cmd);
    expect(order.indexOf('set_narrative')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('set_narrative')).toBeLessThan(order.indexOf('set_current_item'));
    expect(r.callsOf('set_narrative')[0].args).toEqual({ itemId: 'i1', text: 'Leder innledet.' });
  });

  it('writes pending saves at once when the window is hidden', async () => {
    const r = setup(onItem('i1'));
    const narrative = (await screen.findByTestId('narrative')) as HTMLTextAreaElement;
    await waitFor(() => expect(narrative.disabled).toBe(false));
    await fireEvent.input(narrative, { target: { value: 'Skrevet rett før lukking' } });
    window.dispatchEvent(new Event('pagehide'));
    await wait(30);
    expect(r.callsOf('set_narrative')).toHaveLength(1);
  });

  it('writes what a killed window left unsaved when the window starts, before the meeting shows', async () => {
    disk.entries.set('edit/live/m4/narrative:i1', { kind: 'narrative', itemId: 'i1', text: 'Fra forrige økt' });
    const record = fakeRecord();
    onItem('i1')(record);
    mockIPC(record.handler);
    expect(await replayJournal()).toEqual([]);
    expect(record.callsOf('set_narrative')[0].args).toEqual({ itemId: 'i1', text: 'Fra forrige økt' });
    expect(disk.entries.size).toBe(0);
    render(LiveScreen, { meetingId: 'm4' });
    const narrative = (await screen.findByTestId('narrative')) as HTMLTextAreaElement;
    await waitFor(() => expect(narrative.value).toBe('Fra forrige økt'));
    expect(record.callsOf('set_narrative')).toHaveLength(1);
  });

  it('journals a typed narrative at once and says "Lagret" only once the core has it', async () => {
    const r = setup(onItem('i1'));
    const narrative = (await screen.findByTestId('narrative')) as HTMLTextAreaElement;
    await waitFor(() => expect(narrative.disabled).toBe(false));
    await fireEvent.input(narrative, { target: { value: 'Straks på disk' } });
    await journal.durable();
    expect(disk.entries.get('edit/live/m4/narrative:i1')).toMatchObject({ text: 'Straks på disk' });
    expect(r.callsOf('set_narrative')).toHaveLength(0);
    expect(screen.getByTestId('save-status').getAttribute('data-state')).not.toBe('saved');
    await waitFor(() => expect(r.callsOf('set_narrative')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('save-status').getAttribute('data-state')).toBe('saved'));
    await journal.durable();
    expect(disk.entries.size).toBe(0);
  });

  it('keeps the text, shows the error beside it and does not move on when a save fails', async () => {
    const r = setup(onItem('i1'));
    const narrative = (await screen.findByTestId('narrative')) as HTMLTextAreaElement;
    await waitFor(() => expect(narrative.disabled).toBe(false));
    r.failOnce('set_narrative', 'Teksten er for lang.', 'narrative');
    await fireEvent.input(narrative, { target: { value: 'Noe som ikke blir lagret' } });
    await fireEvent.click(screen.getByTestId('live-next'));
    expect(await screen.findByTestId('save-error')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Ikke lagret');
    expect(screen.getAllByText('Teksten er for lang.').length).toBeGreaterThan(0);
    expect(r.callsOf('set_current_item')).toHaveLength(0);
    expect(screen.getByTestId('live-item-title').textContent).toBe('Godkjenning av innkalling');
    expect(narrative.value).toBe('Noe som ikke blir lagret');

    await fireEvent.click(screen.getByText('Prøv igjen'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Alt er lagret'), { timeout: 2000 });
    expect(r.callsOf('set_narrative')).toHaveLength(2);
    await fireEvent.click(screen.getByTestId('live-next'));
    await waitFor(() => expect(r.callsOf('set_current_item')).toHaveLength(1));
  });

  it('opens on the first item with the attendance unfolded when no one is checked in yet', async () => {
    setup();
    expect((await screen.findByTestId('live-item-title')).textContent).toBe('Godkjenning av innkalling');
    expect(screen.getByTestId('live-attendance-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('live-attendance-body')!.hidden).toBe(false);
    expect((screen.getByTestId('live-prev') as HTMLButtonElement).disabled).toBe(true);
    // Moving on folds it away (the rows stay in the page).
    await fireEvent.click(screen.getByTestId('live-next'));
    await waitFor(() => expect(screen.getByTestId('live-item-title').textContent).toBe('Strategi for e-helse'));
    expect(document.getElementById('live-attendance-body')!.hidden).toBe(true);
    expect(screen.getAllByTestId('attendance-row').length).toBe(4);
  });

  it('records attendance with one key per member and moves to the next person', async () => {
    const r = setup();
    const rows = await screen.findAllByTestId('attendance-row');
    expect(rows.map((x) => x.dataset.person)).toEqual(['Ørjan Andersen', 'Mariann Hornnes', 'Johan Ronæs', 'Karen Lima']);
    const first = within(rows[0]).getByTestId('attendance-present');
    first.focus();
    await fireEvent.keyDown(first, { key: 't' });
    await waitFor(() => expect(r.callsOf('set_attendance')).toHaveLength(1));
    expect(r.callsOf('set_attendance')[0].args).toEqual({
      meetingId: 'm4',
      input: { person_id: 'p1', status: 'present', substitute_for: null, remote: false },
    });
    await waitFor(() => expect(document.activeElement).toBe(within(rows[1]).getByTestId('attendance-present')));
    expect(screen.getByTestId('count-present').textContent).toBe('Til stede: 1');

    // The observer is recorded as an observer by the same "til stede".
    await fireEvent.click(within(rows[2]).getByTestId('attendance-present'));
    await waitFor(() => expect(r.callsOf('set_attendance')).toHaveLength(2));
    expect((r.callsOf('set_attendance')[1].args.input as { status: string }).status).toBe('observer');

    // Remote.
    await fireEvent.click(within(rows[0]).getByTestId('attendance-remote'));
    await waitFor(() => expect(r.callsOf('set_attendance')).toHaveLength(3));
    expect(r.callsOf('set_attendance')[2].args.input).toMatchObject({ person_id: 'p1', status: 'present', remote: true });
  });

  it('a substitute is a new person standing in for a member, who is then absent', async () => {
    const r = setup();
    const rows = await screen.findAllByTestId('attendance-row');
    const mariann = rows.find((x) => x.dataset.person === 'Mariann Hornnes')!;
    await fireEvent.click(within(mariann).getByTestId('attendance-substitute'));
    expect((screen.getByTestId('substitute-for') as HTMLSelectElement).value).toBe('p2');
    await fireEvent.input(screen.getByTestId('substitute-new-name'), { target: { value: 'Lucie Aunan' } });
    await fireEvent.input(screen.getByTestId('substitute-new-org'), { target: { value: 'Helsedirektoratet' } });
    await fireEvent.click(screen.getByTestId('substitute-save'));
    await waitFor(() => expect(r.callsOf('set_attendance')).toHaveLength(2));
    expect(r.callsOf('create_person')[0].args.input).toEqual({ name: 'Lucie Aunan', organisation: 'Helsedirektoratet', email: '' });
    const [sub, absent] = r.callsOf('set_attendance').map((c) => c.args.input as Record<string, unknown>);
    expect(sub).toMatchObject({ status: 'substitute', substitute_for: 'p2', remote: false });
    expect(absent).toEqual({ person_id: 'p2', status: 'absent', substitute_for: null, remote: false });
    const subRow = await waitFor(() => {
      const row = screen.getAllByTestId('attendance-row').find((x) => x.dataset.person === 'Lucie Aunan');
      expect(row).toBeTruthy();
      return row!;
    });
    expect(subRow.textContent).toContain('stiller for Mariann Hornnes');
    expect(subRow.previousElementSibling).toBe(mariann);
    await waitFor(() => expect(screen.getByTestId('count-absent').textContent).toBe('Forfall: 1'));
    expect(screen.getByTestId('count-substitutes').textContent).toBe('Stedfortredere: 1');
    expect(screen.queryByTestId('substitute-save')).toBeNull();
  });

  it('adds an action point with a responsible and "neste møte"', async () => {
    const r = setup(onItem('i3'));
    await fireEvent.input(await screen.findByTestId('action-text'), { target: { value: 'Lage en plan' } });
    await fireEvent.input(screen.getByTestId('action-responsible'), { target: { value: 'Helsedirektoratet' } });
    await fireEvent.change(screen.getByTestId('action-due'), { target: { value: 'next_meeting' } });
    await fireEvent.click(screen.getByTestId('action-add'));
    await waitFor(() => expect(r.callsOf('add_action')).toHaveLength(1));
    expect(r.callsOf('add_action')[0].args).toEqual({
      itemId: 'i3',
      input: { text: 'Lage en plan', responsible: 'Helsedirektoratet', due: 'next_meeting' },
    });
    const [shown] = await screen.findAllByTestId('action-item');
    expect(shown.textContent).toContain('Lage en plan');
    expect(shown.textContent).toContain('ansvarlig: Helsedirektoratet · frist: neste møte');
    expect((screen.getByTestId('action-text') as HTMLInputElement).value).toBe('');

    // Edited in place, saved as typed.
    await fireEvent.click(within(shown).getByTestId('action-edit'));
    await fireEvent.input(within(shown).getByTestId('action-item-text'), { target: { value: 'Lage en plan for 2026' } });
    await fireEvent.click(within(shown).getByTestId('action-done'));
    await waitFor(() => expect(r.callsOf('update_action')).toHaveLength(1));
    expect(r.callsOf('update_action')[0].args.input).toEqual({
      text: 'Lage en plan for 2026',
      responsible: 'Helsedirektoratet',
      due: 'next_meeting',
    });
    expect(screen.getByTestId('action-item').textContent).toContain('Lage en plan for 2026');
  });

  it('closes an open action point from an earlier meeting; cancelling needs a note', async () => {
    const r = setup();
    await fireEvent.click(await screen.findByTestId('live-open-actions'));
    const row = await screen.findByTestId('open-action');
    await fireEvent.click(within(row).getByTestId('open-action-cancel'));
    await fireEvent.click(within(row).getByTestId('open-action-cancel-confirm'));
    expect((await within(row).findByRole('alert')).textContent).toContain('Skriv hvorfor');
    await fireEvent.input(within(row).getByTestId('open-action-note'), { target: { value: 'Ikke lenger aktuelt' } });
    await fireEvent.click(within(row).getByTestId('open-action-cancel-confirm'));
    await waitFor(() => expect(row.dataset.status).toBe('cancelled'));
    expect(r.callsOf('set_action_status').at(-1)!.args).toEqual({ id: 'a-old', status: 'cancelled', note: 'Ikke lenger aktuelt' });
  });

  it('approved minutes are shown read-only', async () => {
    setup((r) => {
      onItem('i3')(r);
      const m = r.meetings.find((x) => x.id === 'm4')!;
      m.status = 'approved';
    });
    await screen.findByTestId('live-item-title');
    expect(screen.getByTestId('live-locked')).toBeTruthy();
    expect(screen.queryByTestId('innspill-input')).toBeNull();
    expect(screen.queryByTestId('decision-as-proposed')).toBeNull();
    expect(screen.queryByTestId('action-add')).toBeNull();
    expect(screen.queryByTestId('save-status')).toBeNull();
  });
});
