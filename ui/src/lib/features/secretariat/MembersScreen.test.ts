import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import MembersScreen from './MembersScreen.svelte';
import { app } from '../../context.svelte';
import type { Body, BodyInput, CaseType, Membership, MembershipInput, Person, PersonInput } from '../../api';
import { appInfo, mockCore, withAppContext } from '../../testing/core';
import { body } from '../../testing/fixtures';

const ANN: Person = { id: 'p1', name: 'Ørjan Andersen', organisation: 'Helse Vest RHF', email: '' };
const LUCIE: Person = { id: 'p2', name: 'Lucie Aunan', organisation: 'Helsedirektoratet', email: 'lucie@helsedir.no' };

/** A small record in memory that answers the commands the screen uses, as the core would. */
function record(opts: { readOnly?: boolean; bodies?: Body[] } = {}) {
  let bodies: Body[] = opts.bodies ?? [
    body({
      names: [
        { name: 'Nasjonalt e-helsestyre', valid_from: '1900-01-01' },
        { name: 'Nasjonalt e-helseråd', valid_from: '2024-01-01' },
      ],
    }),
  ];
  let people: Person[] = [ANN, LUCIE];
  let memberships: Membership[] = [
    { id: 'ms1', person: ANN, role: 'leder', term_from: '2024-01-01', term_to: '2027-12-31', substitute: LUCIE, party: null },
  ];
  let types: CaseType[] = [
    { id: 't1', name: 'Godkjenning', proposal_template: '{organ} godkjenner saken.' },
    { id: 't2', name: 'Åpen sak', proposal_template: '' },
  ];
  let next = 0;
  const fail = (message: string, field: string | null, kind = 'invalid') => {
    throw { message, field, kind };
  };
  const calls = mockCore(withAppContext(appInfo({ read_only: !!opts.readOnly }), () => bodies, (cmd, a) => {
    switch (cmd) {
      case 'create_body': {
        const input = a.input as BodyInput;
        if (!input.name.trim()) fail('Navnet må fylles ut.', 'name');
        if (bodies.some((b) => b.short_name === input.short_name)) fail(`Organet «${input.short_name}» finnes allerede.`, null, 'duplicate');
        const b: Body = { id: `b${++next + 1}`, ...input, names: [{ name: input.name, valid_from: '1900-01-01' }], quorum_percent: null, signed_minutes: false };
        bodies = [...bodies, b];
        return b;
      }
      case 'rename_body': {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(a.validFrom))) fail('Datoen «» er ikke en dato.', 'date');
        bodies = bodies.map((b) =>
          b.id === a.id
            ? { ...b, name: String(a.name), names: [...b.names, { name: String(a.name), valid_from: String(a.validFrom) }] }
            : b,
        );
        return bodies.find((b) => b.id === a.id);
      }
      case 'list_case_types':
        return types;
      case 'save_case_type': {
        const t = { id: `t${++next + 10}`, name: String(a.name), proposal_template: String(a.proposalTemplate) };
        types = [...types, t];
        return t;
      }
      case 'remove_case_type':
        if (a.id === 't1') fail('Sakstypen brukes av 3 saker og kan ikke fjernes. Endre sakstypen på dem først.', 'case_type');
        types = types.filter((t) => t.id !== a.id);
        return null;
      case 'list_people':
        return people;
      case 'create_person': {
        const input = a.input as PersonInput;
        if (!input.name.trim()) fail('Navnet må fylles ut.', 'name');
        const p = { id: `p${++next + 10}`, ...input };
        people = [...people, p];
        return p;
      }
      case 'update_person': {
        const input = a.input as PersonInput;
        if (input.email && !input.email.includes('@')) fail(`«${input.email}» er ikke en gyldig e-postadresse.`, 'email');
        people = people.map((p) => (p.id === a.id ? { id: p.id, ...input } : p));
        memberships = memberships.map((m) => (m.person.id === a.id ? { ...m, person: { id: m.person.id, ...input } } : m));
        return people.find((p) => p.id === a.id);
      }
      case 'list_memberships':
        return memberships;
      case 'add_membership': {
        const input = a.input as MembershipInput;
        if (input.term_from && input.term_to && input.term_to < input.term_from) fail('Sluttdatoen er før startdatoen.', 'term_to');
        const m: Membership = {
          id: `ms${++next + 10}`,
          person: people.find((p) => p.id === input.person_id)!,
          role: input.role,
          term_from: input.term_from,
          term_to: input.term_to,
          substitute: people.find((p) => p.id === input.substitute_id) ?? null,
          party: null,
        };
        memberships = [...memberships, m];
        return m;
      }
      case 'update_membership': {
        const input = a.input as MembershipInput;
        memberships = memberships.map((m) =>
          m.id === a.id
            ? { ...m, role: input.role, term_from: input.term_from, term_to: input.term_to, substitute: people.find((p) => p.id === input.substitute_id) ?? null }
            : m,
        );
        return memberships.find((m) => m.id === a.id);
      }
      case 'remove_membership':
        memberships = memberships.filter((m) => m.id !== a.id);
        return null;
    }
    throw new Error(`unexpected ${cmd}`);
  }));
  return calls;
}

