import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import MeetingForm from './MeetingForm.svelte';
import { app } from '../../context.svelte';
import type { Body, Meeting, MeetingInput } from '../../api';
import { appInfo, mockCore, withAppContext, type Handler } from '../../testing/core';
import { body, meeting as baseMeeting } from '../../testing/fixtures';

const BODY: Body = body({ default_place: 'Helsedirektoratet, Vitaminveien 4, Storo Oslo' });

const INFO = appInfo();

function meeting(over: Partial<Meeting> = {}): Meeting {
  return baseMeeting({ id: 'm3', number: '3/2025', date: '2025-09-18', end: '15:00', ...over });
}

async function setup(handler: Handler) {
  const calls = mockCore(withAppContext(INFO, () => [BODY], handler));
  app.bodyId = 'b1';
  await app.refresh();
  return calls;
}

describe('MeetingForm', () => {
  it('creates a meeting with what was typed; the place starts as the body’s usual place', async () => {
    const calls = await setup((cmd, args) => {
      if (cmd === 'list_meetings') return [meeting()];
      if (cmd === 'create_meeting') return meeting({ ...(args.input as MeetingInput), id: 'm4', number: '4/2025', seq: 4 });
      throw new Error(cmd);
    });
    const onsaved = vi.fn();
    render(MeetingForm, { bodyId: 'b1', onsaved, oncancel: () => {} });

    const place = screen.getByTestId('meeting-place') as HTMLInputElement;
    expect(place.value).toBe('Helsedirektoratet, Vitaminveien 4, Storo Oslo');
    expect(screen.getByLabelText('Møtenummer')).toBe(screen.getByTestId('meeting-number'));

    await fireEvent.input(screen.getByTestId('meeting-date'), { target: { value: '2025-12-11' } });
    // The hint tells which number an empty field gives.
    expect(await screen.findByText(/Tomt gir neste ledige nummer: 4\/2025/)).toBeTruthy();
    await fireEvent.input(screen.getByTestId('meeting-start'), { target: { value: '09:30' } });
    await fireEvent.click(screen.getByTestId('meeting-extraordinary'));
    await fireEvent.click(screen.getByTestId('meeting-save'));

    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    const create = calls.find((c) => c.cmd === 'create_meeting');
    expect(create?.args.bodyId).toBe('b1');
    expect(create?.args.input).toEqual({
      number: '',
      extraordinary: true,
      date: '2025-12-11',
      start: '09:30',
      end: '16:00',
      place: 'Helsedirektoratet, Vitaminveien 4, Storo Oslo',
      remote: false,
      remote_link: '',
    });
    expect(onsaved.mock.calls[0][0].number).toBe('4/2025');
  });

  it('shows the core’s date error beside the date field and keeps what was typed', async () => {
    await setup((cmd) => {
      if (cmd === 'list_meetings') return [];
      if (cmd === 'create_meeting') {
        throw { message: 'Møte 4/2025 må holdes i 2025, men datoen er i 2026.', field: 'date', kind: 'invalid' };
      }
      throw new Error(cmd);
    });
    const onsaved = vi.fn();
    render(MeetingForm, { bodyId: 'b1', onsaved, oncancel: () => {} });
    await fireEvent.input(screen.getByTestId('meeting-number'), { target: { value: '4/2025' } });
    await fireEvent.input(screen.getByTestId('meeting-date'), { target: { value: '2026-01-08' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));

    const date = screen.getByTestId('meeting-date') as HTMLInputElement;
    const error = await waitFor(() => {
      const el = date.closest('.field')?.querySelector('[role="alert"]');
      expect(el?.textContent).toContain('må holdes i 2025');
      return el as HTMLElement;
    });
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(date);
    // Nothing else claims the error, and nothing typed is lost.
    expect(screen.queryByTestId('error-banner')).toBeNull();
    expect((screen.getByTestId('meeting-number') as HTMLInputElement).value).toBe('4/2025');
    expect(date.value).toBe('2026-01-08');
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('puts a bad or taken number beside the number field, other errors in a banner', async () => {
    let reply: unknown = { message: '«4-2025» er ikke et møtenummer.', field: 'meeting', kind: 'invalid' };
    await setup((cmd) => {
      if (cmd === 'list_meetings') return [];
      if (cmd === 'create_meeting') throw reply;
      throw new Error(cmd);
    });
    render(MeetingForm, { bodyId: 'b1', onsaved: () => {}, oncancel: () => {} });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    const number = screen.getByTestId('meeting-number');
    await waitFor(() => expect(number.closest('.field')?.textContent).toContain('ikke et møtenummer'));

    reply = { message: 'Møte 4/2025 finnes allerede.', field: null, kind: 'duplicate' };
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(number.closest('.field')?.textContent).toContain('finnes allerede'));

    reply = { message: 'Databasen er låst.', field: null, kind: 'io' };
    await fireEvent.click(screen.getByTestId('meeting-save'));
    expect((await screen.findByTestId('error-banner')).textContent).toContain('Databasen er låst');
    expect(number.closest('.field')?.textContent).not.toContain('finnes allerede');
  });

  it('a video meeting asks for the link instead of the place', async () => {
    const calls = await setup((cmd, args) => {
      if (cmd === 'list_meetings') return [];
      if (cmd === 'create_meeting') return meeting(args.input as MeetingInput);
      throw new Error(cmd);
    });
    render(MeetingForm, { bodyId: 'b1', onsaved: () => {}, oncancel: () => {} });
    await fireEvent.input(screen.getByTestId('meeting-date'), { target: { value: '2025-12-11' } });
    await fireEvent.click(screen.getByTestId('meeting-remote'));
    expect(screen.queryByTestId('meeting-place')).toBeNull();
    await fireEvent.input(screen.getByLabelText('Lenke til videomøtet'), { target: { value: 'https://meet.example/abc' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'create_meeting')).toBe(true));
    const input = calls.find((c) => c.cmd === 'create_meeting')?.args.input as MeetingInput;
    expect(input.remote).toBe(true);
    expect(input.remote_link).toBe('https://meet.example/abc');
  });

  it('edits an existing meeting with update_meeting and its own values', async () => {
    const calls = await setup((cmd, args) => {
      if (cmd === 'update_meeting') return meeting({ ...(args.input as MeetingInput) });
      throw new Error(cmd);
    });
    const oncancel = vi.fn();
    const onsaved = vi.fn();
    render(MeetingForm, { bodyId: 'b1', meeting: meeting({ status: 'agenda_sent' }), onsaved, oncancel });
    expect(screen.getByText('Endre møte 3/2025')).toBeTruthy();
    expect((screen.getByTestId('meeting-place') as HTMLInputElement).value).toBe('Helsedirektoratet');
    expect(screen.getByText(/Dagsordenen er sendt, så nummeret/)).toBeTruthy();
    await fireEvent.input(screen.getByTestId('meeting-end'), { target: { value: '16:30' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const update = calls.find((c) => c.cmd === 'update_meeting');
    expect(update?.args.id).toBe('m3');
    expect((update?.args.input as MeetingInput).end).toBe('16:30');
    expect((update?.args.input as MeetingInput).number).toBe('3/2025');
    expect(calls.some((c) => c.cmd === 'list_meetings')).toBe(false);

    await fireEvent.click(screen.getByTestId('meeting-cancel'));
    expect(oncancel).toHaveBeenCalled();
  });
});
