// A CPOR request keeps the part number it was accepted with; when a newer affected-VIN list gives the
// VIN another number (or a number where the request had only the pattern), the request says so where the
// parts person reads it: the vehicle's card, the part, the requests to place and the hold report. The
// ledger is the dealership's record, so the request is not rewritten: it is reversed and accepted again.
import { expect, test } from 'vitest';
import type { App } from '../../main/app';
import { formatImpact } from '../../main/changes/format';
import { formatRequests } from '../../main/parts/format';
import { impactSummary } from '../../shared/changes/wording';
import { cporSentence } from '../../shared/parts/wording';
import { book23LJ01, call, LC, LC2, LC3 } from '../support/lane';
import { testApp } from '../support/tempdb';

async function list(app: App, listDate: string, rows: string[]) {
  const content = ['VIN,Phase,Part Number,Status', ...rows].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: `tis-${listDate}.csv`, content, listDate, complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

test("a request to place, whose VIN a newer list numbers otherwise, names the list's number and what to do", async () => {
  const app = await testApp();
  await list(app, '2026-11-20', [`${LC},1,04002-78010,Open`, `${LC2},1,,Open`]);
  await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
  await call(app, 'bookAppointment', { vin: LC2, campaigns: ['23LJ01'], at: '2026-11-25T10:00' });
  await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });

  const before = (await call(app, 'vehicleCpor', { vin: LC })).parts[0]!;
  expect(before).toMatchObject({ state: 'to-place', partNumber: '04002-78010', listedNow: null });

  // Before the newer list is applied, its impact names the two requests it numbers otherwise.
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-99999,Open`, `${LC2},1,04002-55555,Open`].join('\r\n');
  const preview = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis-new.csv', content, listDate: '2026-12-01', complete: false });
  const impact = await call(app, 'importImpact', { importId: preview.importId! });
  expect(impact.cporRenumbered.map((r) => [r.vin, r.campaign, r.partNumber, r.listed, r.state])).toEqual([
    [LC, '23LJ01', '04002-78010', '04002-99999', 'to-place'],
    [LC2, '23LJ01', '04002-****', '04002-55555', 'to-place'],
  ]);
  expect(impactSummary(impact)).toContain('2 CPOR requests the list numbers otherwise');
  expect(formatImpact(impact).join('\n')).toContain(
    `23LJ01  ${LC}  2023 model not known  requested as 04002-78010, the list gives 04002-99999: reverse the request and accept its line again`,
  );
  await app.jobs.wait((await call(app, 'commitImport', { importId: preview.importId! })).jobId);
  // Applied again, the same list changes no number: nothing to name.
  const same = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis-new.csv', content, listDate: '2026-12-01', complete: false });
  expect((await call(app, 'importImpact', { importId: same.importId! })).cporRenumbered).toEqual([]);

  const mine = (await call(app, 'vehicleCpor', { vin: LC })).parts[0]!;
  expect(mine).toMatchObject({ state: 'to-place', partNumber: '04002-78010', listedNow: { partNumber: '04002-99999', date: '2026-12-01' } });
  expect(cporSentence(mine, 'key')).toMatch(
    /^Key 04002-78010 to place in CPOR since .*; the affected-VIN list of 2026-12-01 gives 04002-99999 for this VIN: reverse this request and accept its line again\.?$/,
  );
  // A request made with the pattern alone gets the number the newer list gives.
  const other = (await call(app, 'vehicleCpor', { vin: LC2 })).parts[0]!;
  expect(other).toMatchObject({ partNumber: '04002-****', listedNow: { partNumber: '04002-55555', date: '2026-12-01' } });

  const requests = await call(app, 'cporRequests', { state: 'to-place' });
  expect(requests.requests.map((r) => [r.vin, r.listedNow?.partNumber ?? null])).toEqual([
    [LC, '04002-99999'],
    [LC2, '04002-55555'],
  ]);
  expect(formatRequests(requests)).toContain('the affected-VIN list of 2026-12-01 gives 04002-99999 for this VIN');

  // Once it is placed, the order stands: check it in Service Lane.
  await call(app, 'setCporReference', { id: requests.requests[1]!.id, reference: 'CP-1', by: 'Pat' });
  const placed = (await call(app, 'vehicleCpor', { vin: LC2 })).parts[0]!;
  expect(cporSentence(placed, 'key')).toContain('gives 04002-55555 for this VIN: check the order in Service Lane');

  // What it says to do works: reversed, the line comes back with the list's number, and accepted it agrees.
  await call(app, 'reverseMovement', { id: requests.requests[0]!.id, reason: 'newer list', by: 'Pat' });
  const again = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
  expect(again.map((l) => [l.vin, l.partNumber])).toEqual([[LC, '04002-99999']]);
  await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [LC] });
  expect((await call(app, 'vehicleCpor', { vin: LC })).parts[0]).toMatchObject({ state: 'to-place', partNumber: '04002-99999', listedNow: null });
});

test('a list that gives the same number, or none, changes nothing', async () => {
  const app = await testApp();
  await list(app, '2026-11-20', [`${LC},1,04002-78010,Open`]);
  await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
  await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });
  await list(app, '2026-12-01', [`${LC},1,04002-78010,Open`, `${LC2},1,,Open`]);
  const mine = (await call(app, 'vehicleCpor', { vin: LC })).parts[0]!;
  expect(mine.listedNow).toBeNull();
  expect(cporSentence(mine, 'key')).not.toContain('affected-VIN list');
});

test("an import's impact gives each request's state, and leaves out a key already received", async () => {
  const app = await testApp();
  await list(app, '2026-11-20', [`${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`, `${LC3},1,04002-78030,Open`]);
  await book23LJ01(app, [
    [LC, '2026-11-25T09:00'],
    [LC2, '2026-11-25T10:00'],
    [LC3, '2026-11-25T11:00'],
  ]);
  const accepted = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded;
  await call(app, 'setCporReference', { id: accepted.find((m) => m.vin === LC2)!.id, reference: 'CP-2', by: 'Pat' });
  await call(app, 'recordMovement', { kind: 'receive', part: '04002-78030', quantity: 1, vin: LC3, by: 'Pat' });

  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-91111,Open`, `${LC2},1,04002-92222,Open`, `${LC3},1,04002-93333,Open`].join('\r\n');
  const preview = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis-new.csv', content, listDate: '2026-12-01', complete: false });
  const impact = await call(app, 'importImpact', { importId: preview.importId! });
  expect(impact.cporRenumbered.map((r) => [r.vin, r.partNumber, r.listed, r.state])).toEqual([
    [LC, '04002-78010', '04002-91111', 'to-place'],
    [LC2, '04002-78020', '04002-92222', 'on-order'],
  ]);
  expect(formatImpact(impact).join('\n')).toContain('requested as 04002-78020, the list gives 04002-92222: check the order in Service Lane');

  // The part's history counts the requests still open, not the key received.
  expect((await call(app, 'stockHistory', { part: '04002-****' })).requests).toEqual({ toPlace: 1, onOrder: 1 });
});
