// The follow-up screen and `recall-desk followup` agree on their counts: the screen's "Not yet remedied
// (last serviced here)" table is every open campaign (`followup`, no filter), and its "N of M open
// campaigns shown" line is the rows its filters show (`followup --not-booked`, the screen's default).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { seedFollowUpLane } from '../support/followup-lane';
import { expect, shot, test } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs');

type List = { rows: { code: string }[]; perCampaign: { code: string; notYetRemedied: number }[] };

test('the follow-up screen counts as followup does, every campaign and the rows shown', async ({ app, server }) => {
  test.setTimeout(120_000);
  const db = path.join(server.dir, 'db.sqlite');
  const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args, '--db', db], { encoding: 'utf8' });
  seedFollowUpLane(server.dir, (...args) => cli(...args));
  const every = JSON.parse(cli('followup', '--json')) as List;
  const notBooked = JSON.parse(cli('followup', '--not-booked', '--json')) as List;
  const only23 = JSON.parse(cli('followup', '--campaign', '23LJ01', '--not-booked', '--json')) as List;

  await app.keyboard.press('F6');
  const list = app.getByTestId('followup');
  await expect(list.getByTestId('followup-row').first()).toBeVisible();
  const table = list.getByRole('table', { name: 'Not yet remedied per campaign' });
  await expect(table.locator('tbody tr')).toHaveCount(every.perCampaign.length);
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(cells.map(([c, n]) => [c!.split(' ')[0], Number(n)])).toEqual(every.perCampaign.map((c) => [c.code, c.notYetRemedied]));
  await expect(list.getByTestId('followup-shown')).toContainText(`${notBooked.rows.length} of ${every.rows.length} open campaigns shown`);
  await shot(app, 'followup-counts-not-booked');

  await list.getByLabel('Campaign filter').selectOption('23LJ01');
  await expect(list.getByTestId('followup-shown')).toContainText(`${only23.rows.length} of ${every.rows.length} open campaigns shown`);
  await shot(app, 'followup-counts-23LJ01');
});
