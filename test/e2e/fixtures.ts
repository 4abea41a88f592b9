// Each test gets its own Recall Desk in browser mode: the built CLI's `serve`, on a fresh
// database, exactly as a user starts it. The URL (with its per-launch token) is read from stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { serve } from '../support/serve';
import { SHARED_VPIC } from '../support/vpic-path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'main', 'cli.cjs');

export const SCREENS = path.join(ROOT, 'test-results', 'screens');

type Server = { url: string; origin: string; dir: string };

const SLOW_IMPORT = path.join(ROOT, 'test', 'support', 'slow-import.cjs');

export const test = base.extend<{ app: Page; server: Server; slowImports: boolean }>({
  /**
   * A large list now imports in about a second: a test that must act while one runs (Cancel) sets
   * this, and the server's list inserts each sleep a little (test/support/slow-import.cjs).
   */
  slowImports: [false, { option: true }],
  server: [
    async ({ slowImports }, use) => {
      if (!fs.existsSync(CLI)) throw new Error('Build first: npm run build (npm test does).');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-e2e-'));
      const slow = slowImports ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(SLOW_IMPORT)}` } : {};
      const { url, stop } = await serve(CLI, path.join(dir, 'db.sqlite'), { RECALL_DESK_VPIC: SHARED_VPIC, ...slow });
      await use({ url, origin: new URL(url).origin, dir });
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'test' },
  ],
  app: async ({ page, server }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    // Ready as a person sees it: the window first asks who is signed in, then shows the screens (or the
    // sign-in form); a key pressed before that reaches nothing, for a person as for a test.
    await expect(page.getByRole('navigation', { name: 'Screens' }).or(page.getByTestId('sign-in'))).toBeVisible();
    await use(page);
    // A CSP violation or a script error is a bug even when the screen looks right.
    expect(problems).toEqual([]);
  },
});

export { expect };

/** Saves what the person sees: the window by default, or the whole page. */
export async function shot(page: Page, name: string, fullPage = false) {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage });
}

/** Signs in on the sign-in form as a person does, and waits until the top bar names them. */
export async function signIn(page: Page, name: string, password: string) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-bar')).toContainText(name);
}
