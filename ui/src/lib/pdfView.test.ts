import { describe, expect, it } from 'vitest';
import {
  CSS_UNITS,
  MAX_CANVAS_PIXELS,
  PAGE_GUTTER,
  clampPage,
  fitWidthZoom,
  outputScale,
  pageAt,
  parsePage,
  percentLabel,
  zoomIn,
  zoomOut,
} from './pdfView';

describe('PDF viewer arithmetic', () => {
  it('zoom steps up and down from any zoom, within the limits', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.03)).toBe(1.1); // a fit-width zoom between two steps
    expect(zoomOut(1.03)).toBe(1);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.25)).toBe(0.25);
  });

  it('fit width fills the area less the gutter', () => {
    const z = fitWidthZoom(900, 595);
    expect(595 * CSS_UNITS * z).toBeCloseTo(900 - PAGE_GUTTER, 5);
    expect(fitWidthZoom(0, 595)).toBe(1); // not measured yet
    expect(fitWidthZoom(100_000, 595)).toBe(4);
  });

  it('page numbers typed are read and kept within the document', () => {
    expect(parsePage('3', 5)).toBe(3);
    expect(parsePage(' 9 ', 5)).toBe(5);
    expect(parsePage('0', 5)).toBe(1);
    expect(parsePage('tre', 5)).toBeNull();
    expect(parsePage('2.5', 5)).toBeNull();
    expect(clampPage(-4, 5)).toBe(1);
  });

  it('the page in view is the last whose top is above the reading line', () => {
    const tops = [0, 1000, 2000, 3000];
    const at = (y: number) => pageAt(tops.length, (i) => tops[i], y);
    expect(at(0)).toBe(1);
    expect(at(999)).toBe(1);
    expect(at(1000)).toBe(2);
    expect(at(2500)).toBe(3);
    expect(at(99_999)).toBe(4);
    expect(pageAt(0, () => 0, 10)).toBe(1);
  });

  it('finds the page among a thousand with few lookups', () => {
    let lookups = 0;
    const p = pageAt(1000, (i) => (lookups++, i * 1100), 1100 * 637 + 5);
    expect(p).toBe(638);
    expect(lookups).toBeLessThanOrEqual(11);
  });

  it('canvases stay within the pixel budget', () => {
    expect(outputScale(800, 1100, 2)).toBe(2);
    const s = outputScale(4000, 5600, 2);
    expect(4000 * 5600 * s * s).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
    expect(outputScale(800, 1100, 0)).toBe(1);
  });

  it('shows the zoom as a percentage', () => {
    expect(percentLabel(1)).toBe('100 %');
    expect(percentLabel(0.667)).toBe('67 %');
  });
});
