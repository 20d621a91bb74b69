// Test helpers: the core behind the commands, mocked for one test. Every call is recorded with
// its arguments (as a record, never undefined) before the handler answers it.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppInfo, Body } from '../api';

export type Call = { cmd: string; args: Record<string, unknown> };
export type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

/** Mocks the core with `handler`; returns the calls made, in order. */
export function mockCore(handler: Handler, options?: { shouldMockEvents?: boolean }): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    return handler(cmd, args);
  }, options);
  return calls;
}

/** What the core says about the installation. */
export function appInfo(over: Partial<AppInfo> = {}): AppInfo {
  return { version: '1', db_path: '/tmp/q.db', archive_path: null, read_only: false, export_dir: '/tmp', lang: 'nb', ...over };
}

/** A refusal as the core sends it. */
export const uiError = (message: string, field: string | null = null, kind = 'invalid') => ({ message, field, kind });

/**
 * The commands the app context asks when it starts (app_info, list_bodies), answered from `info`
 * and `bodies`; every other command goes to `handler`.
 */
export function withAppContext(info: AppInfo, bodies: () => Body[], handler: Handler): Handler {
  return (cmd, args) => {
    if (cmd === 'app_info') return info;
    if (cmd === 'list_bodies') return bodies();
    return handler(cmd, args);
  };
}