async function setup(opts: { readOnly?: boolean; bodies?: Body[] } = {}) {
  const calls = record(opts);
  app.bodyId = opts.bodies?.[0]?.id ?? 'b1';
  await app.refresh();
  render(MembersScreen);
  return calls;
}

const fieldOf = (el: HTMLElement) => el.closest('.field') as HTMLElement;

/** The confirmation dialog that is open (each panel has its own). */
const openDialog = () => {
  const open = screen.getAllByTestId('confirm-dialog').filter((d) => d.hasAttribute('open'));
  expect(open).toHaveLength(1);
  return within(open[0]);
};

describe('MembersScreen: members', () => {
  it('shows the members in the body’s order with Norwegian role labels, term and substitute', async () => {
    await setup();
    const row = (await screen.findAllByTestId('member-row'))[0];
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim());
    expect(cells.slice(0, 5)).toEqual([
      'Ørjan Andersen',
      'Helse Vest RHF',
      'Leder',
      '01.01.2024–31.12.2027',
      'Lucie Aunan (Helsedirektoratet)',
    ]);
  });

  it('adds a member with a new person registered inline', async () => {
    const calls = await setup();
    await screen.findAllByTestId('member-row');
    await fireEvent.click(screen.getByTestId('member-add'));
    await fireEvent.input(screen.getByTestId('member-person-new-name'), { target: { value: 'Kari Nordmann' } });
    await fireEvent.input(screen.getByTestId('member-person-new-org'), { target: { value: 'KS' } });
    await fireEvent.input(screen.getByLabelText('E-post'), { target: { value: 'kari@ks.no' } });
    await fireEvent.change(screen.getByTestId('member-role'), { target: { value: 'observator' } });
    await fireEvent.input(screen.getByTestId('member-term-from'), { target: { value: '2025-01-01' } });
    await fireEvent.click(screen.getByTestId('member-save'));

    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(2));
    const person = calls.find((c) => c.cmd === 'create_person');
    expect(person?.args.input).toEqual({ name: 'Kari Nordmann', organisation: 'KS', email: 'kari@ks.no' });
    const add = calls.find((c) => c.cmd === 'add_membership');
    expect(add?.args.bodyId).toBe('b1');
    expect(add?.args.input).toMatchObject({ role: 'observator', term_from: '2025-01-01', term_to: null, substitute_id: null });
    expect((add?.args.input as MembershipInput).person_id).toMatch(/^p\d+/);
    const row = screen.getAllByTestId('member-row')[1];
    expect(row.textContent).toContain('Kari Nordmann');
    expect(row.textContent).toContain('Observatør');
    expect(row.textContent).toContain('fra 01.01.2025');
    expect((await screen.findByTestId('member-notice')).textContent).toContain('Kari Nordmann er lagt til som observatør.');
    expect(screen.queryByTestId('member-form')).toBeNull();
  });

  it('keeps the new person when the membership is refused, and does not register them twice', async () => {
    const calls = await setup();
    await screen.findAllByTestId('member-row');
    await fireEvent.click(screen.getByTestId('member-add'));
    await fireEvent.input(screen.getByTestId('member-person-new-name'), { target: { value: 'Per Hansen' } });
    await fireEvent.input(screen.getByTestId('member-term-from'), { target: { value: '2026-01-01' } });
    await fireEvent.input(screen.getByTestId('member-term-to'), { target: { value: '2025-01-01' } });
    await fireEvent.click(screen.getByTestId('member-save'));

    const to = screen.getByTestId('member-term-to');
    await waitFor(() => expect(fieldOf(to).querySelector('[role="alert"]')?.textContent).toContain('før startdatoen'));
    expect(screen.getByText(/Per Hansen er registrert/)).toBeTruthy();
    // The form now refers to the registered person.
    await waitFor(() => expect((screen.getByTestId('member-person') as HTMLSelectElement).selectedOptions[0].textContent).toBe('Per Hansen'));

    await fireEvent.input(to, { target: { value: '2027-12-31' } });
    await fireEvent.click(screen.getByTestId('member-save'));
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === 'create_person')).toHaveLength(1);
  });

  it('shows a missing name beside the new person’s name', async () => {
    const calls = await setup();
    await screen.findAllByTestId('member-row');
    await fireEvent.click(screen.getByTestId('member-add'));
    await fireEvent.click(screen.getByTestId('member-save'));
    const name = screen.getByTestId('member-person-new-name');
    await waitFor(() => expect(fieldOf(name).textContent).toContain('Navnet må fylles ut.'));
    expect(calls.some((c) => c.cmd === 'add_membership')).toBe(false);
  });

  it('adds an existing person, who is then no longer offered', async () => {
    const calls = await setup();
    await screen.findAllByTestId('member-row');
    await fireEvent.click(screen.getByTestId('member-add'));
    const select = screen.getByTestId('member-person') as HTMLSelectElement;
    // Ørjan is already a member; Lucie is not.
    expect([...select.options].map((o) => o.textContent)).toEqual(['Ny person …', 'Lucie Aunan (Helsedirektoratet)']);
    await fireEvent.change(select, { target: { value: 'p2' } });
    expect(screen.queryByTestId('member-person-new-name')).toBeNull();
    await fireEvent.click(screen.getByTestId('member-save'));
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(2));
    expect(calls.some((c) => c.cmd === 'create_person')).toBe(false);
    expect((calls.find((c) => c.cmd === 'add_membership')?.args.input as MembershipInput).person_id).toBe('p2');
  });

  it('changes the role and removes a member after confirmation', async () => {
    const calls = await setup();
    await screen.findAllByTestId('member-row');
    await fireEvent.click(screen.getByTestId('member-edit'));
    expect((screen.getByTestId('member-role') as HTMLSelectElement).value).toBe('leder');
    expect((screen.getByTestId('member-substitute') as HTMLSelectElement).value).toBe('p2');
    await fireEvent.change(screen.getByTestId('member-role'), { target: { value: 'nestleder' } });
    await fireEvent.click(screen.getByTestId('member-save'));
    await waitFor(() => expect(screen.getByTestId('member-row').textContent).toContain('Nestleder'));
    expect(calls.find((c) => c.cmd === 'update_membership')?.args).toMatchObject({
      id: 'ms1',
      input: { person_id: 'p1', role: 'nestleder', term_from: '2024-01-01', term_to: '2027-12-31', substitute_id: 'p2' },
    });

    await fireEvent.click(screen.getByTestId('member-remove'));
    const dialog = openDialog();
    expect(dialog.getByRole('heading').textContent).toBe('Fjerne Ørjan Andersen?');
    expect(calls.some((c) => c.cmd === 'remove_membership')).toBe(false);
    await fireEvent.click(dialog.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryAllByTestId('member-row')).toHaveLength(0));
    expect(calls.find((c) => c.cmd === 'remove_membership')?.args.id).toBe('ms1');
    expect(screen.getByTestId('members-empty').textContent).toContain('Legg til det første');
  });

  it('edits a person and shows the e-mail error beside the e-mail field', async () => {
    const calls = await setup();
    await screen.findAllByTestId('person-row');
    await fireEvent.click(screen.getAllByTestId('person-edit')[0]);
    const email = screen.getByTestId('person-email');
    await fireEvent.input(email, { target: { value: 'ikke-en-adresse' } });
    await fireEvent.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(fieldOf(email).textContent).toContain('ikke en gyldig e-postadresse'));
    expect((email as HTMLInputElement).value).toBe('ikke-en-adresse');
    await fireEvent.input(email, { target: { value: 'orjan@helse-vest.no' } });
    await fireEvent.input(screen.getByTestId('person-name'), { target: { value: 'Ørjan Andersen Berg' } });
    await fireEvent.click(screen.getByTestId('person-save'));
    // The member table follows the person's new name.
    await waitFor(() => expect(screen.getByTestId('member-row').textContent).toContain('Ørjan Andersen Berg'));
    expect(calls.filter((c) => c.cmd === 'update_person').at(-1)?.args.input).toEqual({
      name: 'Ørjan Andersen Berg',
      organisation: 'Helse Vest RHF',
      email: 'orjan@helse-vest.no',
    });
  });

  it('offers no changes in a read-only archive', async () => {
    await setup({ readOnly: true });
    await screen.findAllByTestId('member-row');
    for (const id of ['member-add', 'member-edit', 'member-remove', 'body-new', 'body-edit', 'body-rename', 'casetype-add', 'person-edit', 'person-new']) {
      expect(screen.queryByTestId(id), id).toBeNull();
    }
  });
});

