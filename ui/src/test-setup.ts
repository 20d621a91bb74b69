import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { polyfillDialog } from './lib/testing/dialog';

polyfillDialog();

afterEach(() => {
  cleanup();
  clearMocks();
  localStorage.clear();
});
