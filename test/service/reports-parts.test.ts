// The lists first rows first (issue 17): the screen reads the first rows of a report, then the rest; each
// text (a campaign's title, a hold's reason, its source) travels once, and the parts put together are
// the report the CLI's --json prints. Real SQLite files, the real dispatch.
import { expect, test } from 'vitest';
import { decodeFollowUp, decodeHolds } from '../../shared/reports/parts';
import { call, importVehicles } from '../support/lane';
import { serviceCsv, stockCsv } from '../support/synthetic';
import { testApp } from '../support/tempdb';

test('the hold report in two parts is the whole report; each text is sent once', async () => {
  const app = await testApp();
  await importVehicles(app, stockCsv(120), 'add');
  const whole = await call(app, 'holdReport', {});
  const first = await call(app, 'holdReportPart', { from: 0, count: 50 });
  expect(first.holds).toHaveLength(50);
  expect(first.total).toBe(whole.holds.length);
  expect([first.vehiclesInStock, first.vehiclesHeld, first.generatedAt]).toEqual([whole.vehiclesInStock, whole.vehiclesHeld, whole.generatedAt]);
  expect(new Set(first.texts).size).toBe(first.texts.length);
  // Three campaigns: a title, a reason and a source each (some shared), never one per row.
  expect(first.texts.length).toBeLessThanOrEqual(9);
  const rest = await call(app, 'holdReportPart', { from: 50, count: 1_000_000 });
  expect(rest.from).toBe(50);
  expect([...decodeHolds(first), ...decodeHolds(rest)]).toEqual(whole.holds);
  const bytes = (x: unknown) => JSON.stringify(x).length;
  expect(bytes(first) + bytes(rest)).toBeLessThan(bytes(whole) * 0.7);
});

test('the follow-up list in parts, with its filter, is the whole list', async () => {
  const app = await testApp();
  await importVehicles(app, serviceCsv(60), 'none');
  const whole = await call(app, 'followUpList', { booked: 'all' });
  const a = await call(app, 'followUpPart', { from: 0, count: 10 });
  const b = await call(app, 'followUpPart', { from: 10, count: 1_000_000 });
  expect(a.total).toBe(whole.rows.length);
  expect([...decodeFollowUp(a), ...decodeFollowUp(b)]).toEqual(whole.rows);
  const ale = await call(app, 'followUpPart', { campaign: 'ALE', from: 0, count: 1_000_000 });
  expect(decodeFollowUp(ale).every((r) => r.code === 'ALE')).toBe(true);
});
