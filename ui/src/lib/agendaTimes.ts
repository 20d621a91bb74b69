import { lang } from './vocabulary';
// Small pure helpers of the agenda builder and the case editor: the live preview of agenda
// times while a duration is being typed (the core's timetable is the authority once saved),
// the end of a drag, file contents as base64 and file sizes as people read them.

/** "10:05" → 605; null when it is not a clock time. */
export function clockMinutes(t: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 605 → "10:05" (wraps past midnight, as the core does). */
export function clockTime(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A typed duration as whole minutes, or null when it is not one (the core checks the range). */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  return /^\d{1,5}$/.test(t) ? Number(t) : null;
}

/** Start and end of each item from the meeting's start and the items' durations, in order. */
export function liveTimes(
  start: string,
  durations: Array<number>,
): { starts: string[]; ends: string[]; endMinutes: number } {
  let at = clockMinutes(start) ?? 0;
  const starts: string[] = [];
  const ends: string[] = [];
  for (const d of durations) {
    starts.push(clockTime(at));
    at += d;
    ends.push(clockTime(at));
  }
  return { starts, ends, endMinutes: at };
}

/**
 * Where an item dragged from `from` lands when dropped before (`after` false) or after row
 * `target`: the 0-based position `moveItem` expects.
 */
export function dropPosition(from: number, target: number, after: boolean): number {
  const slot = after ? target + 1 : target; // the gap between rows, 0..n
  return slot > from ? slot - 1 : slot;
}

/** Bytes as base64, in chunks so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A chosen file's contents (FileReader works in every webview and in tests). */
export function readFile(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** 1536 → "1,5 kB" (Norwegian decimal comma) or "1.5 kB". */
export function fileSize(bytes: number, locale: 'nb' | 'en'): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 ? String(v) : v < 10 ? v.toFixed(1) : String(Math.round(v));
  return `${locale === lang.nb ? text.replace('.', ',') : text} ${units[u]}`;
}

/** The file name without its extension, as a first guess at an attachment's title. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '');
  return base.replace(/[_]+/g, ' ').trim();
}

/** The next free attachment number among labels like "2", "7A": one past the highest number. */
export function nextLabel(labels: string[]): string {
  let max = 0;
  for (const l of labels) {
    const m = /^(\d+)/.exec(l.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return String(max + 1);
}

/** A search snippet split into plain and highlighted parts (hits between U+E000 and U+E001). */
export function snippetParts(snippet: string): Array<{ text: string; hit: boolean }> {
  const parts: Array<{ text: string; hit: boolean }> = [];
  const re = /\uE000([\s\S]*?)\uE001/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false });
    parts.push({ text: m[1], hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/[\uE000\uE001]/g, '') }));
}
