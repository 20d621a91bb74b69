// What every screen shares: the application info (read-only archive or own record), the bodies
// and the one the user works with.
import { appInfo, listBodies, setLanguage, type AppInfo, type Body } from './api';
import type { Lang } from './bindings/Lang';

const BODY_KEY = 'quorum.body';

let info = $state<AppInfo | null>(null);
let bodies = $state<Body[]>([]);
let bodyId = $state<string | null>(globalThis.localStorage?.getItem(BODY_KEY) ?? null);
let loadError = $state<string | null>(null);

export const app = {
  get info() {
    return info;
  },
  get readOnly(): boolean {
    return info?.read_only ?? false;
  },
  get bodies() {
    return bodies;
  },
  get bodyId() {
    return bodyId;
  },
  set bodyId(id: string | null) {
    bodyId = id;
    try {
      if (id) globalThis.localStorage?.setItem(BODY_KEY, id);
    } catch {
      // Not remembered; still selected.
    }
  },
  get body(): Body | null {
    return bodies.find((b) => b.id === bodyId) ?? null;
  },
  get loadError() {
    return loadError;
  },
  setInfo(next: AppInfo) {
    info = next;
  },
  /** Reloads the application info and the bodies (after opening or closing an archive). */
  async refresh(lang?: Lang) {
    try {
      info = lang ? await setLanguage(lang) : await appInfo();
      bodies = await listBodies();
      if (!bodies.some((b) => b.id === bodyId)) app.bodyId = bodies[0]?.id ?? null;
      loadError = null;
    } catch (e) {
      loadError = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
    }
  },
};
