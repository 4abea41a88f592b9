import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { scanKeys, typeKeys } from '../support/scanner';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');

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
  await expect(card.getByTestId('old-data')).toContainText('Old data. The newest revision loaded for this campaign is dated 2010-07-06');
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
  // The window's first question (who is signed in) already needs the token: it says so, whole-window.
  await expect(page.getByText(/No access token: open the address that "npm run serve" printed/)).toBeVisible();
});

// ---- scans: a fast burst of keys and Enter, from anywhere, each with its own answer ----

/** Scans like a barcode scanner: keys 3 ms apart by their own timestamps, often with the scanner's leading I, then Enter. */
async function scan(page: Page, vin: string, leadingI = false) {
  await scanKeys(page, leadingI ? `I${vin}` : vin);
}

/** The answer on screen is for this VIN, with exactly these campaigns. */
async function expectAnswer(page: Page, vin: string, codes: string[]) {
  const result = page.getByTestId('lookup-result');
  await expect(result.getByRole('figure', { name: `VIN ${vin}` })).toBeVisible();
  await expect(result).not.toHaveAttribute('aria-busy', 'true');
  await expect(result.locator('article')).toHaveCount(codes.length);
  for (const c of codes) await expect(result.getByTestId(`hit-${c}`)).toBeVisible();
  await expect(page.getByLabel('Scan or type a VIN')).toHaveValue(vin);
}

/** 50 distinct VINs of four kinds, each with its right answer (cold decodes for every one). */
function fiftyVins(): { vin: string; codes: string[] }[] {
  const out: { vin: string; codes: string[] }[] = [];
  for (let i = 0; i < 50; i++) {
    const n = String(i * 37 + 11).padStart(5, '0');
    // ALE's GS 350 2007 range is 0007930-0028367.
    if (i % 4 === 0) out.push({ vin: makeVin('JTH', 'BE96S', 2007, String(8000 + i * 300).padStart(7, '0')), codes: ['ALE'] });
    else if (i % 4 === 1) out.push({ vin: makeVin('1HG', 'CY1F3', 2023, `A${n}0`.slice(0, 7)), codes: [] });
    else if (i % 4 === 2) out.push({ vin: makeVin('2T2', 'HA31U', 2006, `6${n}1`.slice(0, 7)), codes: ['BLC'] });
    else out.push({ vin: makeVin('JTJ', 'GKCEZ', 2023, `2${n}2`.slice(0, 7)), codes: ['23LJ01'] });
  }
  return out;
}

test('50 scans in a row at scanner speed: each replaces the previous VIN and gets its own answer', async ({ app }) => {
  test.setTimeout(180_000);
  const vins = fiftyVins();
  expect(new Set(vins.map((v) => v.vin)).size).toBe(50);
  for (const [i, { vin, codes }] of vins.entries()) {
    await scan(app, vin, i % 2 === 0);
    await expectAnswer(app, vin, codes);
  }
  await expect(app.getByTestId('lookup-error')).toHaveCount(0);
});

test('a scan reaches the lookup from every screen, from the Look up button and from the month and RO fields', async ({ app }) => {
  // Nine scans and their answers, each on a screen of its own: a minute at load 16 on 2 cores.
  test.setTimeout(120_000);
  for (const [key, vin, codes] of [
    ['F3', 'JTHBE96S170007930', ['ALE']],
    ['F4', '1HGCM82633A004352', []],
    ['F5', '2T2HA31U660012345', ['BLC']],
    ['F6', 'JTJGKCEZ4P2000001', ['23LJ01']],
  ] as const) {
    await app.keyboard.press(key);
    await expect(app.getByLabel('Scan or type a VIN')).toBeHidden();
    await scan(app, vin, true);
    await expect(app.getByLabel('Scan or type a VIN')).toBeVisible();
    await expectAnswer(app, vin, [...codes]);
  }

  // Focus on the Look up button: the scanned VIN is looked up, not the old one again.
  await app.getByRole('button', { name: /Look up/ }).focus();
  await scan(app, 'JTHBE96S170007930');
  await expectAnswer(app, 'JTHBE96S170007930', ['ALE']);

  // From the production-month field, half typed: the scan is looked up, not typed into the month.
  await scan(app, 'JTHKPAAY9PA000001');
  await expectAnswer(app, 'JTHKPAAY9PA000001', ['23LJ01']);
  const lj = app.getByTestId('hit-23LJ01');
  await lj.getByLabel('Model').selectOption('LC');
  const month = lj.getByLabel('Production month');
  await month.click();
  await typeKeys(app, '12/', 150);
  await expect(month).toHaveValue('12/');
  await scan(app, '2T2HA31U660012345', true);
  await expectAnswer(app, '2T2HA31U660012345', ['BLC']);

  // From the repair-order field of the record form.
  const blc = app.getByTestId('hit-BLC');
  await blc.getByText('Record for this vehicle').click();
  await blc.getByLabel('Repair order').click();
  await scan(app, 'JTHBE96S170007930', true);
  await expectAnswer(app, 'JTHBE96S170007930', ['ALE']);

  // A person typing normally into a field is not taken over: the RO gets what was typed.
  const ale = app.getByTestId('hit-ALE');
  await ale.getByText('Record for this vehicle').click();
  await ale.getByLabel('Status of ALE').selectOption('completed-here');
  await ale.getByLabel('Repair order').click();
  await typeKeys(app, 'RO12345678901234567', 90);
  await expect(ale.getByLabel('Repair order')).toHaveValue('RO12345678901234567');
});