describe('MembersScreen: bodies', () => {
  it('creates a body and selects it', async () => {
    const calls = await setup();
    await fireEvent.click(screen.getByTestId('body-new'));
    await fireEvent.input(screen.getByTestId('body-short-name'), { target: { value: 'NUIT' } });
    await fireEvent.input(screen.getByTestId('body-name'), { target: { value: 'Nasjonalt utvalg for IT-prioritering' } });
    await fireEvent.input(screen.getByTestId('body-secretariat'), { target: { value: 'Helsedirektoratet' } });
    await fireEvent.input(screen.getByTestId('body-place'), { target: { value: 'Storo' } });
    await fireEvent.click(screen.getByTestId('body-save'));
    await waitFor(() => expect(screen.getByTestId('body-heading').textContent).toBe('Nasjonalt utvalg for IT-prioritering'));
    expect(calls.find((c) => c.cmd === 'create_body')?.args.input).toEqual({
      short_name: 'NUIT',
      name: 'Nasjonalt utvalg for IT-prioritering',
      secretariat: 'Helsedirektoratet',
      default_place: 'Storo',
      language: 'nb',
    });
    expect(app.bodyId).toBe(app.bodies.find((b) => b.short_name === 'NUIT')?.id);
    expect(screen.getAllByTestId('body-row')).toHaveLength(2);
    expect((await screen.findByTestId('members-notice')).textContent).toContain('er opprettet og valgt');
  });

  it('puts a taken short name beside the short name and keeps the input', async () => {
    await setup();
    await fireEvent.click(screen.getByTestId('body-new'));
    await fireEvent.input(screen.getByTestId('body-short-name'), { target: { value: 'E-helserådet' } });
    await fireEvent.input(screen.getByTestId('body-name'), { target: { value: 'Et annet råd' } });
    await fireEvent.click(screen.getByTestId('body-save'));
    const short = screen.getByTestId('body-short-name') as HTMLInputElement;
    await waitFor(() => expect(fieldOf(short).textContent).toContain('finnes allerede'));
    expect((screen.getByTestId('body-name') as HTMLInputElement).value).toBe('Et annet råd');
  });

  it('shows the earlier names with their dates, and renames from a date', async () => {
    const calls = await setup();
    const history = await screen.findByTestId('body-history');
    const items = within(history).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toContain('Nasjonalt e-helseråd');
    expect(items[0]).toContain('fra 1. januar 2024');
    expect(items[1]).toContain('Nasjonalt e-helsestyre');
    expect(items[1]).toContain('opprinnelig navn, til 31. desember 2023');

    await fireEvent.click(screen.getByTestId('body-rename'));
    await fireEvent.input(screen.getByTestId('rename-name'), { target: { value: 'Nasjonalt digitaliseringsråd' } });
    await fireEvent.input(screen.getByTestId('rename-from'), { target: { value: '2026-01-01' } });
    await fireEvent.click(screen.getByTestId('rename-save'));
    await waitFor(() => expect(screen.getByTestId('body-heading').textContent).toBe('Nasjonalt digitaliseringsråd'));
    expect(calls.find((c) => c.cmd === 'rename_body')?.args).toEqual({
      id: 'b1',
      name: 'Nasjonalt digitaliseringsråd',
      validFrom: '2026-01-01',
    });
    expect(within(screen.getByTestId('body-history')).getAllByRole('listitem')).toHaveLength(3);
  });

  it('says what to do when there is no body yet', async () => {
    await setup({ bodies: [] });
    expect(screen.getByTestId('bodies-empty').textContent).toContain('Opprett det første med «Nytt organ»');
  });
});

