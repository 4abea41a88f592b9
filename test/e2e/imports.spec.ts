import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

/** The text of a PDF as a reader sees it (poppler's pdftotext, from Debian's poppler-utils). */
function pdfText(file: string): string {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`pdftotext failed (install Debian's poppler-utils): ${(err as Error).message}`);
  }
}

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));
const LC = 'JTHKPAAY4PA001234';
const RX05 = makeVin('2T2', 'HA31U', 2005, '0123456');

test('import an affected-VIN list with bad lines: preview, commit, and a scanned VIN is confirmed', async ({ app, server }) => {
  const file = path.join(server.dir, 'ALE-tis-2010-07-07.csv');
  fs.writeFileSync(file, ['VIN,Phase', `${ALE(7930)},`, 'JTHBE96S17OOO7930,', `${ALE(7930)},`, 'N/A,', `${ALE(7931).toLowerCase()} ,`].join('\r\n'));
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
  await panel.getByLabel('Date of the list', { exact: true }).fill('2010-07-07');
  await panel.getByLabel(/This is the complete list/).check();
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);

  const preview = panel.getByTestId('preview');
  await expect(preview).toContainText('Rows read5');
  await expect(preview).toContainText('Valid VINs2');
  await expect(preview).toContainText('Duplicates1');
  await expect(preview).toContainText('Invalid2');
  const invalid = panel.getByRole('table', { name: 'Invalid lines' });
  await expect(invalid.getByRole('row')).toHaveText([
    /Line.*Text.*Why/,
    /^3\s*JTHBE96S17OOO7930\s*Position 11: "O" never appears/,
    // Too short for a VIN: its length says so first (7a5b89e), whatever its characters.
    /5\s*N\/A\s*A VIN has 17 characters; this has 3 \(14 missing\)\./,
  ]);
  await expect(panel.getByTestId('list-summary')).toContainText('ALE Valve Spring: list of 2010-07-07, complete. No list loaded yet for this campaign.');
  await shot(app, '10-list-preview');

  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export invalid lines (CSV)' }).click();
  const saved = await (await download).path();
  expect(fs.readFileSync(saved, 'utf8')).toContain('3,JTHBE96S17OOO7930,"Position 11: ""O"" never appears in a VIN; did you mean ""0""?"');

  await panel.getByRole('button', { name: 'Import 2 VINs into ALE (complete list of 2010-07-07)' }).click();
  await expect(panel.getByTestId('import-progress')).toContainText('ALE: affected-VIN list of 2010-07-07 imported, 2 VINs.');

  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(`I${ALE(7931)}`);
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: 'ALE Valve Spring' });
  await expect(card.getByTestId('certainty')).toHaveText('Confirmed: on the list of 2010-07-07');
  await expect(card).toContainText('On the affected-VIN list of 2010-07-07.');
  await shot(app, '11-confirmed');

  await app.getByLabel('Scan or type a VIN').fill(ALE(8000));
  await app.keyboard.press('Enter');
  await expect(card.getByTestId('certainty')).toHaveText('Not on the list of 2010-07-07');
  await expect(card).toContainText('Not on the affected-VIN list of 2010-07-07 (2 VINs): probably not involved');
});

test.describe('while an import runs', () => {
  // Cancel must land before the list is in: the server's inserts are slowed (fixtures.ts).
  test.use({ slowImports: true });

  test('a large list can be cancelled, and nothing changes', async ({ app, server }) => {
    const file = path.join(server.dir, 'big.txt');
    fs.writeFileSync(file, Array.from({ length: 300_000 }, (_, i) => ALE(1_000_000 + i)).join('\n'));
    await app.keyboard.press('F4');
    const panel = app.getByRole('region', { name: 'Affected-VIN list' });
    await panel.getByLabel('Campaign', { exact: true }).selectOption('ALE');
    await panel.getByLabel('File', { exact: true }).setInputFiles(file);
    await expect(panel.getByRole('button', { name: /^Import 300,000 VINs/ })).toBeEnabled({ timeout: 30_000 });
    await panel.getByRole('button', { name: /^Import 300,000 VINs/ }).click();
    await panel.getByRole('button', { name: 'Cancel import' }).click();
    await expect(panel.getByTestId('import-progress')).toContainText('Import cancelled: nothing was changed.');
    await app.keyboard.press('F2');
    // Outside every ALE range, and no list was committed: ALE does not apply at all.
    await app.getByLabel('Scan or type a VIN').fill(ALE(1_000_001));
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('vehicle')).toContainText('2007');
    await expect(app.getByRole('article', { name: 'ALE Valve Spring' })).toHaveCount(0);
  });
});

