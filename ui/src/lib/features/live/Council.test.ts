import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ItemRecord from './ItemRecord.svelte';
import { AP, CASE_ID, FRP, H, ITEM, MEMBERS, fakeCouncil } from './fakeCouncil';
import { freshJournal, journal, type MemoryStore } from '../../save/journal';
import { Saver } from '../../save/saver.svelte';
import { replayJournal } from '../../save/replay';
import { voteSentence } from './council';
import type { Attendance } from '../../api';

let disk: MemoryStore;
beforeEach(() => {
  disk = freshJournal();
});

const attendance = (n: number): Attendance[] =>
  MEMBERS.slice(0, n).map((m, i) => ({ id: `a${i}`, person: m.p, status: 'present', substitute_for: null, remote: false, party: m.party }));

function setup(opts: { present?: number; rule?: number | null } = {}) {
  const core = fakeCouncil(opts);
  const saver = new Saver('m1', 30);
  const view = render(ItemRecord, {
    item: ITEM,
    readOnly: false,
    saver,
    bodyId: 'b1',
    attendance: attendance(opts.present ?? 9),
    people: [...MEMBERS.map((m) => m.p), { id: 'vara1', name: 'Vera Vara', organisation: '', email: '' }],
  });
  return { core, saver, view };
}

describe('voteSentence', () => {
  it('writes a vote the way Norwegian minutes do', () => {
    const base = { votes_blank: 0, groups: [] as Array<[string, 'for' | 'against' | 'blank']> };
    expect(voteSentence({ ...base, method: 'unanimous', votes_for: 9, votes_against: 0, result: 'adopted' }, null, [])).toBe('Enstemmig vedtatt.');
    expect(
      voteSentence(
        { ...base, method: 'groups', votes_for: 7, votes_against: 2, result: 'adopted', groups: [[AP.id, 'for'], [H.id, 'against'], [FRP.id, 'against']] },
        null,
        [AP, H, FRP],
      ),
    ).toBe('Innstillingen ble vedtatt med 7 mot 2 stemmer. H og FrP stemte mot.');
    expect(
      voteSentence(
        { ...base, method: 'counts', votes_for: 2, votes_against: 7, votes_blank: 1, result: 'rejected', groups: [[H.id, 'for']] },
        { id: 'p', case_id: 'c', text: 't', party: H, person: MEMBERS[6].p },
        [AP, H, FRP],
      ),
    ).toBe('Forslag fra H v/ Kari Nordmann falt med 7 mot 2 stemmer. 1 stemte blankt. H stemte for.');
  });
});

