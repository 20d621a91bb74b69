import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import AppInfoPanel from './AppInfoPanel.svelte';
import App from '../../../App.svelte';
import { appInfo } from '../../api';
import type { AppInfo } from '../../bindings/AppInfo';

const INFO: AppInfo = {
  version: '9.8.7',
  db_path: '/home/sekretær/møter/quorum.db',
  archive_path: null,
  read_only: false,
  export_dir: '/home/sekretær/Dokumenter/Quorum',
  lang: 'nb',
};

describe('app_info over IPC', () => {
  it('appInfo() invokes the app_info command without arguments', async () => {
    const calls: Array<{ cmd: string; args: unknown }> = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'app_info') return INFO;
      throw new Error(`unexpected command ${cmd}`);
    });
    await expect(appInfo()).resolves.toEqual(INFO);
    expect(calls).toHaveLength(1);
    expect(calls[0].cmd).toBe('app_info');
  });

  it('the panel shows the version and database path', async () => {
    mockIPC((cmd) => (cmd === 'app_info' ? INFO : undefined));
    render(AppInfoPanel);
    expect(await screen.findByTestId('app-version')).toHaveProperty('textContent', '9.8.7');
    expect(screen.getByTestId('db-path').textContent).toBe('/home/sekretær/møter/quorum.db');
    expect(screen.getByText('Databasefil')).toBeTruthy();
  });

  it('the panel shows an error when the command fails', async () => {
    mockIPC(() => {
      throw new Error('databasen er låst');
    });
    render(AppInfoPanel);
    const alert = await screen.findByTestId('app-info-error');
    expect(alert.textContent).toContain('databasen er låst');
    expect(alert.textContent).toContain('Klarte ikke å hente opplysninger');
  });

  it('the app switches between Norwegian and English', async () => {
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      calls.push(cmd);
      if (cmd === 'app_info') return INFO;
      if (cmd === 'set_language') return { ...INFO, lang: (args as { lang: string }).lang };
      if (cmd === 'list_bodies') return [];
      if (cmd === 'open_problem') return null;
      return [];
    });
    render(App);
    expect(screen.getByText('Quorum')).toBeTruthy();
    await fireEvent.click(await screen.findByTestId('nav-about'));
    await screen.findByTestId('app-version');
    expect(screen.getByText('Versjon')).toBeTruthy();

    await fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByText('Version')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('quorum.locale')).toBe('en');
    // The core's messages follow the window's language.
    expect(calls.filter((c) => c === 'set_language').length).toBeGreaterThanOrEqual(2);

    await fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByText('Versjon')).toBeTruthy();
    expect(document.documentElement.lang).toBe('nb');
  });
});
