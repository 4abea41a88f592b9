// The disclosure form end to end: dealer settings first, then a 23LJ01 stock vehicle looked up, its
// form previewed, saved as PDF (downloaded in the browser mode) and recorded on the vehicle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const LC = 'JTHKPAAY4PA001234';

test('a 23LJ01 stock vehicle: settings, then the disclosure form printed and recorded on the vehicle', async ({ app, server }) => {
  const stock = path.join(server.dir, 'stock.csv');
  fs.writeFileSync(stock, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S102,${LC},2023,LC,12/22,N`].join('\n'));
  execFileSync(process.execPath, [CLI, 'import-vehicles', stock, '--stock', 'add', '--db', path.join(server.dir, 'db.sqlite')]);

  // Before any dealer details, the form says what is missing instead of printing blanks.
  await app.getByLabel('Scan or type a VIN').fill(LC);
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByRole('button', { name: 'Print disclosure form…' }).click();
  const dialog = app.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText("Enter the dealer's details before the first form prints.");
  await dialog.getByRole('button', { name: 'Open Settings' }).click();

  const settings = app.getByTestId('settings');
  await expect(settings.getByTestId('settings-missing')).toContainText('dealer name, dealer address, dealer code, dealer phone');
  await settings.getByLabel('Dealer name').fill('Lexus of Springfield');
  await settings.getByLabel('Address', { exact: true }).fill('100 Main Street\nSpringfield, IL 62701');
  await settings.getByLabel('Dealer code').fill('64123');
  await settings.getByLabel('Phone').fill('(217) 555-0100');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByTestId('settings-missing')).toHaveCount(0);
  await settings.getByLabel('Staff name').fill('Ann Advisor');
  await settings.getByRole('button', { name: 'Add' }).click();
  await expect(settings.getByTestId('staff-list')).toContainText('Ann Advisor');
  await shot(app, 'forms-01-settings');

  await app.keyboard.press('F2');
  await card.getByRole('button', { name: 'Print disclosure form…' }).click();
  await expect(dialog.getByLabel('Staff member')).toHaveValue('Ann Advisor');
  await dialog.getByLabel("Guest's name").fill('Jordan Example');
  const preview = dialog.frameLocator('[data-testid="form-preview"]');
  await expect(preview.locator('body')).toContainText('Jordan Example');
  await expect(preview.locator('body')).toContainText(LC);
  await expect(preview.locator('body')).toContainText('Lexus of Springfield');
  await expect(preview.locator('body')).toContainText('This form is not applicable for new vehicles in dealership inventory.');
  // A new vehicle: the advisor is told about the form's own sentence (on screen, not on the guest's paper).
  await expect(dialog.getByTestId('advisor-note').first()).toContainText('Confirm with your region');
  await expect(dialog.getByTestId('mail-draft')).toHaveAttribute('href', new RegExp(`^mailto:qc@lexus.com\\?subject=Disclosure%20Form%2023LJO1%20${LC}`));
  await shot(app, 'forms-02-disclosure-preview');

  const download = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Jordan Example');
  expect(text).toContain(LC);
  expect(text).toContain('Page 1 of 1');
  expect(text).not.toContain('Confirm with your region');
  await expect(dialog.getByTestId('form-recorded')).toBeVisible();
  await expect(dialog.getByTestId('saved-path')).toContainText(`23LJ01-disclosure-${LC}.pdf`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(card.getByTestId('form-record')).toContainText('Disclosure form printed');
  await expect(card.getByTestId('form-record')).toContainText('by Ann Advisor');
  await shot(app, 'forms-03-recorded-on-card');

  await app.keyboard.press('F11');
  await expect(app.getByTestId('forms-log')).toContainText(LC);
  await expect(app.getByTestId('forms-log')).not.toContainText('Jordan Example');
});

test('the lists print from their button: Save PDF downloads the printed list, Print prints the same document', async ({ app, server }) => {
  const db = path.join(server.dir, 'db.sqlite');
  const dealer = ['--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '555-0100'];
  execFileSync(process.execPath, [CLI, 'settings', 'dealer', ...dealer, '--db', db]);
  await app.keyboard.press('F11');
  const log = app.getByTestId('forms-log');
  await expect(log).toContainText('No form recorded yet.');
  const download = app.waitForEvent('download');
  await log.getByRole('button', { name: 'Save PDF' }).first().click();
  const text = execFileSync('pdftotext', ['-layout', await (await download).path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Order suggestions / CPOR list');
  expect(text).toContain('Lexus of Springfield');
  expect(text).toContain('No order: part number not yet released');
  expect(text).toContain('Page 1 of 1');
  // Print fills a frame with the same document (its stylesheet adopted under the app's CSP: a CSP
  // violation would fail the test) and returns when the print is done.
  await log.getByRole('button', { name: 'Print' }).last().click();
  await expect(log.getByRole('button', { name: 'Print' }).last()).toBeEnabled();
  await shot(app, 'forms-04-forms-log');
});
