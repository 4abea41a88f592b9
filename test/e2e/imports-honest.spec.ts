// The Imports screen with files that used to import silently wrong: a stray quote, a campaign changed
// after the file was read, DEMO and Loaner conditions, and a large import followed from other screens.
import fs from 'node:fs';
import path from 'node:path';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));
const RX05 = makeVin('2T2', 'HA31U', 2005, '0123456');

test('a stray quote is one invalid line, not the end of the list', async ({ app, server }) => {
  const lines = Array.from({ length: 1000 }, (_, i) => ALE(10_000 + i));
  lines[204] = `"${lines[204]}`;
  lines[500] = 'JTH12';
  const file = path.join(server.dir, 'tis-bad.txt');
  fs.writeFileSync(file, lines.join('\r\n'));
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  const preview = panel.getByTestId('preview');
  await expect(preview).toContainText('Valid VINs998');
  await expect(preview).toContainText('Invalid2');
  await expect(preview.getByTestId('invalid-lines-kinds')).toHaveText('Invalid lines: Unbalanced quote 1 · Not a VIN 1');
  await expect(preview.getByRole('table', { name: 'Invalid lines' }).getByRole('row')).toHaveText([
    /Line/,
    /^205\s*JTHBE96S.*A quote \(".*not closed/,
    /^501\s*JTH12\s*A VIN has 17 characters/,
  ]);
  await expect(panel.getByTestId('list-summary')).toContainText(', partial.');
  await shot(app, '20-list-stray-quote', true);
});

test('changing the campaign after reading the file reads it again; the import goes where the screen says', async ({ app, server }) => {
  const file = path.join(server.dir, 'list.txt');
  fs.writeFileSync(file, `${ALE(7930)}\n${RX05}\n`);
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  await expect(panel.getByTestId('list-summary')).toContainText('ALE Valve Spring');
  await panel.getByLabel('Campaign', { exact: true }).selectOption('BLC');
  await expect(panel.getByTestId('list-summary')).toContainText('BLC');
  await panel.getByLabel('Date of the list', { exact: true }).fill('2024-01-31');
  const button = panel.getByRole('button', { name: /^Import 2 VINs into BLC \(partial list of 2024-01-31\)/ });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(panel.getByTestId('import-progress')).toContainText('BLC: affected-VIN list of 2024-01-31 imported, 2 VINs (partial list).');
  // ALE got nothing: its VIN is still to verify, not confirmed.
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(ALE(7930));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article', { name: 'ALE Valve Spring' }).getByTestId('certainty')).not.toContainText('Confirmed');
});

test('DEMO and Loaner are mapped in the preview, not rejected; a future date and a check digit are shown', async ({ app, server }) => {
  const typo = `${ALE(7930).slice(0, 8)}${ALE(7930)[8] === '0' ? '1' : '0'}${ALE(7930).slice(9)}`;
  const file = path.join(server.dir, 'stock-demo.csv');
  fs.writeFileSync(
    file,
    [
      'Stock #,VIN,Year,Model,New/Used,Last Service',
      `S1,${ALE(7931)},2007,GS 350,DEMO,`,
      `S2,${ALE(7932)},2007,GS 350,Loaner,12/31/99`,
      `S3,${ALE(7933)},2007,GS 350,DEMO,01/15/2099`,
      `S4,${typo},2007,GS 350,U,`,
      `S5,${ALE(7934)},2007,GS 350,N,`,
    ].join('\n'),
  );
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Vehicles from the DMS' });
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  await expect(panel.getByTestId('preview')).toContainText('Valid vehicles5');
  const mapping = panel.getByTestId('condition-mapping');
  await expect(mapping).toContainText('2 condition values are not new, used or certified pre-owned');
  await mapping.getByLabel('Condition for "DEMO"').selectOption('new');
  await expect(mapping.getByLabel('Condition for "DEMO"')).toHaveValue('new');
  await mapping.getByLabel('Condition for "Loaner"').selectOption('used');
  await expect(mapping.getByLabel('Condition for "Loaner"')).toHaveValue('used');
  await expect(panel.getByTestId('lines-to-check-kinds')).toHaveText(
    'Lines to check: Service date in the future (date left out) 1 · Check digit does not match (imported) 1',
  );
  await expect(panel.getByTestId('samples-condition')).toHaveText('DEMO · Loaner · U');
  await shot(app, '21-vehicles-conditions', true);
  await panel.getByRole('button', { name: 'Import 5 vehicles' }).click();
  await expect(panel.getByTestId('import-progress')).toContainText('5 vehicles imported');
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(ALE(7931));
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('on-file')).toContainText('new');
});

test.describe('while an import runs', () => {
  // Cancel must land before the list is in: the server's inserts are slowed (fixtures.ts).
  test.use({ slowImports: true });

  test('a running import is shown with its campaign on every screen, and can be cancelled from there', async ({ app, server }) => {
    const file = path.join(server.dir, 'big.txt');
    fs.writeFileSync(file, Array.from({ length: 1_500_000 }, (_, i) => ALE(1_000_000 + i)).join('\n'));
    await app.keyboard.press('F4');
    const panel = app.getByRole('region', { name: 'Affected-VIN list' });
    await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
    await panel.getByLabel('Date of the list', { exact: true }).fill('2010-08-01');
    await panel.getByLabel('File', { exact: true }).setInputFiles(file);
    const button = panel.getByRole('button', { name: /^Import 1,500,000 VINs into ALE/ });
    await expect(button).toBeEnabled({ timeout: 60_000 });
    await button.click();
    await expect(panel.getByTestId('import-progress')).toContainText('Importing ALE affected-VIN list of 2010-08-01');
    await app.keyboard.press('F5');
    const indicator = app.getByTestId('import-indicator');
    await expect(indicator).toContainText('Importing ALE affected-VIN list of 2010-08-01');
    await shot(app, '22-import-running-elsewhere');
    await app.keyboard.press('F4');
    await expect(panel.getByRole('button', { name: 'Cancel import' })).toBeVisible();
    await app.keyboard.press('F2');
    await indicator.getByRole('button', { name: 'Cancel' }).click();
    await expect(indicator).toHaveCount(0);
    await app.keyboard.press('F4');
    await expect(panel.getByTestId('import-progress')).toContainText('Import cancelled: nothing was changed.');
  });
});