describe('live mode: quorum, proposals and votes', () => {
  it('shows the quorum and records "Enstemmig vedtatt" in one action; the decision comes from the recommendation', async () => {
    const { core } = setup();
    expect((await screen.findByTestId('live-quorum')).textContent?.trim()).toBe('Vedtaksført: 9 av 11 til stede, minst 6');
    await fireEvent.click(await screen.findByTestId('live-vote-unanimous'));
    await waitFor(() => expect(core.callsOf('record_vote')).toHaveLength(1));
    expect(core.callsOf('record_vote')[0].args).toEqual({
      caseId: CASE_ID,
      input: { proposal_id: null, method: 'unanimous', votes_for: null, votes_against: null, votes_blank: null, groups: [], ballots: [], result: null },
    });
    expect(core.callsOf('decide_without_quorum')).toHaveLength(0);
    expect((await screen.findByTestId('live-vote-result')).textContent).toContain('Enstemmig vedtatt.');
    expect(screen.getByTestId('live-vote-source').textContent).toContain('Innstillingen');
    await waitFor(() => expect((screen.getByTestId('decision-text') as HTMLTextAreaElement).value).toBe('Kommunestyret bevilger 2 mill. kroner.'));
    // Nothing is left in the journal once the core has the vote.
    expect(journal.keys('add/')).toEqual([]);
  });

  it('warns with the numbers before a decision where the body is not quorate, and records only on confirmation', async () => {
    const { core } = setup({ present: 5 });
    expect((await screen.findByTestId('live-quorum')).textContent?.trim()).toBe('Ikke vedtaksført: 5 av 11 til stede, minst 6 må delta');
    await fireEvent.click(await screen.findByTestId('live-vote-unanimous'));
    const dialog = await screen.findByTestId('confirm-dialog');
    await waitFor(() => expect(dialog.hasAttribute('open')).toBe(true));
    expect(dialog.textContent).toContain('Bare 5 av 11 medlemmer deltar i sak 5/26, og minst 6 må være til stede');
    expect(core.callsOf('record_vote')).toHaveLength(0);

    // Cancel: nothing is recorded.
    await fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(core.callsOf('record_vote')).toHaveLength(0);
    expect(core.callsOf('decide_without_quorum')).toHaveLength(0);

    // Again, and confirm: the core is told first, then the vote is recorded.
    await fireEvent.click(screen.getByTestId('live-vote-unanimous'));
    await fireEvent.click(within(await screen.findByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    await waitFor(() => expect(core.callsOf('record_vote')).toHaveLength(1));
    const order = core.calls.map((c) => c.cmd).filter((c) => c === 'decide_without_quorum' || c === 'record_vote');
    expect(order).toEqual(['decide_without_quorum', 'record_vote']);
    expect(core.callsOf('decide_without_quorum')[0].args).toEqual({ caseId: CASE_ID, allow: true });
  });

  it('"as proposed" goes through the same warning', async () => {
    const { core, view } = setup({ present: 4 });
    await screen.findByTestId('live-quorum');
    (view.component as unknown as { acceptProposal: () => void }).acceptProposal();
    await screen.findByTestId('confirm-dialog');
    expect(core.callsOf('accept_proposal')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(core.callsOf('accept_proposal')).toHaveLength(1));
  });

  it('a split vote by group shows the counts and the result as it will read, then records it', async () => {
    const { core } = setup();
    await fireEvent.click(await screen.findByTestId('live-vote-split'));
    await fireEvent.click(screen.getByTestId('live-vote-method-groups'));
    const selects = (await screen.findAllByTestId('live-vote-group')) as HTMLSelectElement[];
    // 9 present: 6 Ap, 3 H (FrP is absent, so not asked).
    expect(selects.map((s) => s.dataset.party)).toEqual(['Ap', 'H']);
    await fireEvent.change(selects[0], { target: { value: 'for' } });
    expect(screen.getByTestId('live-vote-preview').textContent).toContain('Fyll inn voteringen');
    await fireEvent.change(selects[1], { target: { value: 'against' } });
    expect(screen.getByTestId('live-vote-group-counts').textContent).toContain('Gir 6 for, 3 mot, 0 blanke');
    expect(screen.getByTestId('live-vote-preview').textContent).toContain('Innstillingen ble vedtatt med 6 mot 3 stemmer. H stemte mot.');
    // The form is journalled as it is filled in.
    expect(journal.get<string>(`draft/live/vote:${CASE_ID}`)).toContain('"method":"groups"');
    await fireEvent.click(screen.getByTestId('live-vote-submit'));
    await waitFor(() => expect(core.callsOf('record_vote')).toHaveLength(1));
    expect(core.callsOf('record_vote')[0].args).toMatchObject({
      input: { method: 'groups', groups: [[AP.id, 'for'], [H.id, 'against']] },
    });
    await waitFor(() => expect(screen.queryByTestId('live-vote-form')).toBeNull());
    expect(journal.get(`draft/live/vote:${CASE_ID}`)).toBeUndefined();
  });

  it('counts 7 mot 2 from the keyboard', async () => {
    const { core } = setup();
    await fireEvent.click(await screen.findByTestId('live-vote-split'));
    await fireEvent.input(screen.getByTestId('live-vote-for'), { target: { value: '7' } });
    await fireEvent.input(screen.getByTestId('live-vote-against'), { target: { value: '2' } });
    expect(screen.getByTestId('live-vote-preview').textContent).toContain('Innstillingen ble vedtatt med 7 mot 2 stemmer.');
    await fireEvent.submit(screen.getByTestId('live-vote-form'));
    await waitFor(() => expect(core.callsOf('record_vote')).toHaveLength(1));
    expect(core.callsOf('record_vote')[0].args).toMatchObject({ input: { method: 'counts', votes_for: 7, votes_against: 2 } });
  });

  it('a named vote: J, N or B on each row sets the ballot and moves on', async () => {
    const { core } = setup({ present: 3, rule: null });
    expect((await screen.findByTestId('live-quorum')).textContent?.trim()).toBe('Ingen regel om vedtaksførhet: 3 av 11 til stede');
    await fireEvent.click(await screen.findByTestId('live-vote-split'));
    await fireEvent.click(screen.getByTestId('live-vote-method-named'));
    const rows = await screen.findAllByTestId('live-ballot-row');
    expect(rows).toHaveLength(3);
    await fireEvent.keyDown(rows[0], { key: 'j' });
    expect(document.activeElement?.id).toBe('live-ballot-1-for');
    await fireEvent.keyDown(rows[1], { key: 'n' });
    await fireEvent.keyDown(rows[2], { key: 'j' });
    expect(document.activeElement?.id).toBe('live-vote-submit');
    expect(screen.getByTestId('live-vote-preview').textContent).toContain('Innstillingen ble vedtatt med 2 mot 1 stemmer.');
    await fireEvent.submit(screen.getByTestId('live-vote-form'));
    await waitFor(() => expect(core.callsOf('record_vote')).toHaveLength(1));
    expect(core.callsOf('record_vote')[0].args).toMatchObject({
      input: { method: 'named', ballots: [['ap0', 'for'], ['ap1', 'against'], ['ap2', 'for']] },
    });
    expect((await screen.findByTestId('live-vote-result')).textContent).toContain('Nei: Bjørn Berg.');
  });

  it('adds a proposal put in the meeting with Enter; the vote on it takes its text', async () => {
    const { core } = setup();
    await screen.findByTestId('live-votes');
    await fireEvent.change(screen.getByLabelText('Fremmet av'), { target: { value: 'h0' } });
    const text = screen.getByTestId('live-proposal-text');
    await fireEvent.input(text, { target: { value: 'Saken utsettes.' } });
    expect(journal.get<string>(`draft/live/proposal:${CASE_ID}`)).toContain('Saken utsettes.');
    await fireEvent.keyDown(text, { key: 'Enter' });
    await waitFor(() => expect(core.callsOf('add_proposal')).toHaveLength(1));
    // The member's group comes along.
    expect(core.callsOf('add_proposal')[0].args).toEqual({ caseId: CASE_ID, input: { text: 'Saken utsettes.', party_id: H.id, person_id: 'h0' } });
    expect((await screen.findAllByTestId('live-proposal-by')).map((e) => e.textContent)).toEqual(['Forslag fra H v/ Kari Nordmann']);
    expect(journal.get(`draft/live/proposal:${CASE_ID}`)).toBeUndefined();
    // The new proposal is what is voted on now.
    await fireEvent.click(screen.getByTestId('live-vote-unanimous'));
    await waitFor(() => expect(core.callsOf('record_vote')).toHaveLength(1));
    expect(core.callsOf('record_vote')[0].args).toMatchObject({ input: { proposal_id: 'pr1' } });
    expect((await screen.findByTestId('live-vote-source')).textContent).toContain('Forslag fra H v/ Kari Nordmann');
  });

  it('a held proposal add is done at the next start unless the core has it', async () => {
    disk.entries.set('add/live/proposal:c-i5/1', { kind: 'proposal', caseId: CASE_ID, input: { text: 'Utsettes', party_id: null, person_id: 'h0' }, copies: 0 });
    const core = fakeCouncil();
    expect(await replayJournal()).toEqual([]);
    expect(core.callsOf('add_proposal')).toHaveLength(1);
    disk.entries.set('add/live/proposal:c-i5/2', { kind: 'proposal', caseId: CASE_ID, input: { text: 'Utsettes', party_id: null, person_id: 'h0' }, copies: 0 });
    expect(await replayJournal()).toEqual([]);
    expect(core.callsOf('add_proposal')).toHaveLength(1);
  });
});

describe('live mode: attendance through the meeting and impartiality', () => {
  it('marks a member as leaving after this case; the quorum is read again', async () => {
    const { core } = setup();
    const rows = await screen.findAllByTestId('live-presence-row');
    expect(rows).toHaveLength(9);
    const before = core.callsOf('get_quorum').length;
    await fireEvent.click(within(rows[8]).getByTestId('live-presence-leave'));
    await waitFor(() => expect(core.callsOf('set_presence_change')).toHaveLength(1));
    expect(core.callsOf('set_presence_change')[0].args).toEqual({ meetingId: 'm1', personId: 'h2', kind: 'left', itemId: 'i5' });
    await waitFor(() => expect(core.callsOf('get_quorum').length).toBeGreaterThan(before));
    expect(await within(rows[8]).findByText('Angre «går etter 5/26»')).toBeTruthy();
  });

  it('raises a question from the hint, decides it with the default basis, and a substitute steps in', async () => {
    const core = fakeCouncil();
    core.state.conflicts = [
      { person: MEMBERS[6].p, position: { id: 'op1', person_id: 'h0', organisation: 'Testvik Idrettslag', role: 'styreleder', since: null, until: null } },
    ];
    const saver = new Saver('m1', 30);
    render(ItemRecord, { item: ITEM, readOnly: false, saver, bodyId: 'b1', attendance: attendance(9), people: [{ id: 'vara1', name: 'Vera Vara', organisation: '', email: '' }] });
    const hint = await screen.findByTestId('live-dq-hint');
    expect(hint.textContent).toContain('Kari Nordmann er styreleder i Testvik Idrettslag');
    await fireEvent.click(within(hint).getByRole('button'));
    await waitFor(() => expect(core.callsOf('raise_disqualification')).toHaveLength(1));
    expect(core.callsOf('raise_disqualification')[0].args).toEqual({ caseId: CASE_ID, personId: 'h0', reason: 'styreleder, Testvik Idrettslag' });
    const basis = (await screen.findByTestId('live-dq-basis')) as HTMLInputElement;
    expect(basis.value).toBe('fvl. § 6 første ledd bokstav a');
    await fireEvent.click(screen.getByTestId('live-dq-decide'));
    await waitFor(() => expect(core.callsOf('decide_disqualification')).toHaveLength(1));
    expect(core.callsOf('decide_disqualification')[0].args).toMatchObject({
      decision: { outcome: 'disqualified', basis: 'fvl. § 6 første ledd bokstav a', votes: null },
    });
    expect((await screen.findByTestId('live-dq-outcome')).textContent).toBe(
      'Kari Nordmann ble enstemmig erklært inhabil (fvl. § 6 første ledd bokstav a) og fratrådte.',
    );
    await waitFor(() => expect(screen.getByTestId('live-quorum').textContent).toContain('8 av 11'));

    await fireEvent.click(screen.getByTestId('live-dq-substitute'));
    expect((screen.getByTestId('live-sub-for') as HTMLSelectElement).value).toBe('h0');
    await fireEvent.change(screen.getByTestId('live-sub-person'), { target: { value: 'vara1' } });
    await fireEvent.click(screen.getByTestId('live-sub-add'));
    await waitFor(() => expect(core.callsOf('add_case_substitute')).toHaveLength(1));
    expect(core.callsOf('add_case_substitute')[0].args).toEqual({ caseId: CASE_ID, personId: 'vara1', substituteFor: 'h0' });
    await waitFor(() => expect(screen.getByTestId('live-quorum').textContent).toContain('9 av 11'));
  });

  it('shows user text as text, never as markup', async () => {
    const core = fakeCouncil();
    core.state.proposals = [{ id: 'x', case_id: CASE_ID, text: '<img src=x onerror=alert(1)>', party: H, person: null }];
    render(ItemRecord, { item: ITEM, readOnly: false, saver: new Saver(null), bodyId: 'b1', attendance: attendance(9), people: [] });
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
