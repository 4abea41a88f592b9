// The shell around the screens: what a screen holds survives a change of screen, the data follows
// every change (this window's, a running import's, another process's), an older answer never lands
// over a newer filter's, and a screen that breaks says so readably instead of leaving a white page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));
const LC = 'JTHKPAAY4PA001234';
const RX05 = makeVin('2T2', 'HA31U', 2005, '0123456');
const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');

test('the lookup keeps its answer, the answered facts and the recent lookups across F3 then F2', async ({ app }) => {
  const vin = app.getByLabel('Scan or type a VIN');
  await vin.fill(ALE(7930));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article', { name: 'ALE Valve Spring' })).toBeVisible();
  await vin.fill(LC);
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByLabel('Model').selectOption('LC');
  await card.getByLabel('Production month').fill('12/22');
  await card.getByRole('button', { name: 'Apply' }).click();
  await expect(card.getByTestId('remedy')).toHaveText('Remedy available');

  await app.keyboard.press('F3');
  await expect(app.getByRole('region', { name: 'Campaigns' })).toBeVisible();
  await expect(vin).toBeHidden();
  await app.keyboard.press('F2');

  // Scan first: back on the lookup, the cursor is in the VIN field, and the answer is as it was.
  await expect(vin).toBeFocused();
  await expect(vin).toHaveValue(LC);
  await expect(app.getByTestId('vehicle')).toContainText('LC');
  await expect(app.getByTestId('vehicle')).toContainText('2022-12');
  await expect(card.getByTestId('remedy')).toHaveText('Remedy available');
  const recent = app.getByRole('complementary', { name: 'Recent lookups' });
  await expect(recent.getByRole('button')).toHaveText([new RegExp(LC), new RegExp(ALE(7930))]);
  await shot(app, '20-lookup-kept-after-f3-f2');

  // The VIN in the field is selected: the next scan replaces it rather than appending to it.
  await app.keyboard.type(`I${ALE(7930)}`);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article', { name: 'ALE Valve Spring' })).toBeVisible();
  await expect(vin).toHaveValue(ALE(7930));
});

test('the library keeps the campaign it shows across a change of screen', async ({ app }) => {
  await app.keyboard.press('F3');
  await app.getByRole('region', { name: 'Campaigns' }).getByRole('button', { name: /BLC/ }).click();
  const detail = app.getByTestId('campaign-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(/^BLC .*Carpet/);
  await app.keyboard.press('F5');
  await app.keyboard.press('F3');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(/^BLC .*Carpet/);
  await expect(app.getByRole('region', { name: 'Campaigns' }).getByRole('button', { name: /BLC/ })).toHaveAttribute('aria-pressed', 'true');
});

test('the follow-up list shows the last filter chosen, without asking the services again', async ({ app, server }) => {
  const file = path.join(server.dir, 'service.csv');
  fs.writeFileSync(
    file,
    ['VIN,Model,Customer Name,Phone,Last Service', `${ALE(7930)},GS 350,Ann Example,555-0100,2024-05-01`, `${RX05},RX 330,Bo Example,555-0101,01/15/2023`].join(
      '\n',
    ),
  );
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Vehicles from the DMS' });
  await panel.getByRole('radio', { name: /Service history/ }).check();
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  await panel.getByRole('button', { name: 'Import 2 vehicles' }).click();
  await expect(panel.getByTestId('import-progress')).toContainText('2 vehicles imported');

  await app.keyboard.press('F6');
  const list = app.getByTestId('followup');
  const rows = list.getByRole('table', { name: 'Vehicles to contact' }).getByRole('row');
  await expect(rows).toHaveText([/Campaign/, /ALE.*Ann Example/, /BLC.*Bo Example/]);

  // Filters work over the list already loaded (the whole list is one request): choosing one asks the
  // services nothing, so no older answer can ever land over a newer filter's.
  const asked: string[] = [];
  app.on('request', (r) => r.url().endsWith('/api/followUpList') && asked.push(r.url()));
  const filter = list.getByLabel('Campaign filter');
  await filter.selectOption('ALE');
  await expect(rows).toHaveText([/Campaign/, /ALE.*Ann Example/]);
  await filter.selectOption('BLC');
  await expect(rows).toHaveText([/Campaign/, /BLC.*Bo Example/]);
  expect(asked).toEqual([]);
  await expect(list.getByTestId('busy')).toHaveCount(0);

  // The filters survive a change of screen.
  await app.keyboard.press('F2');
  await app.keyboard.press('F6');
  await expect(filter).toHaveValue('BLC');
  await expect(rows).toHaveText([/Campaign/, /BLC.*Bo Example/]);
});

test.describe('while an import runs', () => {
  // The import must still run when the lookup is in front: the server's inserts are slowed (fixtures.ts).
  test.use({ slowImports: true });

  test('a running import is followed while another screen is in front, and the lookup on screen updates when it is done', async ({ app, server }) => {
    const vin = ALE(1_000_001); // Outside every ALE range: only an affected-VIN list can bring it in.
    await app.getByLabel('Scan or type a VIN').fill(vin);
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('vehicle')).toContainText('2007');
    await expect(app.getByRole('article', { name: 'ALE Valve Spring' })).toHaveCount(0);

    const file = path.join(server.dir, 'big.txt');
    fs.writeFileSync(file, Array.from({ length: 300_000 }, (_, i) => ALE(1_000_000 + i)).join('\n'));
    await app.keyboard.press('F4');
    const panel = app.getByRole('region', { name: 'Affected-VIN list' });
    await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
    await panel.getByLabel('Date of the list', { exact: true }).fill('2010-07-07');
    await panel.getByLabel('File', { exact: true }).setInputFiles(file);
    await panel.getByRole('button', { name: 'Import 300,000 VINs' }).click({ timeout: 30_000 });
    await expect(panel.getByTestId('import-progress')).toBeVisible();

    // Back to the lookup while the import runs: the answer on screen changes by itself once it is done.
    await app.keyboard.press('F2');
    const card = app.getByRole('article', { name: 'ALE Valve Spring' });
    await expect(card.getByTestId('certainty')).toHaveText('Confirmed: on the list of 2010-07-07', { timeout: 30_000 });
    await app.keyboard.press('F4');
    await expect(panel.getByTestId('import-progress')).toContainText('ALE: affected-VIN list of 2010-07-07 imported, 300,000 VINs (partial list).');
  });
});

