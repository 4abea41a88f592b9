import fs from 'node:fs';
import path from 'node:path';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));

test('a database with no affected-VIN list and no vehicles: the answer says so; after an import it does not', async ({ app, server }) => {
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(ALE(7930));
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('empty-database')).toContainText('This database has no affected-VIN list and no vehicles');
  await shot(app, 'lookup-empty-database');

  const file = path.join(server.dir, 'svc.csv');
  fs.writeFileSync(file, `VIN,Customer,Last Service\r\n${ALE(7930)},Ann,04/01/2024\r\n`);
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Vehicles from the DMS' });
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  await panel.getByRole('button', { name: /^Import 1 vehicle/ }).click();
  await expect(panel.getByTestId('import-progress')).toContainText('imported');
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(ALE(7931));
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('lookup-result')).toContainText('ALE');
  await expect(app.getByTestId('empty-database')).toHaveCount(0);
});
