// The standing "To place in Service Lane" list in Chromium (issue 16: an accepted CPOR line is a request
// the parts person places in Service Lane, "to place" until its CPOR reference is entered): a line is
// accepted, the person leaves the screen and comes back, the request is still listed with who accepted
// it and since when; its reference is entered there, one line, and the line reads "on order since";
// the part and the vehicle's card say the same.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, dateTimeText, localIsoDate } from '../../shared/dates';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { expect, shot, test } from './fixtures';

const LC = 'JTHKPAAY4PA001234';
const LC2 = makeVin('JTH', 'KPAAY', 2023, 'A001235');
const day = (n: number) => addDays(localIsoDate(new Date()), n);

test('accept a CPOR line, leave, come back, enter its reference from the standing list: on order', async ({ app, server }) => {
  test.setTimeout(180_000);
  const db = path.join(server.dir, 'db.sqlite');
  const run = (...args: string[]) => {
    const r = cli([...args, '--db', db]);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const listFile = path.join(server.dir, 'list.csv');
  fs.writeFileSync(listFile, ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`].join('\r\n'));
  run('import-vins', '23LJ01', listFile);
  run('book', LC, '--campaign', '23LJ01', '--at', `${day(3)}T09:00`);
  run('book', LC2, '--campaign', '23LJ01', '--at', `${day(4)}T10:00`);

  // Nothing accepted yet: nothing to place.
  await app.keyboard.press('F9');
  const orders = app.getByTestId('orders');
  const standing = orders.getByRole('region', { name: 'To place in Service Lane' });
  await expect(standing).toContainText('No CPOR request to place', { timeout: 60_000 });

  // Two lines accepted, one at a time (two people).
  await orders.getByLabel('Your name').fill('Pat Lee');
  await orders.getByRole('checkbox', { name: `Choose 23LJ01 04002-78010 for ${LC}` }).check();
  await orders.getByRole('button', { name: 'Accept 1 chosen line' }).click();
  await expect(orders.getByTestId('accepted')).toHaveText('1 order recorded in the stock ledger.', { timeout: 30_000 });
  await orders.getByLabel('Your name').fill('Sam Ito');
  await orders.getByRole('checkbox', { name: `Choose 23LJ01 04002-78020 for ${LC2}` }).check();
  await orders.getByRole('button', { name: 'Accept 1 chosen line' }).click();
  await expect(standing.getByTestId('standing-count')).toHaveText('2 requests to place', { timeout: 30_000 });

  // Away to the parts screen and back: the requests are still there, each with who and since when.
  await app.keyboard.press('F7');
  await expect(app.getByTestId('parts')).toBeVisible();
  await app.keyboard.press('F9');
  await expect(orders.getByTestId('accepted')).toHaveCount(0);
  const requests = standing.getByRole('listitem');
  await expect(requests).toHaveCount(2);
  const history = JSON.parse(run('stock', 'history', '04002-****', '--json')) as { movements: { id: number; vin: string; madeAt: string }[] };
  const lcOrder = history.movements.find((m) => m.vin === LC)!;
  const lc = requests.filter({ hasText: LC });
  await expect(lc).toContainText(`key 04002-78010 for ${LC} 23LJ01 (order #${lcOrder.id})`);
  await expect(lc).toContainText(`to place since ${dateTimeText(lcOrder.madeAt)}, accepted by Pat Lee`);
  await expect(requests.filter({ hasText: LC2 })).toContainText('accepted by Sam Ito');
  await shot(app, 'cpor-standing-01-to-place', true);

  // Placed in Service Lane: the LC's reference entered from the list (by the name in "Your name").
  const form = lc.getByRole('form', { name: `CPOR reference for ${LC}` });
  await form.getByLabel('CPOR reference').fill('CP-5150');
  await form.getByRole('button', { name: 'Enter reference' }).click();
  await expect(lc).toContainText(/on order since \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(CPOR CP-5150, entered by Sam Ito\)/, { timeout: 30_000 });
  await expect(lc.getByRole('form')).toHaveCount(0);
  await expect(standing.getByTestId('standing-count')).toHaveText('1 request to place, 1 on order');
  // The one still to place comes first; the one on order after it.
  await expect(requests.first()).toContainText(LC2);
  await shot(app, 'cpor-standing-02-on-order', true);

  // The part says the same.
  const today = localIsoDate(new Date());
  await app.keyboard.press('F7');
  const parts = app.getByTestId('parts');
  await parts.getByRole('button', { name: /04002-\*\*\*\*/ }).click();
  await expect(parts.getByTestId(`cpor-${LC}`)).toHaveText(`Key 04002-78010 on order since ${today} (CPOR CP-5150)`, { timeout: 30_000 });
  await expect(parts.getByTestId(`cpor-${LC2}`)).toHaveText(`Key 04002-78020 to place in CPOR since ${today} (no CPOR reference yet)`);
  await parts.getByTestId(`cpor-${LC}`).scrollIntoViewIfNeeded();
  await shot(app, 'cpor-standing-03-part');

  // And the vehicle's card.
  await app.keyboard.press('F2');
  await app.getByLabel('Scan or type a VIN').fill(LC);
  await app.keyboard.press('Enter');
  const card = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await expect(card.getByTestId('cpor-state')).toHaveText(`Key 04002-78010 on order since ${today} (CPOR CP-5150)`, { timeout: 30_000 });
  // The list's number for this VIN, not the bulletin's pattern.
  await expect(card.getByTestId('listed-part')).toHaveText(`04002-78010 for this VIN (the affected-VIN list of ${today})`);
  // Its next steps no longer ask the parts counter to order the key: the CPOR line above says where it stands.
  const steps = card.getByTestId('next-steps');
  await expect(steps).toContainText('Book 45 minutes');
  await expect(steps).not.toContainText('through CPOR');
  await expect(steps).toContainText('The key is requested: see CPOR above.');
  await card.getByTestId('cpor-state').scrollIntoViewIfNeeded();
  await shot(app, 'cpor-standing-04-card');

  // A newer list gives LC2 another number while its request is still to place: the card and the
  // standing list say so, and what to do; the request itself stands as it was recorded.
  fs.writeFileSync(listFile, ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78099,Open`].join('\r\n'));
  run('import-vins', '23LJ01', listFile);
  await app.getByLabel('Scan or type a VIN').fill(LC2);
  await app.keyboard.press('Enter');
  const card2 = app.getByRole('article', { name: '23LJ01 Second Key Delivery Program' });
  await expect(card2.getByTestId('cpor-state')).toHaveText(
    `Key 04002-78020 to place in CPOR since ${today} (no CPOR reference yet); the affected-VIN list of ${today} gives 04002-78099 for this VIN: reverse this request and accept its line again`,
    { timeout: 30_000 },
  );
  await card2.getByTestId('cpor-state').scrollIntoViewIfNeeded();
  await shot(app, 'cpor-standing-05-newer-list');
  await app.keyboard.press('F9');
  await expect(requests.filter({ hasText: LC2 })).toContainText('gives 04002-78099 for this VIN: reverse this request', { timeout: 30_000 });

  // What changed names the request the newer list numbered otherwise, with what to do.
  await app.getByRole('button', { name: 'What changed' }).first().click();
  const change = app.getByTestId('change').first();
  await expect(change).toContainText('1 CPOR request the list numbers otherwise', { timeout: 30_000 });
  const renumbered = change.getByTestId('impact-renumbered');
  await expect(renumbered).toContainText(LC2);
  await expect(renumbered).toContainText('requested as 04002-78020, the list gives 04002-78099: reverse the request and accept its line again');
  await renumbered.scrollIntoViewIfNeeded();
  await shot(app, 'cpor-standing-06-what-changed');
});
