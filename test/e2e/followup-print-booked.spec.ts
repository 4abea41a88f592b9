// The follow-up screen's Save PDF prints whom the screen shows: guests already booked are left out as
// on screen by default, and printed when the screen's Booked filter asks for them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeVin } from '../support/synthetic';
import { expect, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const GS = makeVin('JTH', 'BE96S', 2007, '0008000');
const RX = makeVin('2T2', 'HA31U', 2005, '0100000');

test("the follow-up list's Save PDF follows the screen's Booked filter", async ({ app, server }) => {
  test.setTimeout(120_000);
  const db = path.join(server.dir, 'db.sqlite');
  const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args, '--db', db], { stdio: 'ignore' });
  cli('settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '555-0100');
  const file = path.join(server.dir, 'service.csv');
  fs.writeFileSync(
    file,
    ['VIN,Model,Customer Name,Phone,Last Service', `${GS},GS 350,Guest Zero,555-0100,2024-01-01`, `${RX},RX 330,Booked Guest,555-0199,2024-06-01`].join('\n'),
  );
  cli('import-vehicles', file);
  cli('book', RX, '--campaign', 'BLC', '--at', '2099-11-25T08:00', '--model', 'RX 330');

  await app.keyboard.press('F6');
  const list = app.getByTestId('followup');
  await expect(list.getByTestId('followup-row').first()).toContainText('Guest Zero');
  const savedText = async () => {
    const download = app.waitForEvent('download');
    await list.getByRole('button', { name: 'Save PDF' }).click();
    return execFileSync('pdftotext', ['-layout', await (await download).path(), '-'], { encoding: 'utf8' });
  };
  const toCall = await savedText();
  expect(toCall).toContain('Guest Zero');
  expect(toCall).not.toContain('Booked Guest');

  await list.getByLabel('Booked').selectOption('booked');
  await expect(list.getByTestId('followup-row').first()).toContainText('Booked Guest');
  const booked = await savedText();
  expect([booked.includes('Booked Guest'), booked.includes('Guest Zero')]).toEqual([true, false]);
});
