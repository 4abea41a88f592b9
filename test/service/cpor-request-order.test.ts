// The order the parts person works the CPOR requests in, and what a part's history says of each one:
// to place first, each oldest first by when it was accepted (not by when it was written: a desk whose
// clock is behind writes later what was accepted earlier), one accepted at the same moment by the order
// it was recorded in; then those on order. The part's history gives each order its request's state.
// And a request's number is checked against its own part's list number only, whatever the letters' case.
import { expect, test } from 'vitest';
import type { App } from '../../main/app';
import { book23LJ01, call, LC, LC2, LC3 } from '../support/lane';
import { testApp } from '../support/tempdb';

async function list(app: App, rows: string[], campaign = '23LJ01') {
  const content = ['VIN,Phase,Part Number,Status', ...rows].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign, fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

test('to place first, oldest accepted first, ties by the order recorded; then on order; the history says the same', async () => {
  let now = new Date('2026-11-23T11:00:00Z');
  const app = await testApp({ now: () => now });
  await list(app, [`${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`, `${LC3},1,04002-78030,Open`]);
  await book23LJ01(app, [
    [LC, '2026-11-25T09:00'],
    [LC2, '2026-11-25T10:00'],
    [LC3, '2026-11-25T11:00'],
  ]);
  // LC is recorded first, at 11:00; LC2 and then LC3 after it, both stamped 09:30.
  const [lc] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [LC] })).recorded;
  now = new Date('2026-11-23T09:30:00Z');
  const [lc2] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Sam', vins: [LC2] })).recorded;
  const [lc3] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Sam', vins: [LC3] })).recorded;
  expect(lc!.id < lc2!.id && lc2!.id < lc3!.id).toBe(true);

  now = new Date('2026-11-24T08:00:00Z');
  const order = async () => (await call(app, 'cporRequests', {})).requests.map((r) => [r.vin, r.state]);
  expect(await order()).toEqual([
    [LC2, 'to-place'],
    [LC3, 'to-place'],
    [LC, 'to-place'],
  ]);

  // Placed, LC2 goes after every request still to place, however old it is.
  await call(app, 'setCporReference', { id: lc2!.id, reference: 'CP-2', by: 'Pat' });
  expect(await order()).toEqual([
    [LC3, 'to-place'],
    [LC, 'to-place'],
    [LC2, 'on-order'],
  ]);
  await call(app, 'setCporReference', { id: lc!.id, reference: 'CP-1', by: 'Pat' });
  expect(await order()).toEqual([
    [LC3, 'to-place'],
    [LC2, 'on-order'],
    [LC, 'on-order'],
  ]);

  const history = await call(app, 'stockHistory', { part: '04002-****' });
  expect(history.requests).toEqual({ toPlace: 1, onOrder: 2 });
  const stateOf = (id: number) => history.movements.find((m) => m.id === id)?.cpor;
  expect(stateOf(lc!.id)).toMatchObject({ state: 'on-order', reference: 'CP-1', partNumber: '04002-78010' });
  expect(stateOf(lc2!.id)).toMatchObject({ state: 'on-order', reference: 'CP-2', partNumber: '04002-78020' });
  expect(stateOf(lc3!.id)).toMatchObject({ state: 'to-place', reference: null, partNumber: '04002-78030' });
  // One vehicle's own number: its order alone.
  const one = await call(app, 'stockHistory', { part: '04002-78030' });
  expect(one.requests).toEqual({ toPlace: 1, onOrder: 0 });
  expect(one.movements.map((m) => [m.vin, m.cpor?.state])).toEqual([[LC3, 'to-place']]);
});

test("a request's number is compared with its own part's list number, in any case of letters", async () => {
  const app = await testApp();
  await list(app, [`${LC},1,04002-A1B2C,Open`]);
  await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
  await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });
  const mine = async () => (await call(app, 'vehicleCpor', { vin: LC })).parts[0]!;
  expect(await mine()).toMatchObject({ partNumber: '04002-A1B2C', listedNow: null });
  // Another campaign's list that gives the same VIN a number of another part says nothing of this request.
  await list(app, [`${LC},,12345-67890,Open`], 'BLC');
  expect((await mine()).listedNow).toBeNull();
});
