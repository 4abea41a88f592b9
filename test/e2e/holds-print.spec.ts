// The hold report printed with a filter on (issue 16): Save PDF and Export CSV carry what the screen
// shows (the campaign filter, the search, the sort), not every campaign of the stock. The PDF is read
// back with pdftotext and its first page looked at as a PNG (test-results/screens/).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stockCsv } from '../support/synthetic';
import { expect, SCREENS, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');

test('Save PDF and Export CSV of the hold report follow the filter and the sort on screen', async ({ app, server }) => {
  const db = path.join(server.dir, 'db.sqlite');
  const dealer = ['--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '555-0100'];
  execFileSync(process.execPath, [CLI, 'settings', 'dealer', ...dealer, '--db', db]);
  // 300 vehicles: 210 GS 350s (ALE), 60 RX 330s (BLC), 30 LCs (23LJ01).
  const stock = path.join(server.dir, 'stock.csv');
  fs.writeFileSync(stock, stockCsv(300));
  execFileSync(process.execPath, [CLI, 'import-vehicles', stock, '--stock', 'add', '--db', db], { stdio: 'ignore' });

  await app.keyboard.press('F5');
  const holds = app.getByTestId('holds');
  await expect(holds.getByTestId('holds-shown')).toHaveText('300 of 300 holds shown', { timeout: 30_000 });
  await holds.getByLabel('Campaign filter').selectOption('BLC');
  await expect(holds.getByTestId('holds-shown')).toHaveText('60 of 300 holds shown');
  const stockHeader = holds.getByRole('columnheader', { name: 'Stock #' });
  await stockHeader.getByRole('button').click();
  await stockHeader.getByRole('button').click();
  await expect(stockHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(holds.getByTestId('hold-row').first()).toContainText('S000299');
  await shot(app, 'holds-print-01-filtered');

  const pdfDownload = app.waitForEvent('download');
  await holds.getByRole('button', { name: 'Save PDF' }).click();
  const pdf = await (await pdfDownload).path();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/60 of 300 holds shown · as on screen: Campaign BLC; sorted by stock # \(descending\)/);
  const stockNumbers = [...text.matchAll(/^\s*(S\d{6})\s/gm)].map((m) => m[1]);
  expect(stockNumbers).toHaveLength(60);
  expect(stockNumbers[0]).toBe('S000299');
  expect(stockNumbers).toEqual([...stockNumbers].sort().reverse());
  expect(text).not.toMatch(/\bALE \[|\b23LJ01 \[/);
  expect(text).toContain('BLC [1]');
  expect(text).toMatch(/Page 1 of 2/);
  fs.mkdirSync(SCREENS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(SCREENS, 'holds-print-02-pdf')]);

  // A search on top: the CSV holds the rows shown, in the screen's words.
  await holds.getByLabel('Search').fill('S00029');
  await expect(holds.getByTestId('holds-shown')).toHaveText('2 of 300 holds shown');
  const csvDownload = app.waitForEvent('download');
  await holds.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs
    .readFileSync(await (await csvDownload).path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(csv.map((l) => l.split(',')[0])).toEqual(['Stock number', 'S000299', 'S000298']);
  expect(csv[1]).toMatch(/,RX 330,2005,(New|Used),BLC,.*,Perform before delivery,Verify in TIS,/);
  expect(csv.join('\n')).not.toMatch(/perform-before-delivery|,verify,/);
});
