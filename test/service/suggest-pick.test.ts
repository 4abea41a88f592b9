// Picking order suggestion lines (issue 16): every line has a stable key and says what it is for (a
// booked vehicle and when, a vehicle in stock, the shelf); accepting takes the chosen keys and records
// exactly those lines, in one transaction; a chosen line no longer suggested is named and nothing is
// recorded. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import type { SuggestionLine } from '../../shared/parts/contract';
import { call, importVehicles, LC, LC2, LC3, refusal } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const RX05 = 'JTJHA31U950123456';
const LC4 = makeVin('JTH', 'KPAAY', 2023, 'A001237');

async function list(app: App) {
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`, `${LC3},1,,Open`, `${LC4},1,04002-78040,Open`].join(
    '\r\n',
  );
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

/** Two booked LCs, two in stock, a BLC stock part booked on an RX; ALE has no part (a line with no order). */
async function counter(app: App) {
  await list(app);
  await importVehicles(app, ['Stock #,VIN,Year,New/Used', `S3,${LC3},2023,U`, `S4,${LC4},2023,U`].join('\r\n'), 'add');
  await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
  await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
  await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
  await call(app, 'bookAppointment', { vin: LC2, campaigns: ['23LJ01'], at: '2026-11-27T10:30' });
}

const orderLines = async (app: App) => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.quantity > 0);
const movements = (app: App) => app.db.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get() as number;
const keyOf = (lines: SuggestionLine[], vin: string | null, campaign = '23LJ01') => lines.find((l) => l.vin === vin && l.campaign === campaign)!.key;

describe('each suggestion line', () => {
  test('has a key of its own that stays the same from one call to the next, and says what it is for', async () => {
    const app = await testApp();
    await counter(app);
    const first = (await call(app, 'suggestOrders', {})).lines;
    const again = (await call(app, 'suggestOrders', {})).lines;
    expect(new Set(first.map((l) => l.key)).size).toBe(first.length);
    expect(again.map((l) => l.key)).toEqual(first.map((l) => l.key));
    expect(first.filter((l) => l.quantity > 0).map((l) => [l.key, l.part, l.source, l.bookedAt])).toEqual([
      [`23LJ01|04002-78010|${LC}`, '04002-****', 'booked', '2026-11-25T09:00'],
      [`23LJ01|04002-78020|${LC2}`, '04002-****', 'booked', '2026-11-27T10:30'],
      [`23LJ01|04002-****|${LC3}`, '04002-****', 'in-stock', null],
      [`23LJ01|04002-78040|${LC4}`, '04002-****', 'in-stock', null],
      ['BLC|12345-67890|', '12345-67890', 'shelf', null],
    ]);
    const ale = first.find((l) => l.campaign === 'ALE')!;
    expect([ale.method, ale.key, ale.source]).toEqual(['none', 'ALE||', null]);
  });
});

describe('accepting the chosen lines', () => {
  test('records exactly the lines chosen by key, and the others stay suggested', async () => {
    const app = await testApp();
    await counter(app);
    const lines = await orderLines(app);
    const chosen = [keyOf(lines, LC2), keyOf(lines, LC4), keyOf(lines, null, 'BLC')];
    const r = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: chosen });
    expect(r.recorded.map((m) => [m.partNumber, m.vin, m.quantity, m.ref])).toEqual([
      ['04002-78020', LC2, 1, 'CPOR'],
      ['04002-78040', LC4, 1, 'CPOR'],
      ['12345-67890', null, 1, 'suggested order'],
    ]);
    expect((await orderLines(app)).map((l) => l.vin)).toEqual([LC, LC3]);
  });

  test('a chosen line no longer suggested is named, and nothing is recorded', async () => {
    const app = await testApp();
    await counter(app);
    const lines = await orderLines(app);
    await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: [keyOf(lines, LC2)] });
    const before = movements(app);
    const e = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: [keyOf(lines, LC), keyOf(lines, LC2), keyOf(lines, LC3)] });
    expect([e.code, e.message]).toEqual([
      'conflict',
      `1 chosen line is no longer suggested: 23LJ01 04002-78020 for ${LC2}. Nothing was recorded: look at the suggestions again and choose again.`,
    ]);
    expect(movements(app)).toBe(before);
    expect((await orderLines(app)).map((l) => l.vin)).toEqual([LC, LC3, LC4, null]);
  });

  test('a line that orders nothing, no line at all, and keys beside another choice are refused plainly', async () => {
    const app = await testApp();
    await counter(app);
    const lines = await orderLines(app);
    const none = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: ['ALE||', keyOf(lines, LC)] });
    expect([none.code, none.message]).toEqual(['invalid-input', 'ALE orders nothing (no order): choose only stock and CPOR lines.']);
    const empty = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: [] });
    expect(empty.message).toMatch(/choose at least one line/);
    const both = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: [keyOf(lines, LC)], campaign: '23LJ01' });
    expect(both.message).toMatch(/choose lines by key, or by campaign, VINs or booked only, not both/);
    expect(movements(app)).toBe(0);
  });
});
