// Issue 16 in Chromium: a part's ledger of thousands of movements opens at once and reaches its oldest
// movement; booking shows the free slots of the day and a click fills the time; the vehicle's campaign
// card says where its key stands in CPOR (to place, then received).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { addDays, localIsoDate } from '../../shared/dates';
import { expect, shot, test } from './fixtures';

const LC = 'JTHKPAAY4PA001234';
const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const MOVEMENTS = 2500;

test("a part's ledger of 2,500 movements: the first rows at once, newest first, the oldest reached by scrolling", async ({ app, server }) => {
  await app.keyboard.press('F7');
  const parts = app.getByTestId('parts');
  await parts.getByText('Record what the bulletin has not said (amendment)…').click();
  const amend = parts.getByRole('form', { name: 'Amend a part' });
  await amend.getByLabel('Campaign').selectOption('BLC');
  await amend.getByLabel('Part number').fill('12345-67890');
  await amend.getByLabel('Description').fill('Carpet retainer clip');
  await amend.getByLabel('Quantity per vehicle').fill('1');
  await amend.getByLabel('Released').selectOption('yes');
  await amend.getByLabel('Per VIN').selectOption('no');
  await amend.getByLabel('Your name').fill('Pat Lee');
  await amend.getByRole('button', { name: 'Record amendment' }).click();
  await expect(parts.getByRole('button', { name: /12345-67890/ })).toBeVisible();

  // Years of a busy clip, as the ledger writes its rows: a receipt of 2 (INV-n), then a repair using 1.
  const db = new Database(path.join(server.dir, 'db.sqlite'));
  db.pragma('busy_timeout = 10000');
  const insert = db.prepare(
    "INSERT INTO stock_movements (part, part_number, kind, quantity, ref, made_by, made_at) VALUES ('12345-67890', '12345-67890', ?, ?, ?, 'Pat Lee', ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < MOVEMENTS; i++)
      insert.run(i % 2 ? 'use' : 'receive', i % 2 ? 1 : 2, i % 2 ? `RO-${i}` : `INV-${i + 1}`, new Date(Date.UTC(2022, 0, 3, 8) + i * 3_600_000).toISOString());
  })();
  db.close();

  await parts.getByRole('button', { name: /12345-67890/ }).click();
  await expect(parts.getByTestId('ledger-count')).toHaveText('2,500 movements, newest first · on hand 1,250, on order 0');
  const ledger = parts.getByRole('table', { name: 'Ledger history' });
  const rows = parts.getByTestId('ledger-row');
  await expect(rows.first()).toContainText('2500');
  await expect(rows.first()).toContainText('-1 on hand (used in a repair)');
  // Only the rows in view are drawn; the scrollbar spans all 2,500.
  expect(await rows.count()).toBeLessThan(60);
  await expect(ledger).toHaveAttribute('aria-rowcount', String(MOVEMENTS + 1));
  await parts.getByTestId('ledger-row').first().scrollIntoViewIfNeeded();
  await shot(app, 'l1-ledger-2500-newest-first');

  await parts.getByTestId('ledger-rows').evaluate((box) => {
    box.scrollTop = box.scrollHeight;
  });
  const oldest = parts.locator(`[data-testid="ledger-row"][aria-rowindex="${MOVEMENTS + 1}"]`);
  await expect(oldest).toContainText('INV-1');
  await expect(oldest).toContainText('+2 on hand');
  await expect(oldest).toContainText('Received');
  await shot(app, 'l2-ledger-oldest-reached');
});

