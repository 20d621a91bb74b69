// The arithmetic of the PDF viewer (zoom steps, fit to width, which page is in view), kept apart
// from the component so it can be tested without a canvas.

/** CSS pixels per PDF point: 100 % shows a page at its printed size (96 dpi over 72 dpi). */
export const CSS_UNITS = 96 / 72;

/** The zoom levels + and − step through (1 = 100 %). */
export const ZOOM_STEPS = [0.25, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

/** Room left and right of the pages inside the scrolling area, in CSS pixels (both sides). */
export const PAGE_GUTTER = 32;

/** The largest canvas (in device pixels) one page may take; larger pages render less sharp. */
export const MAX_CANVAS_PIXELS = 16_777_216;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom) || zoom <= 0) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next step above the current zoom. */
export function zoomIn(zoom: number): number {
  return ZOOM_STEPS.find((s) => s > zoom + 0.001) ?? MAX_ZOOM;
}

/** The next step below the current zoom. */
export function zoomOut(zoom: number): number {
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i--) if (ZOOM_STEPS[i] < zoom - 0.001) return ZOOM_STEPS[i];
  return MIN_ZOOM;
}

/** The zoom at which a page `pageWidthPt` points wide fills `areaWidth` CSS pixels. */
export function fitWidthZoom(areaWidth: number, pageWidthPt: number): number {
  if (!(areaWidth > 0) || !(pageWidthPt > 0)) return 1;
  return clampZoom((areaWidth - PAGE_GUTTER) / (pageWidthPt * CSS_UNITS));
}

/** "1".."count" from what the user typed; null when it is not a page number. */
export function parsePage(text: string, count: number): number | null {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || count < 1) return null;
  return clampPage(n, count);
}

export function clampPage(page: number, count: number): number {
  if (count < 1) return 1;
  return Math.min(count, Math.max(1, Math.round(page)));
}

/**
 * The page (1-based) being read when the area is scrolled to `y`: the last page whose top is at
 * or above `y`. `topOf(i)` is the top of page i (0-based); pages are in order. Binary search: a
 * 1 000-page pack costs ten lookups per scroll event.
 */
export function pageAt(count: number, topOf: (index: number) => number, y: number): number {
  let lo = 0;
  let hi = count - 1;
  if (hi < 0) return 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (topOf(mid) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** How much sharper than CSS pixels a page's canvas is drawn: the screen's ratio, unless the
 *  canvas would get larger than MAX_CANVAS_PIXELS. */
export function outputScale(cssWidth: number, cssHeight: number, deviceRatio: number): number {
  const ratio = deviceRatio > 0 ? deviceRatio : 1;
  const area = cssWidth * cssHeight * ratio * ratio;
  if (area <= MAX_CANVAS_PIXELS || area === 0) return ratio;
  return Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
}

/** "125 %" (Norwegian and English both put a space before the sign here). */
export function percentLabel(zoom: number): string {
  return `${Math.round(zoom * 100)} %`;
}

/** pdf.js rejects a cancelled render with this name; it is not an error worth showing. */
export function isCancelled(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { name?: string }).name === 'RenderingCancelledException';
}
