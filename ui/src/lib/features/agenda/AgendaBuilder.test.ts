import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import AgendaBuilder from './AgendaBuilder.svelte';
import type { AgendaItem, ItemInput, ItemUpdate, Meeting } from '../../api';
import { clockMinutes, clockTime } from '../../agendaTimes';
import type { ItemKind } from '../../vocabulary';
import { mockCore } from '../../testing/core';
import { agendaItem, meeting } from '../../testing/fixtures';
import { freshJournal, journal, type MemoryStore } from '../../save/journal';
import { replayJournal } from '../../save/replay';

const MEETING: Meeting = meeting({ id: 'm1', end: '11:30' });

const item = (id: string, kind: ItemKind, title: string, duration: number, extra: Partial<AgendaItem> = {}) =>
  agendaItem(id, 'm1', kind, title, duration, extra);


/** A small in-memory agenda behind the commands, numbering and timing like the core. */
function backend(meeting: Meeting, start: AgendaItem[]) {
  const items = start.map((i) => ({ ...i }));
  const renumber = () => {
    let n = 30;
    items.forEach((it, pos) => {
      it.position = pos;
      if (it.kind === 'case') it.case_number = `${n++}/25`;
    });
  };
  const timetable = () => {
    let at = clockMinutes(meeting.start)!;
    const rows = items.map((it) => {
      const s = clockTime(at);
      at += it.duration_min;
      return { item: { ...it }, start: s, end: clockTime(at) };
    });
    const over = at - clockMinutes(meeting.end)!;
    return { rows, end: meeting.end, overrun_min: Math.max(0, over), slack_min: Math.max(0, -over) };
  };
  renumber();
  const calls = mockCore((cmd, args) => {
    switch (cmd) {
      case 'get_timetable':
        return timetable();
      case 'timetable_warning': {
        const t = timetable();
        return t.overrun_min > 0 ? `Dagsordenen går ${t.overrun_min} minutter over sluttiden ${t.end}.` : null;
      }
      case 'list_case_types':
        return [
          { id: 't1', name: 'Drøfting', proposal_template: '{organ} drøftet saken.' },
          { id: 't2', name: 'Åpen sak', proposal_template: '' },
        ];
      case 'unplaced_cases':
        return [];
      case 'update_item': {
        const it = items.find((i) => i.id === args.id)!;
        const u = args.input as ItemUpdate;
        if (u.duration_min > 1440) throw { message: 'Varigheten må være mellom 0 og 1440.', field: 'duration', kind: 'invalid' };
        Object.assign(it, { duration_min: u.duration_min, title: u.title || it.title, guest: u.guest });
        return { ...it };
      }
      case 'move_item': {
        const from = items.findIndex((i) => i.id === args.id);
        const [moved] = items.splice(from, 1);
        items.splice(args.position as number, 0, moved);
        renumber();
        return items.map((i) => ({ ...i }));
      }
      case 'add_item': {
        const input = args.input as ItemInput;
        const it = item(`new${items.length}`, input.kind, input.title || input.new_case?.title || '', input.duration_min);
        const pos = (args.position as number | null) ?? items.length;
        items.splice(pos, 0, it);
        renumber();
        return { ...it };
      }
      case 'remove_item': {
        items.splice(
          items.findIndex((i) => i.id === args.id),
          1,
        );
        renumber();
        return null;
      }
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return { calls, items };
}

const AGENDA = [
  item('a', 'case', 'Godkjenning av referat', 30),
  item('b', 'break', 'Pause', 15),
  item('c', 'case', 'Digital samhandling', 45),
];

function times() {
  return screen.getAllByTestId('agenda-time').map((t) => t.textContent?.trim());
}

async function renderAgenda(meeting: Meeting = MEETING, agenda = AGENDA) {
  const b = backend(meeting, agenda);
  let changes = 0;
  render(AgendaBuilder, { meeting, onchange: () => changes++ });
  await screen.findAllByTestId('agenda-row');
  return { ...b, changes: () => changes };
}

// Each test starts with an empty journal (what one test typed is no leftover of a killed window).
beforeEach(() => {
  freshJournal();
});

describe('AgendaBuilder', () => {
  it('shows the timetable with numbers, times, the end line and a distinct break', async () => {
    await renderAgenda();
    const rows = screen.getAllByTestId('agenda-row');
    expect(rows.map((r) => r.dataset.kind)).toEqual(['case', 'break', 'case']);
    expect(screen.getAllByTestId('agenda-number').map((n) => n.textContent?.trim())).toEqual(['30/25', '', '31/25']);
    expect(times()).toEqual(['10:00', '10:30', '10:45']);
    expect(rows[1].classList.contains('kind-break')).toBe(true);
    expect(screen.getByTestId('agenda-end').textContent).toContain('Slutt 11:30');
    expect(screen.queryByTestId('agenda-overrun')).toBeNull();
  });

  it('recomputes times as a duration is typed, saves it and shows the overrun warning', async () => {
    const { calls } = await renderAgenda();
    const first = screen.getAllByTestId('item-duration')[0] as HTMLInputElement;
    await fireEvent.input(first, { target: { value: '60' } });
    // At once, before anything is saved.
    expect(times()).toEqual(['10:00', '11:00', '11:15']);
    expect(calls.some((c) => c.cmd === 'update_item')).toBe(false);
    // Then saved after the pause in typing, with the item's other fields unchanged.
    await waitFor(() => expect(calls.some((c) => c.cmd === 'update_item')).toBe(true));
    const upd = calls.find((c) => c.cmd === 'update_item')!;
    expect(upd.args.id).toBe('a');
    expect((upd.args.input as ItemUpdate).duration_min).toBe(60);
    // The agenda now runs 30 minutes past 11:30: the core's warning is shown, not blocking.
    expect((await screen.findByTestId('agenda-overrun')).textContent).toContain('30 minutter over');
    expect(first.value).toBe('60');
  });

  it('keeps a duration the core refuses and shows its message beside it', async () => {
    await renderAgenda();
    const first = screen.getAllByTestId('item-duration')[0] as HTMLInputElement;
    await fireEvent.input(first, { target: { value: '2000' } });
    await fireEvent.blur(first);
    const err = await screen.findByTestId('item-duration-error');
    expect(err.textContent).toContain('mellom 0 og 1440');
    expect(first.value).toBe('2000');
    expect(first.getAttribute('aria-invalid')).toBe('true');
  });

  it('moves a row with Alt+ArrowUp and with the buttons, and announces the new place', async () => {
    const { calls } = await renderAgenda();
    const rows = screen.getAllByTestId('agenda-row');
    const input = within(rows[2]).getByTestId('item-duration');
    input.focus();
    await fireEvent.keyDown(input, { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'move_item')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'move_item')!.args).toEqual({ id: 'c', position: 1 });
    await waitFor(() => expect(screen.getByTestId('agenda-live').textContent).toContain('plass 2 av 3'));
    // The order and numbers follow the core.
    await waitFor(() =>
      expect(screen.getAllByTestId('agenda-title').map((t) => t.textContent?.trim())).toEqual([
        'Godkjenning av referat',
        'Digital samhandling',
        'Pause',
      ]),
    );

    await fireEvent.click(within(screen.getAllByTestId('agenda-row')[0]).getByTestId('move-down'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'move_item')).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === 'move_item')[1].args).toEqual({ id: 'a', position: 1 });
    // The first row cannot move up, the last cannot move down.
    await waitFor(() => expect(screen.getAllByTestId('move-up')[0].hasAttribute('disabled')).toBe(true));
    expect(screen.getAllByTestId('move-down')[2].hasAttribute('disabled')).toBe(true);
  });

  it('moves a row by drag and drop', async () => {
    const { calls } = await renderAgenda();
    const rows = screen.getAllByTestId('agenda-row');
    const grip = rows[0].querySelector('.grip')!;
    await fireEvent.dragStart(grip);
    // jsdom has no layout: the pointer counts as over the upper half, so the drop lands before the row.
    await fireEvent.dragOver(rows[2]);
    expect(rows[2].classList.contains('drop-before')).toBe(true);
    await fireEvent.drop(rows[2]);
    await waitFor(() => expect(calls.find((c) => c.cmd === 'move_item')?.args).toEqual({ id: 'a', position: 1 }));
    expect(rows[2].classList.contains('drop-before')).toBe(false);
  });

  it('once the agenda is sent, cases cannot be added, moved or removed; breaks and durations can', async () => {
    const sent: Meeting = { ...MEETING, status: 'agenda_sent' };
    const { calls } = await renderAgenda(sent);
    expect(screen.getByTestId('agenda-frozen').textContent).toContain('sendt');
    const rows = screen.getAllByTestId('agenda-row');
    for (const i of [0, 2]) {
      expect(within(rows[i]).getByTestId('move-up').hasAttribute('disabled')).toBe(true);
      expect(within(rows[i]).getByTestId('move-down').hasAttribute('disabled')).toBe(true);
      expect(within(rows[i]).getByTestId('item-remove').hasAttribute('disabled')).toBe(true);
    }
    expect(within(rows[1]).getByTestId('move-up').hasAttribute('disabled')).toBe(false);
    expect(within(rows[1]).getByTestId('item-remove').hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('add-case').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('add-break').hasAttribute('disabled')).toBe(false);
    // The keyboard does not move a case either.
    await fireEvent.keyDown(within(rows[0]).getByTestId('item-duration'), { key: 'ArrowDown', altKey: true });
    expect(calls.some((c) => c.cmd === 'move_item')).toBe(false);
    // A break still moves.
    await fireEvent.click(within(rows[1]).getByTestId('move-up'));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'move_item')?.args).toEqual({ id: 'b', position: 0 }));
  });

  it('adds a lunch break after the selected item', async () => {
    const { calls, changes } = await renderAgenda();
    await fireEvent.mouseDown(screen.getAllByTestId('agenda-row')[0]);
    await fireEvent.click(screen.getByTestId('add-break'));
    const title = screen.getByTestId('break-title') as HTMLInputElement;
    expect(document.activeElement).toBe(title);
    await fireEvent.input(title, { target: { value: 'Lunsj' } });
    await fireEvent.input(screen.getByTestId('break-duration'), { target: { value: '30' } });
    await fireEvent.click(screen.getByTestId('break-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'add_item')).toBe(true));
    const add = calls.find((c) => c.cmd === 'add_item')!;
    expect(add.args.meetingId).toBe('m1');
    expect(add.args.position).toBe(1);
    expect(add.args.input).toMatchObject({ kind: 'break', title: 'Lunsj', duration_min: 30, case_id: null, new_case: null });
    await waitFor(() => expect(screen.getAllByTestId('agenda-row')).toHaveLength(4));
    const row = screen.getAllByTestId('agenda-row')[1];
    expect(row.dataset.kind).toBe('break');
    expect(within(row).getByTestId('agenda-title').textContent).toContain('Lunsj');
    expect(times()).toEqual(['10:00', '10:30', '11:00', '11:15']);
    expect(changes()).toBeGreaterThan(0);
  });

  it('adds a new case with its type and shows a core error beside the title', async () => {
    const calls = mockCore((cmd) => {
      if (cmd === 'add_item') {
        throw { message: 'Tittelen kan ikke være tom. Fyll inn en verdi.', field: 'title', kind: 'invalid' };
      }
      if (cmd === 'get_timetable')
        return { rows: AGENDA.map((it) => ({ item: it, start: '10:00', end: '10:30' })), end: '11:30', overrun_min: 0, slack_min: 0 };
      if (cmd === 'timetable_warning') return null;
      if (cmd === 'list_case_types') return [{ id: 't1', name: 'Drøfting', proposal_template: '' }];
      if (cmd === 'unplaced_cases') return [];
      throw new Error(cmd);
    });
    render(AgendaBuilder, { meeting: MEETING, onchange: () => {} });
    await screen.findAllByTestId('agenda-row');
    await fireEvent.click(screen.getByTestId('add-case'));
    await fireEvent.change(screen.getByTestId('new-case-type'), { target: { value: 'Drøfting' } });
    await fireEvent.input(screen.getByTestId('new-case-title'), { target: { value: '  ' } });
    await fireEvent.click(screen.getByTestId('new-case-save'));
    await waitFor(() => expect(document.getElementById('agenda-add-first-error')?.textContent).toContain('Tittelen kan ikke være tom'));
    const input = calls.find((c) => c.cmd === 'add_item')!.args.input as ItemInput;
    expect(input.kind).toBe('case');
    expect(input.new_case).toMatchObject({ title: '  ', case_type: 'Drøfting', proposal: null });
    expect((screen.getByTestId('new-case-title') as HTMLInputElement).value).toBe('  ');
  });

  it('is read-only once the minutes are approved', async () => {
    await renderAgenda({ ...MEETING, status: 'approved' });
    expect(screen.queryByTestId('item-duration')).toBeNull();
    expect(screen.queryByTestId('move-up')).toBeNull();
    expect(screen.queryByTestId('add-break')).toBeNull();
    expect(times()).toEqual(['10:00', '10:30', '10:45']);
  });

  describe('a typed duration is never lost', () => {
    const KEY = 'edit/agenda/m1/item:a';
    let disk: MemoryStore;
    beforeEach(() => {
      disk = freshJournal();
    });

    it('is journalled at the keystroke, before the pause, and forgotten once saved', async () => {
      const { calls } = await renderAgenda();
      const first = screen.getAllByTestId('item-duration')[0] as HTMLInputElement;
      await fireEvent.input(first, { target: { value: '50' } });
      expect(calls.some((c) => c.cmd === 'update_item')).toBe(false);
      await waitFor(() =>
        expect(disk.entries.get(KEY)).toMatchObject({ kind: 'item', itemId: 'a', update: { duration_min: 50, title: 'Godkjenning av referat' } }),
      );
      await fireEvent.blur(first);
      await waitFor(() => expect(calls.filter((c) => c.cmd === 'update_item')).toHaveLength(1));
      await waitFor(() => expect(disk.entries.has(KEY)).toBe(false));
    });

    it('is written when the window starts again, before the agenda is shown', async () => {
      disk.entries.set('edit/agenda/m1/item:c', {
        kind: 'item',
        itemId: 'c',
        update: { title: 'Digital samhandling', case_type: '', guest: '', summary: '', duration_min: 60 },
      });
      const { calls } = backend(MEETING, AGENDA);
      expect(await replayJournal()).toEqual([]);
      expect(calls[0].cmd).toBe('update_item');
      expect(calls[0].args).toMatchObject({ id: 'c', input: { duration_min: 60 } });
      expect(disk.entries.size).toBe(0);
      render(AgendaBuilder, { meeting: MEETING, onchange: () => {} });
      await waitFor(() => expect(screen.getByTestId('agenda-end').textContent).toContain('11:45'));
    });

    it('a duration the core refuses stays journalled and is not sent again on leaving the field', async () => {
      const { calls } = await renderAgenda();
      const first = screen.getAllByTestId('item-duration')[0] as HTMLInputElement;
      await fireEvent.input(first, { target: { value: '2000' } });
      await fireEvent.blur(first);
      await screen.findByTestId('item-duration-error');
      first.focus();
      await fireEvent.blur(first);
      expect(calls.filter((c) => c.cmd === 'update_item')).toHaveLength(1);
      await journal.durable();
      expect(JSON.stringify(disk.entries.get(KEY))).toContain('2000');
    });
  });
});
