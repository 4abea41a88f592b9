// A plain browser on another PC opens the sharing PC's address (HTTPS, its own certificate) and signs
// in: Settings shows the admin the addresses, the fingerprint and the pairing code; the top bar names
// the host and the person; when the host stops answering the bar says so within 2 s, the screen stays,
// and when the host answers again the bar clears and the screen is refreshed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { OFFLINE_CHROMIUM_ARGS } from '../../main/forms/chromium-args';
import { addAccount, CLI } from '../support/cli';
import { serveLan } from '../support/lan';
import { expect, shot, signIn, test } from './fixtures';

const ADMIN = { name: 'Alex Admin', password: 'admin-pass' };

test('a browser desk on the sharing PC: Settings for sharing and connecting, the host in the top bar, the host down and back', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-e2e-lan-'));
  const db = path.join(dir, 'data', 'recall-desk.sqlite');
  addAccount(db, ADMIN.name, 'admin,parts', ADMIN.password);
  const host = await serveLan(CLI, db);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: OFFLINE_CHROMIUM_ARGS });
  try {
    // A self-signed certificate: the person compares its fingerprint with the host's, then accepts it.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await signIn(page, ADMIN.name, ADMIN.password);
    await expect(page.getByTestId('host-bar')).toHaveText(`Desk of 127.0.0.1:${host.port}`);

    await page.getByRole('button', { name: 'Settings' }).click();
    const share = page.getByTestId('share-section');
    await expect(share.getByTestId('fingerprint')).toHaveText(host.fingerprint);
    await expect(share.getByTestId('pairing-code')).toHaveText(host.code());
    await expect(share).toContainText(host.url);
    await expect(page.getByTestId('connect-section')).toContainText('open the sharing PC’s address');
    await shot(page, 'lan-10-settings-share', true);

    // The host stops answering (frozen, as a PC whose network went away): said within 2 s.
    process.kill(host.child.pid!, 'SIGSTOP');
    const stopped = Date.now();
    try {
      await expect(page.getByTestId('host-down')).toBeVisible({ timeout: 5_000 });
      const saidAfter = Date.now() - stopped;
      expect(saidAfter).toBeLessThan(4_000); // 2 s by design; room for a loaded machine
      // What was on screen stays.
      await expect(share.getByTestId('fingerprint')).toHaveText(host.fingerprint);
      await shot(page, 'lan-20-host-down');
    } finally {
      process.kill(host.child.pid!, 'SIGCONT');
    }
    await expect(page.getByTestId('host-bar')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('host-down')).toHaveCount(0);
    await shot(page, 'lan-30-host-back');
    await context.close();
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