test('a 23LJ01 list that repeats a VIN with another part number: the preview names the line, the VIN and both numbers, and the line kept', async ({
  app,
  server,
}) => {
  const LC2 = makeVin('JTH', 'KPAAY', 2023, 'A001235');
  const file = path.join(server.dir, '23LJ01-tis.csv');
  fs.writeFileSync(
    file,
    [
      'VIN,Phase,Part Number,Status,Customer',
      `${LC},1,04002-12345,Open,Ann Guest`,
      `${LC2},1,04002-11111,Open,Bob Guest`,
      `${LC},1,04002-22222,Open,Cy Guest`,
      `${LC2},1,04002-11111,Open,Di Guest`,
    ].join('\r\n'),
  );
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Affected-VIN list' });
  await panel.getByLabel('Campaign', { exact: true }).selectOption('23LJ01');
  await panel.getByLabel('Date of the list', { exact: true }).fill('2026-11-20');
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);

  await expect(panel.getByTestId('preview')).toContainText('Duplicates2');
  // The columns read, the part number's among them, as the terminal names them.
  await expect(panel.getByTestId('list-summary')).toContainText('Columns: VIN "VIN", phase "Phase", part number "Part Number", status "Status".');
  const conflicts = panel.getByTestId('duplicate-conflicts');
  await expect(conflicts).toContainText('1 of the 2 duplicates disagrees with the line kept (the first line of each VIN is kept; check these VINs with TIS):');
  await expect(conflicts.getByRole('listitem')).toHaveText([`line 4 repeats ${LC} (line 2): part number 04002-22222; kept line 2: part number 04002-12345`]);
  await expect(conflicts).not.toContainText('Guest');
  // Not blocked: the import is offered as before.
  await expect(panel.getByRole('button', { name: 'Import 2 VINs into 23LJ01 (partial list of 2026-11-20)' })).toBeEnabled();
  await conflicts.scrollIntoViewIfNeeded();
  await shot(app, '10b-list-preview-repeats-disagree');
});

