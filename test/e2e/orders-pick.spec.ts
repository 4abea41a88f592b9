// Picking order suggestions at dealer size in Chromium (issue 16): 4,000 LCs in stock on the 23LJ01
// list and two booked, about 4,000 lines; three lines chosen (a click, a keyboard range, a box in the
// booked filter), only those three become orders; then one gets its CPOR reference, is received and
// the work is completed.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, localIsoDate } from '../../shared/dates';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const LC = 'JTHKPAAY4PA001234';
const LC2 = makeVin('JTH', 'KPAAY', 2023, 'A001235');
const IN_STOCK = 4000;
const stockVin = (i: number) => makeVin('JTH', 'KPAAY', 2023, `B${String(i).padStart(6, '0')}`);
const day = (n: number) => addDays(localIsoDate(new Date()), n);
const TRAINED = ['Safety Recall and Service Campaign Essentials', 'LIC206A - Electrical Repair 1'];

test('pick three of about 4,000 suggestion lines, accept only those, then CPOR reference, receive and complete', async ({ app, server }) => {
  test.setTimeout(240_000);
  const db = path.join(server.dir, 'db.sqlite');
  const run = (...args: string[]) => {
    const r = cli([...args, '--db', db]);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const vins = Array.from({ length: IN_STOCK }, (_, i) => stockVin(i));
  const stockFile = path.join(server.dir, 'stock.csv');
  fs.writeFileSync(stockFile, ['Stock #,VIN,Year,New/Used', ...vins.map((v, i) => `S${String(i).padStart(5, '0')},${v},2023,U`)].join('\r\n'));
  const listFile = path.join(server.dir, 'list.csv');
  fs.writeFileSync(
    listFile,
    ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`, ...vins.map((v) => `${v},1,,Open`)].join('\r\n'),
  );
  run('import-vehicles', stockFile, '--stock', 'add');
  run('import-vins', '23LJ01', listFile);
  run('book', LC, '--campaign', '23LJ01', '--at', `${day(3)}T09:00`);
  run('book', LC2, '--campaign', '23LJ01', '--at', `${day(6)}T10:00`);
  run('techs', 'add', 'Dana Kim', ...TRAINED.flatMap((c) => ['--course', c]));
  run('techs', 'add', 'Lee Park', '--course', TRAINED[0]!);

  await app.keyboard.press('F9');
  const orders = app.getByTestId('orders');
  await expect(orders.getByTestId('orders-shown')).toHaveText(/^4,0\d\d lines$/, { timeout: 60_000 });
  const total = Number((await orders.getByTestId('orders-shown').textContent())!.replace(/\D/g, ''));
  // Only the rows in view are drawn.
  expect(await orders.getByTestId('order-line').count()).toBeLessThan(60);
  const box = (vin: string, part = '04002-****') => orders.getByRole('checkbox', { name: `Choose 23LJ01 ${part} for ${vin}` });
  const chosen = orders.getByTestId('chosen');

  // A click and a Shift-click choose the lines between; "Clear the choice" empties it.
  await box(vins[0]!).click();
  await box(vins[3]!).click({ modifiers: ['Shift'] });
  await expect(chosen).toHaveText('4 lines chosen');
  await shot(app, 'orders-01-shift-click');
  await orders.getByRole('button', { name: 'Clear the choice' }).click();
  await expect(chosen).toHaveText('0 lines chosen');
  await expect(orders.getByRole('button', { name: 'Accept 0 chosen lines' })).toBeDisabled();

  // By keyboard: Space ticks, Down moves, Shift+Space ticks the range, Space again unticks one.
  await box(vins[10]!).focus();
  await app.keyboard.press('Space');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(box(vins[12]!)).toBeFocused();
  await app.keyboard.press('Shift+Space');
  await expect(chosen).toHaveText('3 lines chosen');
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('Space');
  await expect(chosen).toHaveText('2 lines chosen');
  await expect(box(vins[11]!)).not.toBeChecked();

  // The booked vehicles only, from the day after tomorrow to four days out: the LC; tick it.
  await orders.getByLabel('For filter').selectOption('booked');
  await expect(orders.getByTestId('orders-shown')).toHaveText(`2 of ${total.toLocaleString('en-US')} lines shown`);
  await orders.getByLabel('Booked from').fill(day(2));
  await orders.getByLabel('Booked to').fill(day(4));
  await expect(orders.getByTestId('orders-shown')).toHaveText(`1 of ${total.toLocaleString('en-US')} lines shown`);
  await box(LC, '04002-78010').click();
  await expect(chosen).toHaveText('3 lines chosen (2 of them hidden by the filters, still chosen)');
  await shot(app, 'orders-02-three-chosen');

  // Grouped by part: one group for the key, its box says how many of its lines are chosen.
  await orders.getByLabel('For filter').selectOption('');
  await orders.getByLabel('Booked from').fill('');
  await orders.getByLabel('Booked to').fill('');
  await orders.getByLabel('Group filter').selectOption('part');
  await expect(orders.getByTestId('order-line').first()).toContainText(/04002-\*\*\*\* \(23LJ01\): 4,00\d order lines, 3 chosen/);
  await shot(app, 'orders-03-grouped-by-part');

  await orders.getByLabel('Your name').fill('Pat Lee');
  await orders.getByRole('button', { name: 'Accept 3 chosen lines' }).click();
  // Accepting recomputes the 4,000 lines it checks the keys against, then the screen reads them again:
  // seconds on a loaded machine.
  await expect(orders.getByTestId('accepted')).toHaveText('3 orders recorded in the stock ledger.', { timeout: 60_000 });
  await expect(chosen).toHaveText('0 lines chosen');
  await expect(orders.getByTestId('orders-shown')).toHaveText(`${(total - 3).toLocaleString('en-US')} lines`, { timeout: 60_000 });
  // Only those three are orders in the ledger.
  const history = JSON.parse(run('stock', 'history', '04002-****', '--json')) as { movements: { kind: string; vin: string; ref: string }[] };
  expect(history.movements.map((m) => [m.kind, m.vin, m.ref]).sort()).toEqual(
    [
      ['order', LC, 'CPOR'],
      ['order', vins[10]!, 'CPOR'],
      ['order', vins[12]!, 'CPOR'],
    ].sort(),
  );

  // The LC's request is placed in Service Lane: its reference is entered in the standing list.
  const toPlace = orders.getByRole('region', { name: 'To place in Service Lane' });
  await expect(toPlace.getByRole('listitem')).toHaveCount(3);
  const lcRequest = toPlace.getByRole('form', { name: `CPOR reference for ${LC}` });
  await lcRequest.getByLabel('CPOR reference').fill('CP-4411');
  await lcRequest.getByRole('button', { name: 'Enter reference' }).click();
  await expect(toPlace.getByRole('listitem').filter({ hasText: LC })).toContainText(/on order since .+ \(CPOR CP-4411/, { timeout: 30_000 });
  await shot(app, 'orders-04-cpor-reference', true);

  // The key arrives for that VIN.
  await app.keyboard.press('F7');
  const parts = app.getByTestId('parts');
  await parts.getByRole('button', { name: /04002-\*\*\*\*/ }).click();
  const move = parts.getByRole('form', { name: 'Record a movement' });
  await move.getByLabel('Part number').fill('04002-78010');
  await move.getByLabel('VIN').fill(LC);
  await move.getByLabel('Quantity').fill('1');
  await move.getByLabel('Your name').fill('Pat Lee');
  await move.getByRole('button', { name: 'Record' }).click();
  await expect(parts.getByRole('table', { name: 'Ledger history' })).toContainText('+1 on hand, fills 1 on order', { timeout: 30_000 });
  await shot(app, 'orders-05-received');

  // The guest comes early: the appointment is moved to today (work of a later day is not completed), then done and verified.
  run('appointment', '1', 'move', '--at', `${day(0)}T23:59`);
  await app.keyboard.press('F8');
  const first = app.getByTestId('appointments').getByRole('article', { name: 'Appointment 1' });
  await first.getByText('Complete…').click();
  await first.getByLabel('Technician').selectOption('Dana Kim');
  await first.getByLabel('Verified by').selectOption('Lee Park');
  await first.getByLabel('Repair order').fill('RO-5120');
  await first.getByRole('button', { name: 'Complete' }).click();
  await expect(first.getByTestId('status')).toHaveText('Completed', { timeout: 30_000 });
  await shot(app, 'orders-06-completed');
  const after = JSON.parse(run('stock', 'history', '04002-****', '--json')) as { movements: { kind: string; vin: string }[] };
  expect(after.movements.filter((m) => m.vin === LC).map((m) => m.kind)).toEqual(['order', 'receive', 'use']);
});
