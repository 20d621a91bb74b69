import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Everything is bundled into dist/ and served by the Tauri custom protocol: no CDN, no
// remote fonts, no inline scripts (the CSP in src-tauri/tauri.conf.json forbids them).
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a file: an inlined data: URL for a font or script would need
    // a looser CSP.
    assetsInlineLimit: 0,
  },
  // Svelte's browser build under vitest (mode "test"); otherwise its server build is used.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
}));