test('import stock vehicles (mapping a column), and the hold report shows the right holds', async ({ app, server }) => {
  const file = path.join(server.dir, 'dms-stock.csv');
  fs.writeFileSync(
    file,
    [
      'Stock #,Serial,Year,Model,Prod Date,New/Used',
      `S100,${ALE(7930)},2007,GS 350,,U`,
      `S101,${ALE(7935)},2007,GS 350,,CPO`,
      `S102,${LC},2023,LC,12/22,N`,
      `S103,${RX05},2005,RX 330,,U`,
      'S104,1HGCM82633A004352,2003,Accord,,U',
    ].join('\n'),
  );
  await app.keyboard.press('F4');
  const panel = app.getByRole('region', { name: 'Vehicles from the DMS' });
  await panel.getByLabel('File', { exact: true }).setInputFiles(file);
  await expect(panel.getByTestId('vehicles-blocking')).toContainText('no column is mapped to VIN');
  await expect(panel.getByRole('button', { name: 'Import 0 vehicles' })).toBeDisabled();
  await panel.getByLabel('Column for VIN').selectOption('Serial');
  await expect(panel.getByTestId('preview')).toContainText('Valid vehicles5');
  await expect(panel.getByLabel('Column for Stock number')).toHaveValue('Stock #');
  await expect(panel.getByLabel('Column for Condition (new, used, certified)')).toHaveValue('New/Used');
  // Nothing leaves the stock unless the user says the file is the complete stock list.
  await expect(panel.getByRole('radio', { name: /Service history/ })).toBeChecked();
  await expect(panel.getByTestId('stock-effect')).toHaveText('What is in stock does not change.');
  await panel.getByRole('radio', { name: /The complete stock list/ }).check();
  await expect(panel.getByTestId('stock-effect')).toContainText('0 vehicles leave the stock (not in this file); 5 added to the stock, 0 already in stock.');
  await expect(panel.getByTestId('samples-model')).toHaveText('GS 350 · LC · RX 330');
  await shot(app, '12-vehicles-mapping');
  await panel.getByRole('button', { name: 'Import 5 vehicles' }).click();
  await expect(panel.getByTestId('import-progress')).toContainText('5 vehicles imported from dms-stock.csv.');

  await app.keyboard.press('F5');
  const holds = app.getByTestId('holds');
  await expect(holds.getByTestId('holds-summary')).toContainText('4 of 5 vehicles in stock have holds');
  const rows = holds.getByRole('table', { name: 'Holds' }).getByRole('row');
  await expect(rows).toHaveText([
    /Stock #/,
    /S100.*ALE.*Do not deliver until remedied/,
    /S101.*ALE.*Do not deliver until remedied/,
    /S102.*23LJ01.*Deliver only with the disclosure form/,
    /S103.*BLC.*Perform before delivery/,
  ]);
  await shot(app, '13-holds');

  // Printed: the report and its holds, without the app's chrome or buttons.
  await app.emulateMedia({ media: 'print' });
  const pdfFile = path.join(server.dir, 'holds.pdf');
  await app.pdf({ path: pdfFile, format: 'Letter', landscape: true });
  await app.emulateMedia({ media: 'screen' });
  const printed = pdfText(pdfFile);
  expect(printed).toContain('Stock vehicles that may not be delivered');
  expect(printed).toMatch(/S100[\s\S]*Do not deliver until[\s\S]*remedied/);
  expect(printed).toMatch(/S103[\s\S]*Perform before[\s\S]*delivery/);
  expect(printed).not.toContain('Export CSV');
  expect(printed).not.toContain('Campaign library');

  const download = app.waitForEvent('download');
  await holds.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFStock number,VIN,Model,Model year,Condition,Campaign,Title,Hold,Certainty,Remedy,Needs,Reason,Source,Part (CPOR)');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);

  // The lookup knows the vehicle now: no questions for the LC, and its stock status shows.
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(LC);
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('on-file')).toHaveText('In stock #S102, new');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await expect(card.getByTestId('remedy')).toHaveText('Remedy available');

  // Remedied: recorded on the card, and the hold is released.
  await card.getByText('Record for this vehicle').click();
  await card.getByLabel('Status of 23LJ01').selectOption('completed-here');
  await card.getByLabel('Completed on').fill('2024-02-01');
  await card.getByLabel('Repair order').fill('RO-881');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('vehicle-status')).toHaveText('Completed here 2024-02-01');
  await expect(card).toContainText('Completed here on 2024-02-01 (RO RO-881): nothing to do.');
  await app.keyboard.press('F5');
  await expect(app.getByTestId('holds-summary')).toContainText('3 of 5 vehicles in stock have holds');
});

test('the follow-up list shows serviced vehicles with open campaigns, filterable', async ({ app, server }) => {
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
  await expect(list.getByRole('table', { name: 'Vehicles to contact' }).getByRole('row')).toHaveText([
    /Campaign/,
    /ALE.*Ann Example.*555-0100.*2024-05-01/,
    /BLC.*Bo Example.*2023-01-15/,
  ]);
  await expect(list.getByRole('table', { name: 'Not yet remedied per campaign' })).toContainText('BLC');
  await list.getByLabel('Remedy available now').check();
  await expect(list.getByRole('table', { name: 'Vehicles to contact' }).getByRole('row')).toHaveText([/Campaign/, /BLC.*Bo Example/]);
  await shot(app, '14-followup');
});
