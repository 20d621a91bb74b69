import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import PeoplePanel from './PeoplePanel.svelte';
import type { Person } from '../../api';

/** The people a 20-year record registers: a few hundred. */
const PEOPLE: Person[] = Array.from({ length: 184 }, (_, i) => ({
  id: `p${i}`,
  name: `Person ${String(i).padStart(3, '0')}`,
  organisation: i % 2 ? 'Helse Vest RHF' : 'Helsedirektoratet',
  email: '',
}));

describe('PeoplePanel with many people', () => {
  it('draws 50 rows, shows the count, adds 50 with "Vis flere" and pages the filtered list from its start', async () => {
    render(PeoplePanel, { people: PEOPLE, readOnly: false, onchange: async () => {} });
    expect(screen.getAllByTestId('person-row')).toHaveLength(50);
    expect(screen.getByTestId('people-more-status').textContent!.trim()).toBe('Viser 50 av 184');
    await fireEvent.click(screen.getByTestId('people-more-more'));
    expect(screen.getAllByTestId('person-row')).toHaveLength(100);
    await waitFor(() => expect(document.activeElement?.id).toBe('person-edit-p50'));
    await fireEvent.input(screen.getByTestId('people-filter'), { target: { value: 'Helse Vest' } });
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(50));
    expect(screen.getByTestId('people-more-status').textContent!.trim()).toBe('Viser 50 av 92');
  });
});
