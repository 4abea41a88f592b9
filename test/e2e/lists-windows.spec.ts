// The dealer-sized lists a window at a time (issue 17): the screen asks the services for the first
// window of its view and for more as it is scrolled, never for the whole list; a filter, a search or a
// sort is sent as the view and applied by the services (the one Print / Save PDF use); a change in the
// data made by another process (the CLI) redraws the list with the new rows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Request } from '@playwright/test';
import { serviceCsv, stockCsv } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');

function importVehicles(dir: string, name: string, content: string, stock: 'add' | 'none') {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  execFileSync(process.execPath, [CLI, 'import-vehicles', file, '--stock', stock, '--db', path.join(dir, 'db.sqlite')], { stdio: 'ignore' });
}

type Asked = { from: number; count: number; view?: Record<string, unknown> };
const asked = (r: Request): Asked => JSON.parse(r.postData() ?? '{}') as Asked;

test('stock holds: the first window, more windows as the list is scrolled, the view applied by the services', async ({ app, server }) => {
  test.setTimeout(120_000);
  importVehicles(server.dir, 'stock.csv', stockCsv(3_000), 'add');
  const requests: Asked[] = [];
  app.on('request', (r) => r.url().endsWith('/api/holdReportPart') && requests.push(asked(r)));

  await app.keyboard.press('F5');
  const holds = app.getByTestId('holds');
  const shown = holds.getByTestId('holds-shown');
  await expect(shown).toHaveText('3,000 of 3,000 holds shown');
  const rows = holds.getByTestId('hold-row');
  await expect(rows.first()).toContainText('S000001');
  // One window asked for, from the top, never the whole list.
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.every((r) => r.count <= 100)).toBe(true);
  expect(requests.map((r) => r.from)).toEqual(requests.map(() => 0));

  // Sorted by stock number (the services sort), then scrolled to the middle: the window of the middle is
  // asked for and its rows drawn.
  const stockHeader = holds.getByRole('columnheader', { name: 'Stock #' });
  await stockHeader.getByRole('button').click();
  await expect(stockHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText('S000001');
  expect(requests.at(-1)!).toMatchObject({ from: 0, view: { sort: { column: 'stock', descending: false } } });
  const box = holds.getByTestId('hold-rows');
  await box.evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  await expect(holds.locator('[aria-rowindex="1502"]')).toContainText('S001501');
  expect(requests.some((r) => r.from >= 1_400 && r.from <= 1_500)).toBe(true);
  expect(requests.every((r) => r.count <= 100)).toBe(true);
  await expect(holds.locator('[aria-busy="true"]')).toHaveCount(0);
  await shot(app, '48-holds-window-middle');
  await box.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(holds.locator('[aria-rowindex="3001"]')).toContainText('S003000');

  // A filter and a sort travel as the view; the services answer with its first window.
  await box.evaluate((el) => {
    el.scrollTop = 0;
  });
  await holds.getByLabel('Campaign filter').selectOption('BLC');
  await stockHeader.getByRole('button').click();
  await expect(stockHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(shown).toHaveText('600 of 3,000 holds shown');
  for (const text of await rows.allTextContents()) expect(text).toContain('BLC');
  const last = requests.at(-1)!;
  expect(last.view).toMatchObject({ campaign: 'BLC', sort: { column: 'stock', descending: true } });
  expect(last.count).toBeLessThanOrEqual(100);
  // In the view's order: stock numbers descending, top to bottom.
  const stocks = (await rows.allTextContents()).slice(0, 8).map((t) => /S\d{6}/.exec(t)![0]);
  expect(stocks).toEqual([...stocks].sort().reverse());
  await shot(app, '49-holds-window-filtered');
});

test('a change in the data made elsewhere redraws the list with the new rows', async ({ app, server }) => {
  test.setTimeout(120_000);
  importVehicles(server.dir, 'stock.csv', stockCsv(500), 'add');
  await app.keyboard.press('F5');
  const holds = app.getByTestId('holds');
  await expect(holds.getByTestId('holds-shown')).toHaveText('500 of 500 holds shown');
  await holds.getByRole('columnheader', { name: 'Stock #' }).getByRole('button').click();
  await expect(holds.getByTestId('hold-row').first()).toContainText('S000001');
  // Another process adds stock: the screen follows without a click.
  importVehicles(server.dir, 'more.csv', stockCsv(250, 500), 'add');
  await expect(holds.getByTestId('holds-shown')).toHaveText('750 of 750 holds shown', { timeout: 15_000 });
  const box = holds.getByTestId('hold-rows');
  await box.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(holds.locator('[aria-rowindex="751"]')).toContainText('S000750');
});

test("follow-up: the first window of the screen's view, the search done by the services", async ({ app, server }) => {
  test.setTimeout(120_000);
  importVehicles(server.dir, 'service.csv', serviceCsv(2_000), 'none');
  const requests: Asked[] = [];
  app.on('request', (r) => r.url().endsWith('/api/followUpPart') && requests.push(asked(r)));
  await app.keyboard.press('F6');
  const list = app.getByTestId('followup');
  const shown = list.getByTestId('followup-shown');
  await expect(shown).toHaveText(/^[\d,]+ of [\d,]+ open campaigns shown$/);
  expect(requests[0]).toMatchObject({ from: 0, view: { booked: 'not-booked' } });
  await list.getByLabel('Search').fill('Oz Fictive 1999');
  await expect(list.getByTestId('followup-row').first()).toContainText('Oz Fictive 1999');
  expect(requests.at(-1)!.view).toMatchObject({ search: 'Oz Fictive 1999' });
  expect(requests.every((r) => r.count <= 100)).toBe(true);
});