test('the lookup is kept across screen changes, Esc clears from anywhere on it, recent lookups survive a restart', async ({ app }) => {
  await scan(app, 'JTHBE96S170007930', true);
  await expectAnswer(app, 'JTHBE96S170007930', ['ALE']);
  await app.keyboard.press('F3');
  await app.keyboard.press('F6');
  await app.keyboard.press('F2');
  await expectAnswer(app, 'JTHBE96S170007930', ['ALE']);

  await scan(app, 'JTHKPAAY9PA000001');
  await expectAnswer(app, 'JTHKPAAY9PA000001', ['23LJ01']);
  await app.getByTestId('hit-23LJ01').getByLabel('Production month').click();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('lookup-result')).toHaveCount(0);
  await expect(app.getByLabel('Scan or type a VIN')).toHaveValue('');
  await expect(app.getByLabel('Scan or type a VIN')).toBeFocused();

  await app.reload();
  const recent = app.getByRole('complementary', { name: 'Recent lookups' });
  await expect(recent).toContainText('JTHKPAAY9PA000001');
  await expect(recent).toContainText('JTHBE96S170007930');
  await expect(recent).toContainText('ALE');
  await recent.getByRole('button', { name: /JTHBE96S170007930/ }).click();
  await expectAnswer(app, 'JTHBE96S170007930', ['ALE']);
});

test('a decoded 2006 RX 330 is not asked its model; the decode can be corrected', async ({ app }) => {
  await scan(app, '2T2HA31U660012345', true);
  await expectAnswer(app, '2T2HA31U660012345', ['BLC']);
  await expect(app.getByTestId('decoded')).toContainText('2006 Lexus RX 330 · built in Canada');
  await expect(app.getByTestId('decoded')).toContainText('Decoded from the VIN (NHTSA vPIC)');
  await expect(app.getByTestId('model')).toHaveText('RX 330 (decoded)');
  const card = app.getByTestId('hit-BLC');
  await expect(card.getByTestId('needs-BLC')).toHaveCount(0);
  await expect(card).toContainText('RX 330, model year 2006');
  await shot(app, '21-lookup-decoded-rx');

  await app.getByRole('button', { name: 'Correct the model' }).click();
  await app.getByLabel('The model on the vehicle').fill('RX 400h');
  await app.getByRole('button', { name: 'Use this model' }).click();
  // The correction is used; vPIC's model stays beside it, labelled, never silently dropped.
  await expect(app.getByTestId('model')).toHaveText('RX 400h · vPIC: RX 330');
  await expect(app.getByTestId('model-conflict')).toHaveText(
    'Two models: you stated RX 400h; NHTSA vPIC decodes RX 330. The campaigns are matched on RX 400h: check the model on the vehicle.',
  );
  await expect(card).toContainText('RX 400h, model year 2006');

  // A 2023 NX from a Japanese WMI: only the production month is asked.
  await scan(app, 'JTJGKCEZ4P2000001');
  await expectAnswer(app, 'JTJGKCEZ4P2000001', ['23LJ01']);
  await expect(app.getByTestId('decoded')).toContainText('2023 Lexus NX 350h');
  const nx = app.getByTestId('hit-23LJ01');
  await expect(nx.getByLabel('Production month')).toBeVisible();
  await expect(nx.getByLabel('Model')).toHaveCount(0);
});

test('an in-stock vehicle: its hold is a red banner at the top of the card', async ({ app, server }) => {
  const csv = path.join(server.dir, 'stock.csv');
  fs.writeFileSync(csv, 'Stock #,VIN,Condition\nS100,JTHBE96S170007930,used\n');
  execFileSync(process.execPath, [CLI, 'import-vehicles', csv, '--stock', 'add', '--db', path.join(server.dir, 'db.sqlite')]);
  await scan(app, 'JTHBE96S170007930', true);
  const card = app.getByTestId('hit-ALE');
  const hold = card.getByTestId('stock-hold');
  await expect(hold).toHaveText(/^In stock \(used\): Do not deliver until remedied\. Lexus requests that dealers not deliver/);
  // The banner comes first in the card, before why and what next.
  const order = await card.evaluate((el) => [...el.querySelectorAll('[data-testid="stock-hold"], .card-body')].map((n) => n.className));
  expect(order[0]).toContain('hold');
  await expect(card.locator('.actions')).not.toContainText('In stock');
  await expect(app.getByTestId('decoded')).toContainText('2007 Lexus GS 350 · built in Japan');
  await shot(app, '22-stock-hold-and-old-data');
});

test('the record form takes dates as typed and refuses what cannot be true, in plain words', async ({ app }) => {
  await scan(app, '2T2HA31U660012345', true);
  await expect(app.getByTestId('model')).toHaveText('RX 330 (decoded)', { timeout: 15_000 });
  const blc = app.getByTestId('hit-BLC');
  await blc.getByText('Record for this vehicle').click();
  await blc.getByLabel('Completed on').fill('02/30/2024');
  await blc.getByLabel('Repair order').fill('RO-77');
  await blc.getByRole('button', { name: 'Save' }).click();
  await expect(blc.getByRole('alert')).toHaveText('"02/30/2024" is not a date: February 2024 has 29 days.');
  await shot(app, '23-record-form-error');
  await blc.getByLabel('Completed on').fill('3/14/24');
  await blc.getByRole('button', { name: 'Save' }).click();
  await expect(blc.getByTestId('vehicle-status')).toHaveText('Completed here 2024-03-14');

  await scan(app, 'JTHBE96S170007930', true);
  const ale = app.getByTestId('hit-ALE');
  await ale.getByText('Record for this vehicle').click();
  await ale.getByLabel('Status of ALE').selectOption('completed-here');
  await expect(ale.getByTestId('not-available')).toContainText('Not available yet, so it cannot be completed here');
});
