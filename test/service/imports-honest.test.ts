// Imports that used to be silently wrong: a list complete by default, a preview committed into another
// campaign, unbounded error lists, vehicles taken out of stock, DEMO rows rejected, 2099 for 99, future
// service dates, check digits unseen. On real SQLite files, through the API dispatcher.
import { describe, expect, test } from 'vitest';
import { readVehicles } from '../../main/imports/vehicles';
import { readVinList } from '../../main/imports/vinlist';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { tempDbPath, testApp } from '../support/tempdb';

const ALE = (serial: number) => makeVin('JTH', 'BE96S', 2007, String(serial).padStart(7, '0'));
const TODAY = '2026-11-23';
type App = Awaited<ReturnType<typeof testApp>>;

async function stockVins(app: App): Promise<string[]> {
  return app.db.sqlite.prepare<[], string>('SELECT vin FROM vehicles WHERE in_stock = 1 ORDER BY vin').pluck().all();
}

async function importVehicles(app: App, content: string, input: Record<string, unknown> = {}) {
  const p = await ok<{ importId: string }>(app.dispatch('previewVehicles', { fileName: 'dms.csv', content, ...input }));
  const s = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
  return app.jobs.wait(s.jobId);
}

describe('affected-VIN lists', () => {
  test('a list is partial unless the user says it is complete', async () => {
    const app = await testApp();
    const p = await ok<{ complete: boolean }>(app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'tis.txt', content: `${ALE(7930)}\n` }));
    expect(p.complete).toBe(false);
  });

  test('a preview is committed only with the inputs it was read with; the import names its campaign', async () => {
    const app = await testApp();
    const p = await ok<{ importId: string }>(
      app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'tis.txt', content: `${ALE(7930)}\n`, listDate: '2010-07-07' }),
    );
    const wrong = await app.dispatch('commitImport', { importId: p.importId, expect: { campaign: 'BLC', listDate: '2010-07-07', complete: false } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(wrong)).toMatch(/read the file again/);
    const otherDate = await app.dispatch('commitImport', { importId: p.importId, expect: { campaign: 'ALE', listDate: '2010-07-08' } });
    expect(otherDate).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const started = await ok<{ jobId: string; label: string }>(
      app.dispatch('commitImport', { importId: p.importId, expect: { campaign: 'ALE', listDate: '2010-07-07', complete: false } }),
    );
    expect(started.label).toBe('ALE affected-VIN list of 2010-07-07');
    const jobs = await ok<{ jobId: string; label: string }[]>(app.dispatch('importJobs', {}));
    expect(jobs[0]).toMatchObject({ jobId: started.jobId, label: 'ALE affected-VIN list of 2010-07-07' });
    expect((await app.jobs.wait(started.jobId)).state).toBe('done');
  });

  test("a replaced list's rows are gone from the lookup at once and from the table soon after, even across a restart", async () => {
    const dbPath = tempDbPath();
    const app = await testApp({ dbPath });
    const first = [ALE(7931), ...Array.from({ length: 50_000 }, (_, i) => ALE(100_000 + i))].join('\n');
    const importList = async (a: App, content: string, listDate: string) => {
      const p = await ok<{ importId: string }>(a.dispatch('previewVinList', { campaign: 'ALE', fileName: 't.txt', content, listDate, complete: true }));
      const s = await ok<{ jobId: string }>(a.dispatch('commitImport', { importId: p.importId }));
      expect((await a.jobs.wait(s.jobId)).state).toBe('done');
    };
    await importList(app, first, '2010-07-07');
    await importList(app, `${ALE(7930)}\n`, '2010-08-01');
    // Before the purge has run: the old rows are there but belong to no list, so the lookup ignores them.
    expect(app.lookup.lookup({ vin: ALE(7931) }).campaigns[0]!.affectedList).toMatchObject({ date: '2010-08-01', listed: false });
    await app.jobs.shutdown(); // the purge stops part-way or before it starts
    await app.close();
    const again = await testApp({ dbPath });
    await again.jobs.purger.drained();
    expect(again.db.sqlite.prepare('SELECT count(*) FROM affected_vins').pluck().get()).toBe(1);
    expect(again.db.sqlite.prepare("SELECT count(*) FROM meta WHERE key LIKE 'superseded%'").pluck().get()).toBe(0);
    expect(again.db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  test('invalid lines: the first 100 of each kind with a count per kind and the total', () => {
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) lines.push(ALE(100_000 + i));
    for (let i = 0; i < 20_000; i++) lines.push(i % 2 ? 'JTH12' : '');
    for (let i = 0; i < 500; i++) lines.push(`"${ALE(500_000 + i)}`);
    const { preview } = readVinList(lines.join('\n'), 'tis.txt');
    expect(preview).toMatchObject({ valid: 30_000, invalidCount: 10_500 });
    expect(preview.invalidByKind).toEqual([
      { kind: 'not-a-vin', label: 'Not a VIN', count: 10_000 },
      { kind: 'unbalanced-quote', label: 'Unbalanced quote', count: 500 },
    ]);
    expect(preview.invalid).toHaveLength(200);
    expect(preview.invalid[0]).toMatchObject({ line: 30_002, kind: 'not-a-vin' });
  });

  test('a 10 MB preview of 5 million bad lines through the API: refused with a short answer, bounded memory', async () => {
    const app = await testApp();
    const content = `${Array.from({ length: 100 }, (_, i) => ALE(7000 + i)).join('\n')}\n${'#\n'.repeat(5_000_000)}`;
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const r = await app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'junk.txt', content });
    clearInterval(timer);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'junk.txt is not a VIN list: 5,000,000 of 5,000,100 lines are not VINs.' } });
    expect(JSON.stringify(r).length).toBeLessThan(1000);
    expect((peak - before) / 2 ** 20).toBeLessThan(150);
  }, 60_000);
});