test('the top bar follows a bulletin imported by another process (the CLI)', async ({ app, server }) => {
  await expect(app.getByTestId('data-status')).toContainText('3 campaigns · newest bulletin 2024-01-31');
  const newer = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
  newer.revisionDate = '2024-03-28';
  newer.revisionLabel = 'Update: phase 6 launched';
  const file = path.join(server.dir, '23LJ01-2024-03-28.json');
  fs.writeFileSync(file, JSON.stringify(newer));
  execFileSync(process.execPath, [CLI, 'import-bulletin', file, '--db', path.join(server.dir, 'db.sqlite')]);
  await expect(app.getByTestId('data-status')).toContainText('newest bulletin 2024-03-28', { timeout: 10_000 });
});

test('a screen whose data breaks the contract says what happened and that the data is safe; the rest keeps working', async ({ page, server }) => {
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  // A services bug, simulated at the network: the hold report comes back in a shape the contract does not allow.
  await page.route('**/api/holdReportPart', (route) => route.fulfill({ json: { ok: true, data: { generatedAt: '2024-05-01T10:00:00Z', holds: 'none' } } }));
  await page.goto(server.url);
  // The screens are there once the window knows who is signed in; a key before that reaches nothing.
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await page.keyboard.press('F5');

  const problem = page.getByTestId('problem');
  await expect(problem.getByRole('heading')).toHaveText('Stock holds could not be shown');
  await expect(problem).toContainText('Your data is safe.');
  await expect(problem).toContainText('not a problem with your data');
  await expect(problem.getByRole('button')).toHaveText(['Try again', 'Back to VIN lookup', 'Reload Recall Desk']);
  // The window around it still works.
  await expect(page.getByTestId('data-status')).toContainText('3 campaigns');
  await shot(page, '22-screen-problem');

  await problem.getByRole('button', { name: 'Back to VIN lookup' }).click();
  await page.getByLabel('Scan or type a VIN').fill(ALE(7930));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'ALE Valve Spring' })).toBeVisible();

  // Once the services answer properly, "Try again" brings the screen back.
  await page.unroute('**/api/holdReportPart');
  await page.keyboard.press('F5');
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('holds-summary')).toContainText('0 of 0 vehicles in stock have holds');
  expect(uncaught).toEqual([]);
});
