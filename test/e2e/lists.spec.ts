// Dealer-sized lists in the browser: 20,000 stock vehicles with holds and 20,000 serviced vehicles with
// open campaigns. Only the rows in view are drawn (the table of old drew 240,000 elements and took
// 8-13 s to open here); search, filters, sorting and one row per vehicle work over the whole list.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { serviceCsv, stockCsv, syntheticVehicle } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const N = 20_000;

/** Imports through the CLI (another process, as a DMS export would arrive) into the served database. */
function importVehicles(dir: string, name: string, content: string, stock: 'add' | 'none') {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  execFileSync(process.execPath, [CLI, 'import-vehicles', file, '--stock', stock, '--db', path.join(dir, 'db.sqlite')], { stdio: 'ignore' });
}

const elementsIn = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => el.querySelectorAll('*').length);

test('stock holds at 20,000 vehicles: drawn as seen, scrolled, searched, filtered, sorted and grouped by vehicle', async ({ app, server }) => {
  test.setTimeout(120_000);
  importVehicles(server.dir, 'stock.csv', stockCsv(N), 'add');
  // One vehicle with its condition unknown: both of 23LJ01's rules apply, so it has two holds.
  importVehicles(server.dir, 'one-more.csv', 'Stock #,VIN,Year,Model,Prod Date\nS999999,JTHKPAAY4PA001234,2023,LC,12/22\n', 'add');

  await app.keyboard.press('F5');
  const holds = app.getByTestId('holds');
  await expect(holds.getByTestId('holds-summary')).toContainText('20,001 of 20,001 vehicles in stock have holds', { timeout: 30_000 });
  const shown = holds.getByTestId('holds-shown');
  // The first window is drawn at once; more are asked for as the list is scrolled.
  await expect(shown).toHaveText('20,002 of 20,002 holds shown', { timeout: 30_000 });
  const rows = holds.getByTestId('hold-row');
  await expect(rows.first()).toContainText('S999999');
  await expect(rows.first()).toContainText('Do not deliver until remedied');
  // Only what is in view is drawn: a few dozen rows, not 20,002.
  expect(await rows.count()).toBeLessThan(60);
  expect(await elementsIn(app, 'holds')).toBeLessThan(3_000);
  await expect(holds.getByRole('table', { name: 'Holds' })).toHaveAttribute('aria-rowcount', '20003');
  await shot(app, '40-holds-20000-top');

  // The scrollbar spans the whole list: a jump to the middle shows the middle rows.
  const box = holds.getByTestId('hold-rows');
  await box.evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  await expect(holds.locator('[aria-rowindex="10002"]')).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  await shot(app, '41-holds-20000-middle');
  await box.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(holds.locator('[aria-rowindex="20003"]')).toBeVisible();

  // Search by stock number, VIN or model.
  const search = holds.getByLabel('Search');
  await search.fill('S012345');
  await expect(shown).toHaveText('1 of 20,002 holds shown');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(syntheticVehicle(12_344).vin);
  await search.fill(syntheticVehicle(777).vin.toLowerCase());
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('S000778');
  await search.fill('rx 330');
  await expect(shown).toHaveText('4,000 of 20,002 holds shown');
  await shot(app, '42-holds-search');
  await search.fill('');

  // Filters, each with its count.
  await holds.getByLabel('Hold filter').selectOption('perform-before-delivery');
  await expect(shown).toHaveText('4,000 of 20,002 holds shown');
  await holds.getByLabel('Condition filter').selectOption('new');
  await expect(shown).toHaveText('2,000 of 20,002 holds shown');
  await holds.getByLabel('Hold filter').selectOption('');
  await holds.getByLabel('Campaign filter').selectOption('23LJ01');
  await expect(shown).toHaveText('2,000 of 20,002 holds shown');
  await holds.getByLabel('Condition filter').selectOption('');
  await holds.getByLabel('Remedy filter').selectOption('available');
  await holds.getByLabel('Certainty filter').selectOption('verify');
  await expect(shown).toHaveText(/^[\d,]+ of 20,002 holds shown$/);
  await holds.getByLabel('Campaign filter').selectOption('');
  await holds.getByLabel('Remedy filter').selectOption('');
  await holds.getByLabel('Certainty filter').selectOption('');
  await expect(shown).toHaveText('20,002 of 20,002 holds shown');

  // Sort by a column; again for the reverse order; its header says which.
  const stockHeader = holds.getByRole('columnheader', { name: 'Stock #' });
  await stockHeader.getByRole('button').click();
  await expect(stockHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText('S000001');
  await stockHeader.getByRole('button').click();
  await expect(stockHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('S999999');
  await expect(rows.nth(2)).toContainText('S020000');

  // One row per vehicle: the LC with two holds is one row naming both.
  await holds.getByLabel('One row per vehicle').check();
  await expect(shown).toHaveText('20,001 of 20,001 vehicles with holds shown');
  const vehicle = holds.getByTestId('hold-vehicle-row').first();
  await expect(vehicle).toContainText('S999999');
  await expect(vehicle).toContainText(/23LJ01 Do not deliver.*23LJ01 With disclosure form/);
  await shot(app, '43-holds-grouped');

  // The choices stay when the user comes back from another screen.
  await app.keyboard.press('F2');
  await app.keyboard.press('F5');
  await expect(holds.getByLabel('One row per vehicle')).toBeChecked();
  await expect(shown).toHaveText('20,001 of 20,001 vehicles with holds shown');
});

test('follow-up at 20,000 vehicles: a busy sign while it loads, then search, filters applied by the services a window at a time, sort and grouping', async ({
  app,
  server,
}) => {
  test.setTimeout(120_000);
  importVehicles(server.dir, 'service.csv', serviceCsv(N, N), 'none');

  // The list takes a moment to come: the screen says it is working on it.
  await app.route('**/api/followUpPart', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const requests: { count: number; view?: { campaign?: string } }[] = [];
  app.on('request', (r) => r.url().endsWith('/api/followUpPart') && requests.push(JSON.parse(r.postData() ?? '{}')));
  await app.keyboard.press('F6');
  const list = app.getByTestId('followup');
  await expect(list.getByTestId('busy')).toHaveText('Checking…');
  await shot(app, '44-followup-loading');
  const shown = list.getByTestId('followup-shown');
  await expect(shown).toHaveText(/^[\d,]+ of [\d,]+ open campaigns shown$/, { timeout: 30_000 });
  await expect(list.getByTestId('busy')).toHaveCount(0);
  await app.unroute('**/api/followUpPart');
  const total = (await shown.textContent())!.split(' of ')[1]!.replace(' open campaigns shown', '');
  expect(total).toMatch(/^\d{2},\d{3}$/);
  await expect(list).toContainText('20,000 vehicles with a service visit here on file');
  const rows = list.getByTestId('followup-row');
  expect(await rows.count()).toBeLessThan(60);
  expect(await elementsIn(app, 'followup')).toBeLessThan(3_000);
  await shot(app, '45-followup-20000-top');

  // Search by the guest's name, the VIN or the model.
  const search = list.getByLabel('Search');
  await search.fill('Oz Example 9999');
  await expect(rows.first()).toContainText('Oz Example 9999');
  await expect(shown).toHaveText(new RegExp(`^\\d of ${total} open campaigns shown$`));
  await search.fill(syntheticVehicle(N + 5).vin);
  await expect(rows).toHaveCount(1);
  await search.fill('');

  // Filters are applied by the services to the list they keep: each asks for one window of the new view.
  const asked = requests.length;
  await list.getByLabel('Campaign filter').selectOption('BLC');
  await expect(shown).toHaveText(`4,000 of ${total} open campaigns shown`);
  for (const text of await rows.allTextContents()) expect(text).toMatch(/^BLC/);
  await list.getByLabel('Remedy available now').check();
  await expect(shown).toHaveText(`4,000 of ${total} open campaigns shown`);
  await list.getByLabel('Campaign filter').selectOption('23LJ01');
  await expect(shown).toHaveText(`0 of ${total} open campaigns shown`);
  await expect(list).toContainText('Nothing matches: clear the search or a filter.');
  await list.getByLabel('Remedy available now').uncheck();
  await expect(shown).toHaveText(`2,000 of ${total} open campaigns shown`);
  await list.getByLabel('Campaign filter').selectOption('');
  const filtering = requests.slice(asked);
  expect(filtering.some((r) => r.view?.campaign === 'BLC')).toBe(true);
  expect(filtering.every((r) => r.count <= 100)).toBe(true);

  // Sorted by the last service, newest first.
  const service = list.getByRole('columnheader', { name: 'Last service', exact: true });
  await service.getByRole('button').click();
  await service.getByRole('button').click();
  await expect(service).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('2024-12-28');
  await shot(app, '46-followup-sorted');

  // One row per vehicle, with its open campaigns.
  await list.getByLabel('One row per vehicle').check();
  await expect(shown).toHaveText(/^20,000 vehicles shown$/);
  await expect(list.getByTestId('followup-vehicle-row').first()).toBeVisible();
  await shot(app, '47-followup-grouped');
});
