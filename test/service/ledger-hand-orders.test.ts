// Orders typed by hand at the parts counter (stock order), against the manufacturer's rules: MAC code D
// parts are never ordered freely (refer to the MAC report), and a per-VIN key's messages name the number
// the person typed, the affected list's number for the vehicle, never the bulletin's pattern.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

async function list(app: App) {
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

describe('MAC code D: do not order freely', () => {
  test('a per-VIN key under MAC code D typed by hand is refused, with where to look', async () => {
    const app = await testApp();
    await list(app);
    await call(app, 'setPart', { campaign: '23LJ01', part: '04002-****', macCode: 'D', by: 'Pat' });
    const e = await refusal(app, 'recordMovement', { kind: 'order', part: '04002-78020', quantity: 1, vin: LC2, by: 'Pat' });
    expect(e.message).toBe('04002-78020 (23LJ01) is under MAC code D: it is not ordered freely. Refer to the MAC report for instructions.');
    expect(e.details.join(' ')).toContain(`stock receive 04002-78020 QTY --vin ${LC2}`);
    expect((await call(app, 'stockHistory', { part: '04002-****' })).movements).toEqual([]);
    // A receipt of what the MAC report allocated is still recorded.
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-78020', quantity: 1, vin: LC2, by: 'Pat' });
  });

  test('a stock part under MAC code D typed by hand is refused too', async () => {
    const app = await testApp();
    await call(app, 'setPart', {
      campaign: 'BLC',
      part: '12345-67890',
      description: 'Clip',
      quantity: 1,
      released: true,
      perVin: false,
      macCode: 'D',
      by: 'Pat',
    });
    const e = await refusal(app, 'recordMovement', { kind: 'order', part: '12345-67890', quantity: 2, by: 'Pat' });
    expect(e.message).toMatch(/^12345-67890 \(BLC\) is under MAC code D: it is not ordered freely\./);
  });
});

describe("a per-VIN key's messages name the typed number", () => {
  test('two keys for one vehicle, a second order: the messages say 04002-78010, not 04002-****', async () => {
    const app = await testApp();
    await list(app);
    const two = await refusal(app, 'recordMovement', { kind: 'order', part: '04002-78010', quantity: 2, vin: LC, by: 'Pat' });
    expect(two.message).toBe(`04002-78010 (23LJ01) is 1 per vehicle: order at most 1 for VIN ${LC}, not 2.`);
    await call(app, 'recordMovement', { kind: 'order', part: '04002-78010', quantity: 1, vin: LC, by: 'Pat' });
    const again = await refusal(app, 'recordMovement', { kind: 'order', part: '04002-78010', quantity: 1, vin: LC, by: 'Pat' });
    expect(again.message).toBe(`VIN ${LC} already has 1 on order and 0 on hand of 04002-78010 (1 per vehicle): nothing more to order.`);
    expect(JSON.stringify([two, again])).not.toContain('****');
  });
});
