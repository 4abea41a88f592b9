import { defineConfig } from '@playwright/test';
import { OFFLINE_CHROMIUM_ARGS } from './main/forms/chromium-args';

// Debian's Chromium, never a downloaded browser: this machine reaches only the npm registry and
// Debian's packages. CHROMIUM_PATH points elsewhere where needed.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: OFFLINE_CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
