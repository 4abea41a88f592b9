import fs from 'node:fs';
import path from 'node:path';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));

test('a Windows-1252 DMS export: the preview says so and "José Núñez" is read whole', async ({ app, server }) => {
  const file = path.join(server.dir, 'dms-1252.csv');
  fs.writeFileSync(file, Buffer.from(`VIN,Customer,Phone,Last Service\r\n${ALE(7930)},José Núñez,555-0100,04/01/2024\r\n`, 'latin1'));
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Vehicles from the DMS' });
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  const preview = panel.getByTestId('preview');
  await expect(preview.getByTestId('encoding')).toHaveText('Read as Windows-1252.');
  await expect(panel).toContainText('José Núñez');
  await expect(panel).not.toContainText('\uFFFD');
  await shot(app, 'imports-encoding-1252');
});

test('a UTF-16 affected-VIN list (Excel "Unicode text") is read and the preview says so', async ({ app, server }) => {
  const file = path.join(server.dir, 'tis-utf16.txt');
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`VIN\tPhase\r\n${ALE(7930)}\t1\r\n${ALE(7931)}\t1\r\n`, 'utf16le')]));
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  const preview = panel.getByTestId('preview');
  await expect(preview.getByTestId('encoding')).toHaveText('Read as UTF-16 (little-endian).');
  await expect(preview).toContainText('Valid VINs2');
  await expect(preview).toContainText('Invalid0');
});
