// Which screen the window shows. Remembered across restarts (localStorage), so closing the app
// in the middle of a meeting and opening it again returns to the same screen.

export type Route =
  | { name: 'meetings' }
  | { name: 'meeting'; meetingId: string; tab?: 'agenda' | 'documents' | 'minutes' }
  | { name: 'case'; caseId: string; meetingId?: string }
  | { name: 'live'; meetingId: string }
  | { name: 'members' }
  | { name: 'archive'; caseId?: string }
  | { name: 'about' };

const STORAGE_KEY = 'quorum.route';
const names = ['meetings', 'meeting', 'case', 'live', 'members', 'archive', 'about'];

function restored(): Route {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (raw) {
      const r = JSON.parse(raw) as Route;
      if (r && typeof r === 'object' && names.includes(r.name)) return r;
    }
  } catch {
    // Unreadable: start on the meetings.
  }
  return { name: 'meetings' };
}

let current = $state<Route>(restored());
let history: Route[] = [];

function remember(r: Route) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(r));
  } catch {
    // Not remembered; still shown.
  }
}

export const router = {
  get route(): Route {
    return current;
  },
  /** Shows another screen; `back()` returns to this one. */
  go(r: Route) {
    history.push(current);
    if (history.length > 50) history = history.slice(-50);
    current = r;
    remember(r);
  },
  /** Replaces the current screen (e.g. a tab change) without a history entry. */
  replace(r: Route) {
    current = r;
    remember(r);
  },
  back(fallback: Route = { name: 'meetings' }) {
    current = history.pop() ?? fallback;
    remember(current);
  },
  get canGoBack(): boolean {
    return history.length > 0;
  },
};
