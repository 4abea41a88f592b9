// The form dialog as a person meets it from a completed card: opaque, above everything on the screen
// (the Recent lookups panel included), modal (focus stays in it), and Esc closes it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const LC = 'JTHKPAAY4PA001234';

test('the form dialog from a completed card: opaque, its Close button on top, focus kept inside, Esc closes', async ({ app, server }) => {
  const db = path.join(server.dir, 'db.sqlite');
  const run = (args: string[]) => execFileSync(process.execPath, [CLI, ...args, '--db', db]);
  run([
    'settings',
    'dealer',
    '--name',
    'Lexus of Springfield',
    '--address',
    '100 Main Street\\nSpringfield, IL 62701',
    '--code',
    '64123',
    '--phone',
    '(217) 555-0100',
  ]);
  const history = path.join(server.dir, 'service.csv');
  fs.writeFileSync(
    history,
    ['VIN,Model,Prod Date,Guest Name,Guest Address,Last Service', `${LC},LC,12/22,Jordan Example,"12 Elm Street, Springfield, IL 62704",2024-01-15`].join('\n'),
  );
  run(['import-vehicles', history]);

  // A busy morning: the Recent lookups panel is long, beside the card the dialog opens from.
  for (const vin of ['JTHBE96S170007930', '2T2HA31U660012345', '1HGCM82633A004352', '1M8GDM9AXKP042788', 'JTHBE96S180023566', LC]) {
    await app.getByLabel('Scan or type a VIN').fill(vin);
    await app.keyboard.press('Enter');
    await expect(app.getByRole('complementary', { name: 'Recent lookups' })).toContainText(vin);
  }
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByText('Record for this vehicle').click();
  await card.getByLabel('Status of 23LJ01').selectOption('completed-here');
  await card.getByLabel('Completed on').fill('2024-02-01');
  await card.getByLabel('Repair order').fill('RO-881');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('vehicle-status')).toHaveText('Completed here 2024-02-01');

  const opener = card.getByRole('button', { name: 'Print owner letter…' });
  await opener.click();
  const dialog = app.getByRole('dialog');
  await expect(dialog.frameLocator('[data-testid="form-preview"]').locator('body')).toContainText('Dear Lexus Guest:');
  await shot(app, 'papers-01-dialog-from-completed-card');

  // Opaque: nothing it sits in makes it see-through.
  const opacity = await dialog.evaluate((el) => {
    let o = 1;
    for (let n: Element | null = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
    return o;
  });
  expect(opacity).toBe(1);

  // On top: what is under the centre of each of its buttons is that button, never the Recent lookups panel.
  for (const name of ['Close', 'Print', 'Save PDF']) {
    const button = dialog.getByRole('button', { name, exact: true });
    const box = (await button.boundingBox())!;
    const hit = await app.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el?.closest('button')?.textContent ?? el?.closest('aside')?.getAttribute('aria-label') ?? el?.tagName ?? null;
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit, `under the ${name} button`).toBe(name);
  }

  // Modal: Tab goes round the dialog's own controls, never to the screen behind it.
  for (let i = 0; i < 12; i++) {
    await app.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Close works by a click too, and the card stays as it was.
  await opener.click();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('vehicle-status')).toHaveText('Completed here 2024-02-01');
});

test('one date format: the card, the forms log and Recent lookups write a moment as YYYY-MM-DD HH:MM', async ({ app, server }) => {
  const db = path.join(server.dir, 'db.sqlite');
  execFileSync(process.execPath, [
    CLI,
    'settings',
    'dealer',
    '--name',
    'Lexus of Springfield',
    '--address',
    '100 Main Street',
    '--code',
    '64123',
    '--phone',
    '(217) 555-0100',
    '--db',
    db,
  ]);
  await app.getByLabel('Scan or type a VIN').fill(LC);
  await app.keyboard.press('Enter');
  const recent = app.getByRole('complementary', { name: 'Recent lookups' });
  await expect(recent).toContainText(LC);
  await expect(recent.getByRole('button').first()).toHaveText(new RegExp(`${LC}.*· \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByRole('button', { name: 'Print owner letter…' }).click();
  const dialog = app.getByRole('dialog');
  const download = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await download;
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(card.getByTestId('form-record')).toHaveText(/^Owner letter printed \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await app.keyboard.press('F11');
  const row = app.getByTestId('forms-log').getByRole('row', { name: new RegExp(LC) });
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await shot(app, 'papers-02-forms-log-dates');

  // Its CSV says what the screen says: the form's name and the same date, never "owner-letter".
  const csvDownload = app.waitForEvent('download');
  await app.getByTestId('forms-log').getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync((await (await csvDownload).path())!, 'utf8');
  const shown = await row.getByRole('cell').nth(3).textContent();
  expect(csv.split('\r\n')).toContain(`Owner letter,23LJ01,${LC},${shown},`);
  expect(csv).not.toContain('owner-letter');

  // The Parts screen's CSV: the MAC code in the screen's words.
  await app.keyboard.press('F7');
  const partsDownload = app.waitForEvent('download');
  await app.getByTestId('parts').getByRole('button', { name: 'Export CSV' }).click();
  const parts = fs.readFileSync((await (await partsDownload).path())!, 'utf8');
  expect(parts).toContain('23LJ01,04002-****,"TRANSMITTER SUBASSY, ELECTRICAL KEY",1,not in the bulletin: check Dealer Daily,yes,yes');
  await shot(app, 'papers-03-parts-export');
});
