// A VIN list of millions of rows picked in the window: sent to the PC that keeps the database as the
// streamed body of an upload (never one JSON string of the whole file), in the browser mode on
// loopback (with the per-launch token) and from a browser desk on a sharing PC (with the session).
// The sending shows its progress, then the preview, then the import, as every import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page, type Request } from '@playwright/test';
import { OFFLINE_CHROMIUM_ARGS } from '../../main/forms/chromium-args';
import { addAccount, CLI } from '../support/cli';
import { serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { expect, shot, signIn, test } from './fixtures';

const VDS = ['BE96S', 'CE96S', 'BC96S', 'BL96S'];

/** `rows` distinct ALE VINs, one a line (19 bytes each with CR LF), in no particular order. */
function bigList(file: string, rows: number): number {
  const out = fs.openSync(file, 'w');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let k = i; k < Math.min(rows, i + 10_000); k++) {
      const serial = String(1_000_000 + ((k * 7919) % rows)).padStart(7, '0');
      chunk += `${makeVin('JTH', VDS[k % VDS.length]!, 2007, serial)}\r\n`;
    }
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);
  return fs.statSync(file).size;
}

/** Every request of the page to the API or an upload route, with the size of what it sent. */
function watchRequests(page: Page): { path: string; bytes: number }[] {
  const seen: { path: string; bytes: number }[] = [];
  page.on('request', (r: Request) => {
    const p = new URL(r.url()).pathname;
    // A streamed file body is not buffered by the browser: postDataBuffer is null for it.
    if (p.startsWith('/api/') || p.startsWith('/lan/upload/')) seen.push({ path: p, bytes: r.postDataBuffer()?.length ?? -1 });
  });
  return seen;
}

async function importList(page: Page, file: string, rows: number, shots: string) {
  await page.keyboard.press('F4');
  const panel = page.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
  await panel.getByLabel('Date of the list', { exact: true }).fill('2026-11-20');
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  // On its way: sent with its progress, then read on the PC that keeps the database.
  const sending = panel.getByTestId('file-sending').or(panel.getByTestId('file-reading'));
  await expect(sending).toBeVisible();
  await shot(page, `${shots}-sending`);

  const preview = panel.getByTestId('preview');
  await expect(preview).toContainText(`Valid VINs${rows.toLocaleString('en-US')}`, { timeout: 120_000 });
  await expect(panel.getByTestId('file-sending')).toHaveCount(0);
  await shot(page, `${shots}-preview`);
  await panel.getByRole('button', { name: `Import ${rows.toLocaleString('en-US')} VINs into ALE (partial list of 2026-11-20)` }).click();
  await expect(panel.getByTestId('import-progress')).toContainText(`ALE: affected-VIN list of 2026-11-20 imported, ${rows.toLocaleString('en-US')} VINs`, {
    timeout: 180_000,
  });
  await shot(page, `${shots}-imported`);
}

test('a 2M-row list (38 MB) from the browser window on loopback: streamed to the upload route, previewed, imported', async ({ app, server }) => {
  test.setTimeout(360_000);
  const rows = 2_000_000;
  const file = path.join(server.dir, 'ALE-national-2026-11-20.txt');
  const size = bigList(file, rows);
  expect(size).toBeGreaterThan(32 * 2 ** 20);
  const seen = watchRequests(app);

  await importList(app, file, rows, 'upload-10-loopback');

  // The file went as an upload's streamed body; no JSON call carried it.
  expect(seen.filter((r) => r.path === '/lan/upload/previewVinList')).toHaveLength(1);
  expect(seen.filter((r) => r.path === '/api/previewVinList')).toHaveLength(0);
  expect(Math.max(...seen.filter((r) => r.path.startsWith('/api/')).map((r) => r.bytes))).toBeLessThan(64 * 1024);

  // A scanned VIN of the list is confirmed.
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(makeVin('JTH', 'BE96S', 2007, '1000000'));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article', { name: 'ALE Valve Spring' }).getByTestId('certainty')).toHaveText('Confirmed: on the list of 2026-11-20');
});

test('sending a list can be cancelled: nothing is read or changed', async ({ app, server }) => {
  const file = path.join(server.dir, 'ALE-big.txt');
  bigList(file, 1_000_000);
  // The sending is slowed (a slow network), so that Cancel meets it under way.
  await app.route('**/lan/upload/previewVinList', async (route) => {
    await new Promise((r) => setTimeout(r, 5_000));
    await route.continue();
  });
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  const sending = panel.getByTestId('file-sending');
  await expect(sending).toContainText('Sending ALE-big.txt to Recall Desk');
  await shot(app, 'upload-19-sending');
  await sending.getByRole('button', { name: 'Cancel sending' }).click();
  await expect(panel.getByTestId('send-cancelled')).toHaveText('Sending ALE-big.txt cancelled: nothing was read or imported.');
  await expect(panel.getByTestId('preview')).toHaveCount(0);
  await shot(app, 'upload-20-cancelled');
});

test('a browser desk on a sharing PC uploads a 1M-row list with its session, and the host imports it', async () => {
  test.setTimeout(360_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-e2e-upload-'));
  const db = path.join(dir, 'data', 'recall-desk.sqlite');
  const PAT = { name: 'Pat Parts', password: 'parts-pass-1' };
  const ADMIN = { name: 'Alex Admin', password: 'admin-pass-1' };
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  addAccount(db, PAT.name, 'parts', PAT.password, ADMIN);
  const host = await serveLan(CLI, db);
  const rows = 1_000_000;
  const file = path.join(dir, 'ALE-desk.txt');
  bigList(file, rows);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: OFFLINE_CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const seen = watchRequests(page);
    await page.goto(host.url);
    await signIn(page, PAT.name, PAT.password);
    await importList(page, file, rows, 'upload-30-desk');
    expect(seen.filter((r) => r.path === '/lan/upload/previewVinList')).toHaveLength(1);
    expect(seen.filter((r) => r.path === '/api/previewVinList')).toHaveLength(0);
    await context.close();
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('refused before the file is read (the session ended meanwhile): the window hears the answer, not a broken connection', async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-e2e-upload-'));
  const db = path.join(dir, 'data', 'recall-desk.sqlite');
  const ADMIN = { name: 'Alex Admin', password: 'admin-pass-1' };
  const PAT = { name: 'Pat Parts', password: 'parts-pass-1' };
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  addAccount(db, PAT.name, 'parts', PAT.password, ADMIN);
  const host = await serveLan(CLI, db);
  const file = path.join(dir, 'ALE-desk.txt');
  bigList(file, 1_500_000);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: OFFLINE_CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(host.url);
    await signIn(page, PAT.name, PAT.password);
    // A date that is no date is said at once: nothing is sent.
    await page.keyboard.press('F4');
    const panel = page.getByRole('region', { name: 'Affected-VIN list' });
    await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
    await panel.getByLabel('Date of the list', { exact: true }).fill('2026-13-45');
    await panel.getByLabel('File', { exact: true }).setInputFiles(file);
    await expect(panel.getByTestId('list-problem')).toContainText('listDate');
    await expect(panel.getByTestId('file-sending')).toHaveCount(0);

    // The session ends on the host while the file is on its way (as when an admin disables the account):
    // the host refuses it before reading the file, and the window still hears why.
    await page.route('**/lan/upload/previewVinList', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-recall-desk-session': 'ended-session-0000' } }),
    );
    await panel.getByLabel('Date of the list', { exact: true }).fill('2026-11-20');
    await expect(page.getByTestId('session-ended')).toBeVisible({ timeout: 60_000 });
    await shot(page, 'upload-40-session-ended');
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
