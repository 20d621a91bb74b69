import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import BodyRulesPanel from './BodyRulesPanel.svelte';
import PartiesPanel from './PartiesPanel.svelte';
import OutsidePositionsPanel from './OutsidePositionsPanel.svelte';
import { mockCore, uiError } from '../../testing/core';
import { body, person } from '../../testing/fixtures';
import type { Membership, Party } from '../../api';

describe('BodyRulesPanel', () => {
  it('sets a quorum share and signed minutes', async () => {
    const calls = mockCore((cmd) => {
      if (cmd === 'set_body_rules') return body({ quorum_percent: 50, signed_minutes: true });
      if (cmd === 'app_info' || cmd === 'list_bodies') return cmd === 'list_bodies' ? [body()] : {};
      throw new Error(cmd);
    });
    render(BodyRulesPanel, { body: body(), readOnly: false });
    await fireEvent.click(screen.getByTestId('rules-has-quorum'));
    expect((screen.getByTestId('rules-percent') as HTMLInputElement).value).toBe('50');
    await fireEvent.click(screen.getByTestId('rules-signed'));
    await fireEvent.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'set_body_rules')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'set_body_rules')!.args).toEqual({ id: 'b1', quorumPercent: 50, signedMinutes: true });
  });

  it('refuses a share that is not a number before asking the core', async () => {
    const calls = mockCore(() => null);
    render(BodyRulesPanel, { body: body({ quorum_percent: 50 }), readOnly: false });
    await fireEvent.input(screen.getByTestId('rules-percent'), { target: { value: 'halv' } });
    await fireEvent.click(screen.getByTestId('rules-save'));
    expect(await screen.findByText('Skriv andelen som et helt tall fra 1 til 100.')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'set_body_rules')).toHaveLength(0);
  });
});

describe('PartiesPanel', () => {
  it('adds, renames and removes groups, and sets a membership\'s group', async () => {
    let parties: Party[] = [{ id: 'g1', body_id: 'b1', name: 'Høyre', short_name: 'H' }];
    const kari: Membership = { id: 'ms1', person: person('p1', 'Kari Nordmann'), role: 'medlem', term_from: null, term_to: null, substitute: null, party: null };
    const calls = mockCore((cmd, a) => {
      switch (cmd) {
        case 'list_parties':
          return parties;
        case 'add_party': {
          const input = a.input as { name: string; short_name: string };
          if (parties.some((p) => p.short_name === input.short_name)) throw uiError('Partiet «H» finnes allerede.', 'short_name', 'duplicate');
          const p = { id: 'g2', body_id: 'b1', ...input };
          parties = [...parties, p];
          return p;
        }
        case 'update_party':
          return { id: a.id, body_id: 'b1', ...(a.input as object) };
        case 'remove_party':
          throw uiError('Partiet er brukt i medlemskap, forslag eller voteringer og kan ikke fjernes. Gi det heller nytt navn.', 'party', 'invalid');
        case 'set_membership_party':
          return null;
        default:
          throw new Error(cmd);
      }
    });
    render(PartiesPanel, { body: body(), memberships: [kari], readOnly: false, onchange: () => {} });
    expect(await screen.findByText('Høyre')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('party-short'), { target: { value: 'FrP' } });
    await fireEvent.input(screen.getByTestId('party-name'), { target: { value: 'Fremskrittspartiet' } });
    await fireEvent.click(screen.getByTestId('party-add'));
    expect(await screen.findByText('Fremskrittspartiet')).toBeTruthy();
    await fireEvent.change(screen.getByTestId('membership-party'), { target: { value: 'g2' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'set_membership_party')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'set_membership_party')!.args).toEqual({ membershipId: 'ms1', partyId: 'g2' });
    await fireEvent.click(screen.getAllByText('Fjern')[0]);
    expect(await screen.findByText(/kan ikke fjernes/)).toBeTruthy();
  });
});

describe('OutsidePositionsPanel', () => {
  it('lists and adds a person\'s outside positions', async () => {
    const calls = mockCore((cmd, a) => {
      if (cmd === 'list_outside_positions') return [];
      if (cmd === 'add_outside_position') return { id: 'op1', person_id: a.personId, ...(a.input as object) };
      throw new Error(cmd);
    });
    render(OutsidePositionsPanel, { people: [person('p1', 'Kari Nordmann')], readOnly: false });
    await fireEvent.change(screen.getByTestId('pos-person'), { target: { value: 'p1' } });
    expect(await screen.findByTestId('pos-empty')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('pos-org'), { target: { value: 'Testvik Idrettslag' } });
    await fireEvent.input(screen.getByTestId('pos-role'), { target: { value: 'styreleder' } });
    await fireEvent.click(screen.getByTestId('pos-add'));
    expect((await screen.findByTestId('pos-list')).textContent).toContain('styreleder, Testvik Idrettslag');
    expect(calls.find((c) => c.cmd === 'add_outside_position')!.args).toEqual({
      personId: 'p1',
      input: { organisation: 'Testvik Idrettslag', role: 'styreleder', since: null, until: null },
    });
  });
});
