import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import SigningPanel from './SigningPanel.svelte';
import { mockCore } from '../../testing/core';
import { meeting, person } from '../../testing/fixtures';
import type { Membership, SigningState } from '../../api';

const CHAIR = person('p1', 'Anne Aas');
const M1 = person('p2', 'Bjørn Berg');
const M2 = person('p3', 'Cecilie Dahl');
const M3 = person('p4', 'Dag Eide');
const SEC = person('p9', 'Sara Sekretær');
const HASH = 'ab'.repeat(32);

const ms = (id: string, p: typeof CHAIR, role: Membership['role']): Membership => ({
  id,
  person: p,
  role,
  term_from: null,
  term_to: null,
  substitute: null,
  party: null,
});

function setup(state: Partial<SigningState> = {}) {
  let s: SigningState = { required: true, signers: [], rounds: [], ...state };
  const calls = mockCore((cmd, a) => {
    switch (cmd) {
      case 'get_signing':
        return s;
      case 'list_memberships':
        return [ms('m1', CHAIR, 'leder'), ms('m2', M1, 'medlem'), ms('m3', M2, 'medlem'), ms('m4', M3, 'medlem'), ms('m9', SEC, 'sekretar')];
      case 'list_attendance':
        return [CHAIR, M2, M3].map((p, i) => ({ id: `a${i}`, person: p, status: 'present', substitute_for: null, remote: false, party: null }));
      case 'set_minutes_signers':
        s = { ...s, signers: (a.personIds as string[]).map((id) => [CHAIR, M1, M2, M3].find((p) => p.id === id)!) };
        return s;
      case 'send_for_signing':
        s = { ...s, rounds: [{ id: 'r1', meeting_id: 'm1', sent_at: '2026-01-20T10:00:00Z', sha256: HASH, closed_at: null, outcome: null, signatures: [] }] };
        return s.rounds[0];
      case 'sign_minutes': {
        const r = s.rounds[0];
        const signatures = [...r.signatures, { person: s.signers.find((p) => p.id === a.personId)!, at: '2026-01-21T09:00:00Z', verdict: 'signed' as const, comment: '', sha256: HASH }];
        const done = signatures.length === s.signers.length;
        s = { ...s, rounds: [{ ...r, signatures, closed_at: done ? '2026-01-21T09:00:00Z' : null, outcome: done ? 'signed' : null }] };
        return s;
      }
      case 'refuse_minutes': {
        const r = s.rounds[0];
        const signatures = [...r.signatures, { person: s.signers.find((p) => p.id === a.personId)!, at: '2026-01-21T09:00:00Z', verdict: 'refused' as const, comment: a.comment as string, sha256: HASH }];
        s = { ...s, rounds: [{ ...r, signatures, closed_at: '2026-01-21T09:00:00Z', outcome: 'refused' }] };
        return s;
      }
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  const onchange = vi.fn();
  render(SigningPanel, { meeting: meeting({ id: 'm1', status: 'held', number: '1/2026', date: '2026-01-15' }), onchange });
  return { calls, onchange, callsOf: (c: string) => calls.filter((x) => x.cmd === c) };
}

describe('SigningPanel', () => {
  it('suggests the chair and two members present, and sends for signing only after a confirmation', async () => {
    const { callsOf, onchange } = setup();
    const chosen = await screen.findByTestId('signing-chosen');
    // Bjørn Berg is not present: the suggestion takes the members who are.
    expect([...chosen.querySelectorAll('li > span:first-child')].map((e) => e.textContent)).toEqual(['Anne Aas', 'Cecilie Dahl', 'Dag Eide']);
    await fireEvent.click(screen.getByTestId('signing-send'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('låses');
    expect(callsOf('send_for_signing')).toHaveLength(0);
    await fireEvent.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() => expect(callsOf('send_for_signing')).toHaveLength(1));
    // The choice is saved first, then sent.
    expect(callsOf('set_minutes_signers')[0].args).toEqual({ meetingId: 'm1', personIds: ['p1', 'p3', 'p4'] });
    expect((await screen.findByTestId('signing-hash')).textContent).toBe(HASH);
    expect(screen.getByTestId('signing-open').textContent).toContain('låst');
    expect(onchange).toHaveBeenCalled();
  });

  it('records each signature of the hash shown; the last one approves the minutes', async () => {
    const { callsOf, onchange } = setup({
      signers: [CHAIR, M2],
      rounds: [{ id: 'r1', meeting_id: 'm1', sent_at: '2026-01-20T10:00:00Z', sha256: HASH, closed_at: null, outcome: null, signatures: [] }],
    });
    const rows = await screen.findAllByTestId('signing-row');
    expect(rows.map((r) => within(r).getByTestId('signing-state').textContent?.trim())).toEqual(['Venter', 'Venter']);
    await fireEvent.click(within(rows[0]).getByTestId('signing-sign'));
    expect(within(rows[0]).getByTestId('signing-answer').textContent).toContain(HASH);
    await fireEvent.click(within(rows[0]).getByTestId('signing-sign-confirm'));
    await waitFor(() => expect(callsOf('sign_minutes')).toHaveLength(1));
    expect(callsOf('sign_minutes')[0].args).toEqual({ meetingId: 'm1', personId: 'p1', sha256: HASH });
    await waitFor(() => expect(within(screen.getAllByTestId('signing-row')[0]).getByTestId('signing-state').textContent).toContain('Signert'));
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.click(within(screen.getAllByTestId('signing-row')[1]).getByTestId('signing-sign'));
    await fireEvent.click(screen.getByTestId('signing-sign-confirm'));
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    expect((await screen.findByTestId('signing-approved')).textContent).toContain('signert av alle og godkjent');
  });

  it('records a refusal with its comment', async () => {
    const { callsOf } = setup({
      signers: [CHAIR, M2],
      rounds: [{ id: 'r1', meeting_id: 'm1', sent_at: '2026-01-20T10:00:00Z', sha256: HASH, closed_at: null, outcome: null, signatures: [] }],
    });
    const rows = await screen.findAllByTestId('signing-row');
    await fireEvent.click(within(rows[1]).getByTestId('signing-refuse'));
    await fireEvent.input(await screen.findByTestId('signing-comment'), { target: { value: 'Sak 5/26 mangler FrPs forslag.' } });
    await fireEvent.click(screen.getByTestId('signing-refuse-confirm'));
    await waitFor(() => expect(callsOf('refuse_minutes')).toHaveLength(1));
    expect(callsOf('refuse_minutes')[0].args).toEqual({ meetingId: 'm1', personId: 'p3', comment: 'Sak 5/26 mangler FrPs forslag.' });
    expect((await screen.findByTestId('signing-earlier')).textContent).toContain('Sak 5/26 mangler FrPs forslag.');
  });

  it('shows nothing for a body whose minutes a later meeting approves', async () => {
    const { callsOf } = setup({ required: false });
    await waitFor(() => expect(callsOf('get_signing')).toHaveLength(1));
    expect(screen.queryByTestId('signing')).toBeNull();
  });
});
