import { expect, shot, test } from './fixtures';

test('a scanned VIN (leading I, then Enter) shows its campaigns at once', async ({ app }) => {
  const vin = app.getByLabel('Scan or type a VIN');
  await expect(vin).toBeFocused();
  await app.keyboard.type('IJTHBE96S170007930');
  await app.keyboard.press('Enter');

  const card = app.getByRole('article', { name: 'ALE Valve Spring' });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('certainty')).toHaveText('Verify in TIS');
  await expect(card.getByTestId('remedy')).toHaveText('Remedy not yet available');
  await expect(card).toContainText('In the published VIN range 0007930-0028367 for GS 350 2007');
  await expect(card).toContainText('parts not released');
  // A customer's car: no stock delivery rule on the card. The bulletin is 16 years old: a banner says so.
  await expect(card.getByTestId('stock-hold')).toHaveCount(0);
  await expect(card).not.toContainText('In stock');
  await expect(card.getByTestId('old-data')).toContainText('Old data: the newest revision loaded for this campaign is dated 2010-07-06');
  await expect(card).toContainText(/revision 2010-07-06 \(\d+ years old\)/);
  await expect(app.getByTestId('vehicle')).toContainText('2007');
  await expect(app.getByTestId('vehicle')).toContainText('GS 350 (from VIN range)');
  await expect(app.getByRole('heading', { name: '1 campaign may apply' })).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Recent lookups' })).toContainText('JTHBE96S170007930');
  // Ready for the next scan: the field holds the normalised VIN, selected.
  await expect(vin).toHaveValue('JTHBE96S170007930');
  await expect(vin).toBeFocused();
  await shot(app, '01-lookup-ale');
});

test('asks for exactly what 23LJ01 needs, inline, and updates the answer', async ({ app }) => {
  await app.getByLabel('Scan or type a VIN').fill('JTHKPAAY4PA001234');
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await expect(card.getByTestId('remedy')).toHaveText('Remedy status unknown');
  const model = card.getByLabel('Model');
  await expect(model.locator('option')).toHaveText(['Choose the model…', 'LC', 'LS', 'GX', 'IS', 'RC F', 'UX', 'NX', 'RX', 'LX', 'RZ', 'Another model…']);
  await shot(app, '02-needs-model-and-month');

  await model.selectOption('LC');
  await expect(card.getByLabel('Model')).toHaveCount(0);
  await expect(card).toContainText('Window: LC 2022-11-07 to 2022-12-28');
  // As printed on the door-jamb label; first a slip of the finger.
  await card.getByLabel('Production month').fill('12/2');
  await card.getByRole('button', { name: 'Apply' }).click();
  await expect(card.getByRole('alert')).toHaveText('"12/2" is not a month. Write the production month as on the door-jamb label, e.g. 12/22, or as 2022-12.');
  await card.getByLabel('Production month').fill('12/22');
  await card.getByRole('button', { name: 'Apply' }).click();

  await expect(card.getByTestId('remedy')).toHaveText('Remedy available');
  await expect(card.getByTestId('remedy-explanation')).toContainText('Phase 1');
  await expect(card).toContainText("Order this VIN's key through CPOR");
  await expect(card).toContainText('Book 45 minutes; the guest brings the vehicle and the original Smart Key.');
  await expect(app.getByTestId('vehicle')).toContainText('2022-12');
  await shot(app, '03-23lj01-phase-1');

  // Answered facts can be taken back: the card asks again.
  await app.getByRole('button', { name: 'Change model or month' }).click();
  await expect(card.getByLabel('Model')).toBeVisible();
  await expect(card.getByTestId('remedy')).toHaveText('Remedy status unknown');
  await expect(app.getByTestId('vehicle')).toContainText('not given');
});

test('an LC produced in November 2022 is in the program with its phase unknown', async ({ app }) => {
  await app.getByLabel('Scan or type a VIN').fill('JTHKPAAY4PA001234');
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByLabel('Model').selectOption('LC');
  await card.getByLabel('Production month').fill('2022-11');
  await card.getByLabel('Production month').press('Enter');
  await expect(app.getByTestId('vehicle')).toContainText('2022-11');
  await expect(card.getByTestId('remedy')).toHaveText('Remedy status unknown');
  await expect(card.getByTestId('remedy-explanation')).toContainText('does not state the phase of LC produced 2022-11: check TIS/SLP, never guess');
});

test('a bad VIN says which character is wrong; a check-digit typo warns loudly but still looks up', async ({ app }) => {
  const vin = app.getByLabel('Scan or type a VIN');
  await vin.fill('JTHBE96S17OOO7930');
  await expect(app.locator('#vin-feedback')).toContainText('Position 11: "O" never appears in a VIN; did you mean "0"?');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('lookup-error')).toContainText('Position 11: "O" never appears in a VIN');
  await shot(app, '04-bad-vin');

  await vin.fill('JTHBE96S570007930');
  await expect(app.locator('#vin-feedback')).toContainText('check digit should be 1');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('vin-warning')).toContainText('position 9 is "5", the rest of the VIN calls for "1"');
  await expect(app.getByRole('article', { name: 'ALE Valve Spring' })).toBeVisible();
  await shot(app, '05-check-digit-warning');
});

test('a VIN nothing applies to says what it was checked against', async ({ app }) => {
  await app.getByLabel('Scan or type a VIN').fill('1HGCM82633A004352');
  await app.keyboard.press('Enter');
  const none = app.getByTestId('no-campaigns');
  await expect(none).toContainText('No campaign in this library applies to this VIN.');
  await expect(none).toContainText('Checked against 3 campaigns (newest bulletin revision 2024-01-31)');
  await expect(none).toContainText('That is not a clean record');
  await expect(none).toContainText('TIS (or NHTSA, nhtsa.gov/recalls) holds the full record');
  await expect(app.getByTestId('decoded')).toContainText('2003 Honda Accord');
  await shot(app, '20-nothing-applies');
});

test('a scan lands in the VIN field even when focus was elsewhere', async ({ app }) => {
  await app.getByRole('heading', { name: 'Recent lookups' }).click();
  await app.keyboard.type('JTHBE96S170007930');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article', { name: 'ALE Valve Spring' })).toBeVisible();
});

test('without the token the page says how to open it properly', async ({ page, server }) => {
  await page.goto(`${server.origin}/`);
  await expect(page.getByTestId('data-status')).toContainText('No access token');
});