describe('vehicles', () => {
  const STOCK = ['VIN,Stock #', `${ALE(1)},S1`, `${ALE(2)},S2`, `${ALE(3)},S3`].join('\n');

  test('with no mode given, an import never takes vehicles out of stock', async () => {
    const app = await testApp();
    await importVehicles(app, STOCK, { inStock: 'add' });
    await importVehicles(app, `VIN,Customer,Last Service\n${ALE(9)},Ann Example,04/01/2024\n`);
    expect(await stockVins(app)).toEqual([ALE(1), ALE(2), ALE(3)]);
  });

  test('the preview of a complete stock list says how many leave the stock and how many are added', async () => {
    const app = await testApp();
    await importVehicles(app, STOCK, { inStock: 'add' });
    const p = await ok<{ stock: unknown }>(
      app.dispatch('previewVehicles', { fileName: 'stock.csv', content: `VIN\n${ALE(3)}\n${ALE(4)}\n${ALE(5)}\n`, inStock: 'replace' }),
    );
    expect(p.stock).toEqual({ added: 2, staying: 1, leaving: 2 });
    const add = await ok<{ stock: unknown }>(
      app.dispatch('previewVehicles', { fileName: 'stock.csv', content: `VIN\n${ALE(3)}\n${ALE(4)}\n`, inStock: 'add' }),
    );
    expect(add.stock).toEqual({ added: 1, staying: 1, leaving: 0 });
    const none = await ok<{ stock: unknown }>(app.dispatch('previewVehicles', { fileName: 'svc.csv', content: `VIN\n${ALE(3)}\n` }));
    expect(none.stock).toBeNull();
  });

  test('unknown condition values are listed for mapping, imported as mapped (unknown until then), never rejected', async () => {
    const csv = ['VIN,New/Used', `${ALE(1)},DEMO`, `${ALE(2)},Loaner`, `${ALE(3)},DEMO`, `${ALE(4)},N`, `${ALE(5)},CPO`].join('\n');
    const first = readVehicles(csv, 'dms.csv', { today: TODAY });
    expect(first.preview).toMatchObject({ valid: 5, invalidCount: 0 });
    expect(first.preview.conditionValues).toEqual([
      { value: 'DEMO', count: 2, condition: 'unknown', recognised: false },
      { value: 'Loaner', count: 1, condition: 'unknown', recognised: false },
      { value: 'N', count: 1, condition: 'new', recognised: true },
      { value: 'CPO', count: 1, condition: 'certified-pre-owned', recognised: true },
    ]);
    expect(first.rows.map((r) => r.condition)).toEqual([null, null, null, 'new', 'certified-pre-owned']);
    const mapped = readVehicles(csv, 'dms.csv', { today: TODAY, conditions: { DEMO: 'new', Loaner: 'used' } });
    expect(mapped.rows.map((r) => r.condition)).toEqual(['new', 'used', 'new', 'new', 'certified-pre-owned']);
    expect(mapped.preview.conditionValues[0]).toEqual({ value: 'DEMO', count: 2, condition: 'new', recognised: false });

    const app = await testApp();
    await importVehicles(app, csv, { inStock: 'add', conditions: { DEMO: 'new', Loaner: 'used' } });
    expect(app.db.sqlite.prepare('SELECT condition FROM vehicles ORDER BY vin').pluck().all()).toEqual(['new', 'used', 'new', 'new', 'certified-pre-owned']);
  });

  test('two-digit years as the DMS means them; hex and exponent are not years; future dates flagged and left out', () => {
    const csv = [
      'VIN,Year,Prod Date,Last Service',
      `${ALE(1)},07,12/06,12/31/99`,
      `${ALE(2)},2.007e3,,`,
      `${ALE(3)},0x7D7,,`,
      `${ALE(4)},2007,,01/15/2027`,
      `${ALE(5)},2007,03/2027,11/22/26`,
      `${ALE(6)},2028,,`,
    ].join('\n');
    const { preview, rows } = readVehicles(csv, 'dms.csv', { today: TODAY });
    expect(rows[0]).toMatchObject({ modelYear: 2007, productionMonth: '2006-12', lastServiceDate: '1999-12-31' });
    expect(preview.invalid.map((i) => `${i.line} ${i.kind}`)).toEqual(['3 model-year', '4 model-year', '7 model-year']);
    expect(rows[1]).toMatchObject({ vin: ALE(4), lastServiceDate: null });
    expect(rows[2]).toMatchObject({ vin: ALE(5), productionMonth: null, lastServiceDate: '2026-11-22' });
    expect(preview.warnings.map((w) => `${w.line} ${w.kind} ${w.text}`)).toEqual([`5 future-date ${ALE(4)}`, `6 future-month ${ALE(5)}`]);
    expect(preview.warningsByKind).toEqual([
      { kind: 'future-date', label: 'Service date in the future (date left out)', count: 1 },
      { kind: 'future-month', label: 'Production month in the future (month left out)', count: 1 },
    ]);
  });

  test('a wrong check digit is counted and shown, and the vehicle still imported', () => {
    const good = ALE(7930);
    const typo = `${good.slice(0, 8)}${good[8] === '0' ? '1' : '0'}${good.slice(9)}`;
    const { preview, rows } = readVehicles(`VIN\n${typo}\n${ALE(7931)}\n`, 'dms.csv', { today: TODAY });
    expect(rows.map((r) => r.vin)).toEqual([typo, ALE(7931)]);
    expect(preview.checkDigitMismatches).toBe(1);
    expect(preview.warnings).toEqual([expect.objectContaining({ line: 2, kind: 'check-digit', text: typo })]);
  });

  test('the mapping step gets the first few distinct values of each column', () => {
    const csv = ['VIN,Model,Colour', `${ALE(1)},GS 350,Red`, `${ALE(2)},GS 350,`, `${ALE(3)},IS 250,Blue`, `${ALE(4)},RX,Green`, `${ALE(5)},LS,White`].join(
      '\n',
    );
    expect(readVehicles(csv, 'dms.csv', { today: TODAY }).preview.samples).toEqual({
      VIN: [ALE(1), ALE(2), ALE(3)],
      Model: ['GS 350', 'IS 250', 'RX'],
      Colour: ['Red', 'Blue', 'Green'],
    });
  });

  test("invalid lines of a vehicle file carry at most the VIN cell, never a guest's fields", () => {
    const csv = ['VIN,Customer,Phone', ',Wilhelmina Pii-Nomail,555-0199', 'JTH12,Ann Example,555-0100'].join('\n');
    const { preview } = readVehicles(csv, 'dms.csv', { today: TODAY });
    expect(preview.invalid.map((i) => i.text)).toEqual(['', 'JTH12']);
    expect(JSON.stringify(preview.invalid)).not.toMatch(/Wilhelmina|555-01|Ann/);
  });
});