describe('MembersScreen: case types', () => {
  it('previews the filled template live while it is edited', async () => {
    const calls = await setup();
    const rows = await screen.findAllByTestId('casetype-row');
    expect(rows[0].textContent).toContain('Nasjonalt e-helseråd godkjenner saken.');
    expect(rows[1].textContent).toContain('Ingen mal');

    await fireEvent.click(screen.getByTestId('casetype-add'));
    await fireEvent.input(screen.getByTestId('casetype-name'), { target: { value: 'Høring' } });
    await fireEvent.input(screen.getByTestId('casetype-template'), {
      target: { value: '{organ} sender saken på høring. Svarene legges fram for {organ}.' },
    });
    expect(screen.getByTestId('casetype-preview').textContent).toBe(
      'Nasjonalt e-helseråd sender saken på høring. Svarene legges fram for Nasjonalt e-helseråd.',
    );
    await fireEvent.click(screen.getByTestId('casetype-save'));
    await waitFor(() => expect(screen.getAllByTestId('casetype-row')).toHaveLength(3));
    expect(calls.find((c) => c.cmd === 'save_case_type')?.args).toEqual({
      bodyId: 'b1',
      name: 'Høring',
      proposalTemplate: '{organ} sender saken på høring. Svarene legges fram for {organ}.',
    });
  });

  it('does not overwrite an existing type by adding one with its name', async () => {
    const calls = await setup();
    await screen.findAllByTestId('casetype-row');
    await fireEvent.click(screen.getByTestId('casetype-add'));
    await fireEvent.input(screen.getByTestId('casetype-name'), { target: { value: 'godkjenning' } });
    await fireEvent.click(screen.getByTestId('casetype-save'));
    expect(fieldOf(screen.getByTestId('casetype-name')).textContent).toContain('finnes allerede');
    expect(calls.some((c) => c.cmd === 'save_case_type')).toBe(false);
  });

  it('removes an unused type and explains why a used one stays', async () => {
    await setup();
    await screen.findAllByTestId('casetype-row');
    await fireEvent.click(screen.getAllByTestId('casetype-remove')[0]);
    expect(openDialog().getByRole('heading').textContent).toBe('Fjerne sakstypen Godkjenning?');
    await fireEvent.click(openDialog().getByTestId('confirm-ok'));
    expect((await screen.findByTestId('error-banner')).textContent).toContain('Sakstypen brukes av 3 saker');
    expect(screen.getAllByTestId('casetype-row')).toHaveLength(2);

    await fireEvent.click(screen.getAllByTestId('casetype-remove')[1]);
    await fireEvent.click(openDialog().getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getAllByTestId('casetype-row')).toHaveLength(1));
    expect((await screen.findByTestId('casetype-notice')).textContent).toContain('Åpen sak er fjernet');
  });
});
