import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline polyfill script: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    target: 'chrome130',
  },
});
