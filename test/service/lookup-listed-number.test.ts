// The imported 23LJ01 list's part number (VIN,Phase,Part Number,Status) is the number the vehicle's card
// gives: the lookup's answer carries it with the list (one read: the list row it reads already holds it),
// the batch path as the per-VIN lookup, and the terminal's card prints it beside the bulletin's words.
import { expect, test } from 'vitest';
import { formatLookup } from '../../main/lookup/format';
import { call, LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

test("a listed VIN's card gives the list's part number; a VIN the list gives none for, none", async () => {
  const app = await testApp();
  const content = `VIN,Phase,Part Number,Status\n${LC},1,04002-12345,Open\n${LC2},1,,Open\n`;
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: true });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId! })).jobId);

  const hit = (await call(app, 'lookup', { vin: LC, model: 'LC', productionMonth: '2022-12' })).campaigns.find((c) => c.code === '23LJ01')!;
  expect(hit.affectedList).toEqual({ date: '2026-11-20', listed: true, complete: true, partNumber: '04002-12345' });
  const other = (await call(app, 'lookup', { vin: LC2, model: 'LC', productionMonth: '2022-12' })).campaigns.find((c) => c.code === '23LJ01')!;
  expect(other.affectedList).toEqual({ date: '2026-11-20', listed: true, complete: true, partNumber: null });

  const card = formatLookup(await call(app, 'lookup', { vin: LC, model: 'LC', productionMonth: '2022-12' }));
  expect(card).toContain('  Part:   04002-12345 for this VIN (the affected-VIN list of 2026-11-20)');
  expect(formatLookup(await call(app, 'lookup', { vin: LC2, model: 'LC', productionMonth: '2022-12' }))).not.toContain('  Part:');

  // The batch path (stock holds, follow-up, the suggestions' stock) answers the same.
  await call(app, 'previewVehicles', { fileName: 'dms.csv', content: `VIN,Model\n${LC},LC\n`, inStock: 'add', mapping: {} }).then(async (v) => {
    await app.jobs.wait((await call(app, 'commitImport', { importId: v.importId! })).jobId);
  });
  const batch = app.lookup.knownBatch('in-stock', 'by-vehicle');
  const known = app.lookup.knownHits(batch, {
    vin: LC,
    stock_number: null,
    model: 'LC',
    production_month: null,
    condition: null,
    last_service_date: null,
    in_stock: 1,
  });
  expect(known?.campaigns.find((c) => c.code === '23LJ01')?.affectedList?.partNumber).toBe('04002-12345');
});

test("the next step that orders the part names the list's number for a listed VIN, and stays the bulletin's words for one the list gives none", async () => {
  const app = await testApp();
  const content = `VIN,Phase,Part Number,Status\n${LC},1,04002-12345,Open\n${LC2},1,,Open\n`;
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: true });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId! })).jobId);

  const order = (vin: string) =>
    call(app, 'lookup', { vin, model: 'LC', productionMonth: '2022-12' }).then(
      (r) => r.campaigns.find((c) => c.code === '23LJ01')!.actions.find((a) => a.startsWith('Order this VIN'))!,
    );
  const mine = await order(LC);
  expect(mine).toContain('part 04002-12345, this VIN’s number on the affected-VIN list of 2026-11-20');
  expect(mine).not.toContain('04002-****');
  expect(await order(LC2)).toContain('part 04002-****, the exact number is per VIN');
});
