// Staff accounts in Chromium: two people signed in at once in two browser contexts; a booking made by
// one and a stock movement made by the CLI reach the other's open screen without a reload; a counter
// account sees no button to record stock, and the gate refuses the request if it is sent anyway.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, localIsoDate } from '../../shared/dates';
import { addAccount, cli } from '../support/cli';
import { expect, shot, signIn, test } from './fixtures';

const LC = 'JTHKPAAY4PA001234';
const PART = '12345-67890';
const ADMIN = { name: 'Alex Admin', password: 'admin-pass' };

test('two desks signed in as two people see each other’s writes and the CLI’s within a second; a counter account cannot record stock', async ({
  app,
  server,
  browser,
}) => {
  // Seven CLI processes and two desks: a busy machine takes its time.
  test.setTimeout(180_000);
  const db = path.join(server.dir, 'db.sqlite');
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  addAccount(db, 'Pat Parts', 'parts', 'parts-pass', ADMIN);
  addAccount(db, 'Ava Advisor', 'advisor', '123456', ADMIN);
  addAccount(db, 'Casey Counter', 'counter', 'counter-pass', ADMIN);
  // A stock part the BLC letter leaves to its cover letter, amended by the admin at the command line.
  const amend = cli(
    ['parts', 'set', 'BLC', PART, '--description', 'Carpet retainer clip', '--quantity', '1', '--released', '--not-per-vin', '--db', db, '--user', ADMIN.name],
    {
      RECALL_DESK_PASSWORD: ADMIN.password,
    },
  );
  expect(amend.stderr).toBe('');

  // The window open before the first account asks for a sign-in once reloaded.
  await app.reload();
  await expect(app.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await shot(app, '90-sign-in');
  await signIn(app, 'Pat Parts', 'parts-pass');

  // A second desk: another browser context, another person.
  const other = await browser.newContext();
  const advisor = await other.newPage();
  await advisor.goto(server.url);
  await signIn(advisor, 'Ava Advisor', '123456');

  // The parts desk watches the appointments screen; the advisor books.
  await app.keyboard.press('F8');
  const lane = app.getByTestId('appointments');
  await expect(lane).toBeVisible();
  await advisor.keyboard.press('F8');
  const booking = advisor.getByTestId('appointments').getByRole('region', { name: 'Book an appointment' });
  await booking.getByLabel('VIN to book').fill(LC);
  await booking.getByLabel('Model').fill('LC');
  await booking.getByLabel('Production month').fill('12/22');
  await booking.getByRole('button', { name: 'Look up' }).click();
  await booking.getByRole('checkbox', { name: /23LJ01/ }).check();
  await booking.getByLabel('Date and time').fill(`${addDays(localIsoDate(new Date()), 3)}T09:00`);
  await booking.getByRole('button', { name: 'Book 23LJ01' }).click();
  await expect(booking.getByTestId('booked')).toContainText('Booked: appointment 1.');
  // Pushed, not polled: on the other desk within a second, without a reload.
  await expect(lane.getByText(LC).first()).toBeVisible({ timeout: 1000 });
  await shot(app, '91-booking-seen-on-the-parts-desk');

  // The parts desk opens the part; a stock movement made at the command line shows within a second.
  await app.keyboard.press('F7');
  const parts = app.getByTestId('parts');
  await parts.getByRole('button', { name: new RegExp(PART) }).click();
  await expect(parts.getByTestId(`on-hand-${PART}`)).toHaveText('0');
  const received = cli(['stock', 'receive', PART, '2', '--db', db, '--user', 'Pat Parts'], { RECALL_DESK_PASSWORD: 'parts-pass' });
  expect(received.stderr).toBe('');
  await expect(parts.getByTestId(`on-hand-${PART}`)).toHaveText('2', { timeout: 1000 });
  await expect(parts.getByRole('form', { name: 'Record a movement' })).toBeVisible();

  // The record says who: the movement is Pat's, whatever the request could have named.
  const audit = cli(['audit', '--json', '--db', db, '--user', ADMIN.name], { RECALL_DESK_PASSWORD: ADMIN.password });
  const entries = (JSON.parse(audit.stdout) as { entries: { user: string; operation: string }[] }).entries;
  expect(entries.find((e) => e.operation === 'bookAppointment')?.user).toBe('Ava Advisor');
  expect(entries.find((e) => e.operation === 'recordMovement')?.user).toBe('Pat Parts');

  // Another person takes the advisor's desk with Alt+U: the screen stays as it was.
  await advisor.keyboard.press('Alt+u');
  const over = advisor.getByRole('form', { name: 'Sign in' });
  await expect(over.getByText('Switch person')).toBeVisible();
  await over.getByLabel('Name').fill('Casey Counter');
  await over.getByLabel('Password').fill('counter-pass');
  await over.getByRole('button', { name: 'Sign in' }).click();
  await expect(advisor.getByTestId('user-bar')).toContainText('Casey Counter');
  await expect(advisor.getByTestId('appointments')).toBeVisible();

  // A counter account sees the part but no way to record stock ...
  await advisor.keyboard.press('F7');
  const counterParts = advisor.getByTestId('parts');
  await counterParts.getByRole('button', { name: new RegExp(PART) }).click();
  await expect(counterParts.getByTestId(`on-hand-${PART}`)).toHaveText('2');
  await expect(counterParts.getByRole('form', { name: 'Record a movement' })).toHaveCount(0);
  await expect(counterParts.getByRole('button', { name: 'Record' })).toHaveCount(0);
  await shot(advisor, '92-counter-sees-no-record-button');
  // ... and the gate refuses the request sent by hand with the counter person's session.
  const refused = await advisor.evaluate(async (part) => {
    const token = sessionStorage.getItem('recall-desk-token')!;
    const session = sessionStorage.getItem('recall-desk-session')!;
    const res = await fetch('/api/recordMovement', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recall-desk-token': token, 'x-recall-desk-session': session },
      body: JSON.stringify({ kind: 'receive', part, quantity: 5, by: 'Pat Parts' }),
    });
    return res.json();
  }, PART);
  expect(refused).toEqual({
    ok: false,
    error: { code: 'forbidden', message: 'Casey Counter (counter) may not record stock movements: a parts, manager or admin account may.', details: [] },
  });
  await expect(parts.getByTestId(`on-hand-${PART}`)).toHaveText('2');
  await other.close();

  // The admin at the first desk: the accounts, and who did what.
  await app.getByTestId('user-bar').getByRole('button', { name: 'Sign out' }).click();
  await signIn(app, ADMIN.name, ADMIN.password);
  const tabs = app.getByRole('navigation', { name: 'Screens' });
  await tabs.getByRole('button', { name: 'Accounts' }).click();
  await expect(app.getByTestId('accounts-table').getByRole('row')).toHaveCount(5);
  await shot(app, '93-accounts', true);
  await tabs.getByRole('button', { name: 'Audit trail' }).click();
  const trail = app.getByTestId('audit-table');
  await expect(trail.getByRole('row', { name: /Ava Advisor.*book appointments/ })).toBeVisible();
  await expect(trail.getByRole('row', { name: /Pat Parts.*record stock movements/ })).toBeVisible();
  await shot(app, '94-audit-trail', true);
});
