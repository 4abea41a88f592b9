// Facts exactly as sure as they are, as a person sees them (issue 17): the vehicle header and the card
// for a VIN whose decode and bulletin disagree, a Canadian-built RX, a Genesis with a letter at
// position 9, and a production month across a window's edge.
import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';

async function lookUp(page: Page, vin: string) {
  const field = page.getByLabel('Scan or type a VIN');
  await field.fill(vin);
  await field.press('Enter');
  await expect(page.getByTestId('lookup-result').getByRole('figure', { name: `VIN ${vin}` })).toBeVisible();
}

test('an LS 600h L that vPIC decodes as an LS 460: both models on the header, labelled', async ({ app }) => {
  await lookUp(app, 'JTHDU46F285009305');
  const header = app.getByTestId('vehicle');
  await expect(header.getByTestId('model-conflict')).toHaveText(
    "Two models: the bulletin's VIN range names LS 600h L; NHTSA vPIC decodes LS 460. The campaigns are matched on LS 600h L: check the model on the vehicle.",
    { timeout: 15_000 },
  );
  await expect(header.getByTestId('model')).toHaveText('LS 600h L (from VIN range) · vPIC: LS 460');
  await shot(app, '40-facts-model-conflict');
});

test('a Canadian-built (2T2) RX 350: built in Canada, with its source', async ({ app }) => {
  await lookUp(app, '2T2HK31UX7C012345');
  await expect(app.getByTestId('built-in')).toHaveText('Canada (vPIC: the country of WMI 2T2)', { timeout: 15_000 });
  await expect(app.getByTestId('vehicle')).not.toContainText('Japan');
  await shot(app, '41-facts-built-in-canada');
});

test('a Genesis with a "D" at position 9: the decode and a softer warning', async ({ app }) => {
  await lookUp(app, 'KMUMA4ABDSU123456');
  await expect(app.getByTestId('decoded')).toContainText('2025 Genesis GV70', { timeout: 15_000 });
  const result = app.getByTestId('lookup-result');
  await expect(result).toContainText('Position 9 is "D", a letter where a check digit (0-9 or X) belongs');
  await expect(result).not.toContainText('Probably a typo');
  await shot(app, '42-facts-genesis-position-9');
});

test('an LC produced 11/2022 against 2022-11-07..2022-12-28: the window starts on the 7th, the build date is asked for', async ({ app }) => {
  await lookUp(app, 'JTHKPAAY4PA001234');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByLabel('Model').selectOption('LC');
  await card.getByLabel('Production month').fill('2022-11');
  await card.getByLabel('Production month').press('Enter');
  await expect(card).toContainText('the window starts on 2022-11-07, the 7th of that month');
  await expect(card).not.toContainText('inside the window');
  await expect(card.locator('.actions li').first()).toHaveText(/^Read the build date/);
  await shot(app, '43-facts-window-edge', true);
});

test("an LC produced 10/2022: outside the chart's window, inside the letter's program table: both, and confirm in TIS", async ({ app }) => {
  await lookUp(app, 'JTHKPAAY4PA001234');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByLabel('Model').selectOption('LC');
  await card.getByLabel('Production month').fill('2022-10');
  await card.getByLabel('Production month').press('Enter');
  await expect(card).toContainText(
    `outside the window 2022-11-07 to 2022-12-28, but the dealer letter's program table ("Late October 2022 - Late December 2022") takes in 2022-10`,
  );
  await expect(card.locator('.actions li').first()).toHaveText(/^The bulletin's documents differ on this model's production window/);
  await shot(app, '43b-facts-window-documents-differ', true);
});