test('booking: the free slots of the day fill the time; the card says where the key stands in CPOR', async ({ app, server }) => {
  const day = addDays(localIsoDate(new Date()), 3);
  execFileSync(process.execPath, [CLI, 'settings', 'hours', '08:00-12:00', '--db', path.join(server.dir, 'db.sqlite')], { stdio: 'ignore' });
  await app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Technicians' }).click();
  const techs = app.getByTestId('technicians');
  for (const name of ['Dana Kim', 'Lee Park']) {
    await techs.getByLabel('Technician name').fill(name);
    await techs.getByRole('checkbox', { name: /Safety Recall and Service Campaign Essentials/ }).check();
    await techs.getByRole('button', { name: 'Add / add courses' }).click();
    await expect(techs.getByRole('status')).toContainText(name);
  }

  await app.keyboard.press('F8');
  const booking = app.getByTestId('appointments').getByRole('region', { name: 'Book an appointment' });
  await booking.getByLabel('VIN to book').fill(LC);
  await booking.getByLabel('Model').fill('LC');
  await booking.getByLabel('Production month').fill('12/22');
  await booking.getByRole('button', { name: 'Look up' }).click();
  await expect(booking.getByRole('checkbox', { name: /23LJ01/ })).toBeChecked();
  await booking.getByLabel('Day').fill(day);
  const slots = booking.getByRole('region', { name: 'Free slots' });
  await expect(slots.getByTestId('slots-hours')).toHaveText('2 technicians: 8 h of work, 0 h booked, 8 h free · each slot for 0.4 h of work');
  await expect(slots.getByRole('button')).toHaveText([
    '08:00 2 free',
    '08:30 2 free',
    '09:00 2 free',
    '09:30 2 free',
    '10:00 2 free',
    '10:30 2 free',
    '11:00 2 free',
    '11:30 2 free',
  ]);
  await slots.getByRole('button', { name: /^09:00/ }).click();
  await expect(booking.getByLabel('Date and time')).toHaveValue(`${day}T09:00`);
  await expect(slots.getByRole('button', { name: /^09:00/ })).toHaveAttribute('aria-pressed', 'true');
  await shot(app, 'l3-free-slots-picked');
  await booking.getByRole('button', { name: 'Book 23LJ01' }).click();
  await expect(booking.getByTestId('booked')).toContainText('Booked: appointment 1.');
  // The booked 0.4 h holds one technician at 09:00.
  await expect(slots.getByRole('button', { name: /^09:00/ })).toHaveText('09:00 1 free');
  await expect(slots.getByTestId('slots-hours')).toContainText('0.4 h booked');
  await shot(app, 'l4-free-slots-after-booking');

  // The suggestion accepted: a CPOR request to place; the vehicle's card says so.
  await app.keyboard.press('F9');
  const orders = app.getByTestId('orders');
  await orders.getByLabel('Your name').fill('Pat Lee');
  await orders.getByRole('checkbox', { name: `Choose 23LJ01 04002-**** for ${LC}` }).check();
  await orders.getByRole('button', { name: 'Accept 1 chosen line' }).click();
  await expect(orders.getByTestId('accepted')).toHaveText('1 order recorded in the stock ledger.');
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(LC);
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await card.getByLabel('Model').selectOption('LC');
  await card.getByLabel('Production month').fill('12/22');
  await card.getByRole('button', { name: 'Apply' }).click();
  const today = localIsoDate(new Date());
  await expect(card.getByTestId('cpor-state')).toHaveText(`Key 04002-**** to place in CPOR since ${today} (no CPOR reference yet)`);
  await card.getByTestId('cpor-state').scrollIntoViewIfNeeded();
  await shot(app, 'l5-card-key-to-place');

  // The key arrives for that VIN: the part and the card say received.
  await app.keyboard.press('F7');
  const parts = app.getByTestId('parts');
  await parts.getByRole('button', { name: /04002-\*\*\*\*/ }).click();
  const move = parts.getByRole('form', { name: 'Record a movement' });
  await move.getByLabel('Part number').fill('04002-12345');
  await move.getByLabel('VIN').fill(LC);
  await move.getByRole('button', { name: 'Record' }).click();
  await expect(parts.getByTestId(`cpor-${LC}`)).toHaveText(`Key 04002-12345 received ${today}`);
  await app.keyboard.press('F2');
  await expect(card.getByTestId('cpor-state')).toHaveText(`Key 04002-12345 received ${today}`);
  await shot(app, 'l6-card-key-received');
});
