import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import PdfViewer from './PdfViewer.svelte';
import { minimalPdf, pdfjsInProcess } from '../testPdf';

beforeAll(pdfjsInProcess);
beforeEach(() => {
  // jsdom has no canvas: pages keep their text alternative and are not drawn.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => vi.restoreAllMocks());

async function loaded(pages: number) {
  const viewer = screen.getByTestId('pdf-viewer');
  await waitFor(() => expect(viewer.dataset.pages).toBe(String(pages)), { timeout: 5000 });
  return viewer;
}

describe('PdfViewer', () => {
  it('reads a real PDF and shows its page count and a text alternative per page', async () => {
    render(PdfViewer, { bytes: minimalPdf(5), title: 'Innkalling og dagsorden – Møte 4/2025' });
    const viewer = await loaded(5);
    expect(viewer.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Innkalling og dagsorden – Møte 4/2025' })).toBe(viewer);
    expect(screen.getByTestId('pdf-count').textContent).toBe('av 5');
    expect(screen.getByTestId('pdf-summary').textContent).toBe('Dokumentet har 5 sider.');
    const pages = screen.getAllByRole('img');
    expect(pages.map((p) => p.getAttribute('aria-label'))).toEqual([
      'Side 1 av 5',
      'Side 2 av 5',
      'Side 3 av 5',
      'Side 4 av 5',
      'Side 5 av 5',
    ]);
    // Only pages near the visible part get a canvas.
    expect(viewer.querySelectorAll('canvas').length).toBeLessThan(5);
  });

  it('navigates with previous, next and a typed page number', async () => {
    render(PdfViewer, { bytes: minimalPdf(3), title: 'Referat' });
    const viewer = await loaded(3);
    const prev = screen.getByTestId('pdf-prev') as HTMLButtonElement;
    const next = screen.getByTestId('pdf-next') as HTMLButtonElement;
    const input = screen.getByLabelText('Side') as HTMLInputElement;
    expect(prev.disabled).toBe(true);
    expect(input.value).toBe('1');

    await fireEvent.click(next);
    expect(viewer.dataset.page).toBe('2');
    expect(input.value).toBe('2');
    await fireEvent.click(next);
    expect(viewer.dataset.page).toBe('3');
    expect(next.disabled).toBe(true);
    await fireEvent.click(prev);
    expect(viewer.dataset.page).toBe('2');

    await fireEvent.input(input, { target: { value: '1' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(viewer.dataset.page).toBe('1');
    await fireEvent.input(input, { target: { value: '99' } });
    await fireEvent.change(input);
    expect(viewer.dataset.page).toBe('3');
    expect(input.value).toBe('3');
  });

  it('zooms in steps, to 100 % and back to the width', async () => {
    render(PdfViewer, { bytes: minimalPdf(2), title: 'Toppnotat' });
    const viewer = await loaded(2);
    const zoom = screen.getByTestId('pdf-zoom');
    const fit = screen.getByTestId('pdf-fit');
    expect(fit.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(screen.getByTestId('pdf-actual'));
    expect(zoom.textContent).toBe('100 %');
    const page = viewer.querySelector('[data-page="1"]') as HTMLElement;
    expect(page.style.width).toBe(`${Math.round((595 * 96) / 72)}px`);
    await fireEvent.click(screen.getByTestId('pdf-zoom-in'));
    expect(zoom.textContent).toBe('110 %');
    expect(page.style.width).toBe(`${Math.round(((595 * 96) / 72) * 1.1)}px`);
    await fireEvent.click(screen.getByTestId('pdf-zoom-out'));
    await fireEvent.click(screen.getByTestId('pdf-zoom-out'));
    expect(zoom.textContent).toBe('90 %');
    expect(fit.getAttribute('aria-pressed')).toBe('false');
    // + and − work from the keyboard in the pages area.
    const area = screen.getByRole('region', { name: 'Sidene i Toppnotat' });
    expect(area.tabIndex).toBe(0);
    await fireEvent.keyDown(area, { key: '+' });
    expect(zoom.textContent).toBe('100 %');
    await fireEvent.click(fit);
    expect(fit.getAttribute('aria-pressed')).toBe('true');
  });

  it('pages of another size keep their own size', async () => {
    render(PdfViewer, { bytes: minimalPdf(2, { 1: [842, 595] }), title: 'Liggende' });
    const viewer = await loaded(2);
    await fireEvent.click(screen.getByTestId('pdf-actual'));
    const first = viewer.querySelector('[data-page="1"]') as HTMLElement;
    expect(first.style.width).toBe(`${Math.round((842 * 96) / 72)}px`);
    // The second page is read when drawn and then takes its own (portrait) size.
    const second = viewer.querySelector('[data-page="2"]') as HTMLElement;
    await waitFor(() => expect(second.style.height).toBe(`${Math.round((842 * 96) / 72)}px`));
  });

  it('says so when the bytes are not a PDF', async () => {
    const junk = new TextEncoder().encode('dette er ikke en PDF').buffer as ArrayBuffer;
    render(PdfViewer, { bytes: junk, title: 'Feil' });
    const alert = await screen.findByTestId('pdf-error', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('Dokumentet kan ikke vises');
    expect(screen.getByTestId('pdf-viewer').dataset.pages).toBeUndefined();
  });

  it('shows a new document when new bytes arrive, and nothing without bytes', async () => {
    const view = render(PdfViewer, { bytes: minimalPdf(2), title: 'A' });
    await loaded(2);
    await view.rerender({ bytes: minimalPdf(4), title: 'B' });
    await loaded(4);
    expect(screen.getByTestId('pdf-title').textContent).toBe('B');
    await view.rerender({ bytes: null, title: 'B' });
    expect(screen.getByTestId('pdf-viewer').dataset.pages).toBeUndefined();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
  });

  it('leaves the caller’s bytes intact (pdf.js transfers what it is given)', async () => {
    const bytes = minimalPdf(1);
    render(PdfViewer, { bytes, title: 'En side' });
    await loaded(1);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(screen.getByTestId('pdf-summary').textContent).toBe('Dokumentet har 1 side.');
  });
});
