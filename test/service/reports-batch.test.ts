// The reports look up every vehicle of a set (the stock, the serviced) by a batch path: a few set
// statements instead of one statement per VIN. Each of its answers must be exactly the per-VIN lookup's,
// on a database with every kind of row a lookup reads (VIN ranges, affected lists with and without a
// phase, complete lists, recorded statuses, NHTSA's recalls, every condition, records with and without
// a model or a production month), and a change made afterwards (here or by another process) must show
// in the next report.
import { expect, test } from 'vitest';
import { createApp } from '../../main/app';
import type { VehicleColumns } from '../../main/lookup/service';
import { ok } from '../support/envelope';
import { ACCORD_2019, fixtureRows, withCheckDigit, writeRcl } from '../support/nhtsa';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir, testApp } from '../support/tempdb';

type App = Awaited<ReturnType<typeof testApp>>;
type Report = { vehiclesInStock: number; vehiclesHeld: number; holds: { vin: string; code: string; hold: string }[] };

const GS = (serial: string) => makeVin('JTH', 'BE96S', 2007, serial);
const RX = (serial: string) => makeVin('2T2', 'HA31U', 2005, serial);
const LC = (serial: string) => makeVin('JTH', 'KPAAY', 2023, serial);
const CIVIC_2019 = withCheckDigit('2HGFC2F50KH000456');

async function importVehicles(app: App, content: string, inStock: 'none' | 'add') {
  const p = await ok<{ importId: string }>(app.dispatch('previewVehicles', { fileName: 'dms.csv', content, inStock, mapping: {} }));
  const s = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
  const done = await app.jobs.wait(s.jobId);
  expect(done.state).toBe('done');
}

async function importList(app: App, campaign: string, content: string, listDate: string) {
  const p = await ok<{ importId: string }>(app.dispatch('previewVinList', { campaign, fileName: `${campaign}.csv`, content, listDate }));
  const s = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
  expect((await app.jobs.wait(s.jobId)).state).toBe('done');
}

/** A dealer's data with every kind of row the lookup reads. */
async function variedDealer(app: App): Promise<void> {
  await app.vpic!.start();
  const dir = tempDir();
  const nhtsa = await ok<{ importId: string }>(app.dispatch('previewNhtsa', { path: writeRcl(dir, 'FLAT_RCL_POST_2010.txt', fixtureRows()) }));
  expect((await app.jobs.wait((await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: nhtsa.importId }))).jobId)).state).toBe('done');
  await importVehicles(
    app,
    [
      'Stock #,VIN,Year,Model,Prod Date,New/Used',
      `S01,${GS('0007930')},2007,GS 350,,U`,
      `S02,${GS('0008000')},2007,GS 350,,CPO`,
      `S03,${GS('0009000')},2007,GS 350,,N`,
      `S04,${GS('0010000')},2007,,,`,
      `S05,${GS('0030000')},2007,GS 350,,U`,
      `S05B,${GS('0005000')},2007,GS 350,,U`,
      `S06,${RX('0100001')},2005,RX 330,,U`,
      `S07,${RX('0100002')},2005,RX 330,,N`,
      `S08,${RX('0100003')},2005,,,U`,
      `S09,${LC('0200000')},2023,LC,12/22,N`,
      `S10,${LC('0200001')},2023,LC,,U`,
      `S11,${LC('0200002')},2023,LC 500,11/22,CPO`,
      `S12,${LC('0200003')},2023,LC,12/22,U`,
      `S13,${ACCORD_2019},2019,Accord,01/19,U`,
      `S14,${CIVIC_2019},2019,Civic,,CPO`,
      `S15,${GS('0008500')},2007,GS 350,,CPO`,
      `S16,${makeVin('JTH', 'CE96S', 2007, '0002000')},2007,GS 350,,U`,
      `,${GS('0011000')},2007,GS 350,,U`,
    ].join('\n'),
    'add',
  );
  await importVehicles(
    app,
    [
      'VIN,Model,Customer Name,Last Service',
      `${GS('0007930')},GS 350,Ann Example,2024-01-02`,
      `${GS('0012000')},GS 350,Bo Example,2024-02-03`,
      `${RX('0100004')},RX 330,Cy Example,2024-03-04`,
      `${LC('0200004')},LC,Di Example,2024-04-05`,
      `${ACCORD_2019.slice(0, 11)}000999,Accord,Ed Example,2024-05-06`,
      `${makeVin('1HG', 'CV1F3', 2019, '0000777')},,Flo Example,2024-06-07`,
    ].join('\n'),
    'none',
  );
  // 23LJ01's TIS list: one LC with its phase, one without; ALE's list names one GS of the stock.
  await importList(app, '23LJ01', `VIN,Phase\n${LC('0200000')},2\n${LC('0200003')},\n${LC('0200004')},3\n`, '2023-03-01');
  await importList(app, 'ALE', `VIN\n${GS('0007930')}\n${GS('0012000')}\n`, '2010-07-07');
  await ok(app.dispatch('setVehicleCampaignStatus', { vin: GS('0008000'), campaign: 'ALE', status: 'completed-elsewhere', completedOn: '2010-09-01' }));
  await ok(app.dispatch('setVehicleCampaignStatus', { vin: RX('0100002'), campaign: 'BLC', status: 'not-applicable' }));
  await ok(app.dispatch('setVehicleCampaignStatus', { vin: LC('0200001'), campaign: '23LJ01', status: 'open' }));
  await ok(
    app.dispatch('setVehicleCampaignStatus', { vin: RX('0100001'), campaign: 'BLC', status: 'completed-here', completedOn: '2024-02-01', repairOrder: 'RO-1' }),
  );
}

const COLUMNS = 'vin, model, condition, stock_number, production_month, last_service_date, in_stock';

/** Every vehicle of the set through the batch path and through lookup(): the two answers, side by side. */
function bothWays(app: App, which: 'in-stock' | 'serviced') {
  return app.lookup.batch(() => {
    const where = which === 'in-stock' ? 'in_stock = 1' : 'last_service_date IS NOT NULL';
    const rows = app.db.sqlite.prepare<[], VehicleColumns>(`SELECT ${COLUMNS} FROM vehicles WHERE ${where} ORDER BY vin`).all();
    const batch = app.lookup.known(which);
    return rows.map((v) => ({ vin: v.vin, batch: batch(v), single: app.lookup.lookup({ vin: v.vin }) }));
  });
}

test('every answer of the batch path is the per-VIN lookup answer, for the stock and for the serviced vehicles', async () => {
  const app = await testApp();
  await variedDealer(app);
  for (const which of ['in-stock', 'serviced'] as const) {
    const answers = bothWays(app, which);
    expect(answers.length).toBeGreaterThan(5);
    for (const a of answers) expect(a.batch, `${which} ${a.vin}`).toEqual(a.single);
  }
  // The data really is varied: ranges, lists (with and without a phase), statuses, NHTSA's recalls and
  // NHTSA's note, every condition and none.
  const all = [...bothWays(app, 'in-stock'), ...bothWays(app, 'serviced')].map((a) => a.single);
  const hits = all.flatMap((r) => r.campaigns);
  expect(new Set(hits.map((h) => h.matchedBy))).toEqual(new Set(['vin-range', 'affected-list', 'model-window', 'nhtsa-model-year']));
  expect(hits.some((h) => h.affectedList?.listed && h.code === '23LJ01')).toBe(true);
  expect(hits.filter((h) => h.vehicleStatus).map((h) => h.vehicleStatus!.status)).toEqual(
    expect.arrayContaining(['completed-elsewhere', 'completed-here', 'not-applicable', 'open']),
  );
  expect(hits.some((h) => h.code === 'ALE' && h.nhtsaRecallNumber === '07V999000')).toBe(true);
  expect(all.some((r) => r.nhtsa !== null)).toBe(true);
  expect(new Set(all.map((r) => r.vehicle?.condition ?? 'none'))).toEqual(new Set(['new', 'used', 'certified-pre-owned', 'none']));
  expect(new Set(all.map((r) => r.modelSource))).toEqual(expect.objectContaining(new Set(['vehicle-record', 'vin-range'])));
}, 60_000);

test("the batch path for hits only (knownHits, the order suggestions' stock) answers the per-VIN lookup's VIN, vehicle and campaigns", async () => {
  const app = await testApp();
  await variedDealer(app);
  for (const which of ['in-stock', 'serviced'] as const) {
    const answers = app.lookup.batch(() => {
      const where = which === 'in-stock' ? 'in_stock = 1' : 'last_service_date IS NOT NULL';
      const rows = app.db.sqlite.prepare<[], VehicleColumns>(`SELECT ${COLUMNS} FROM vehicles WHERE ${where} ORDER BY vin`).all();
      const batch = app.lookup.knownBatch(which);
      return rows.map((v) => ({ vin: v.vin, hits: app.lookup.knownHits(batch, v), single: app.lookup.lookup({ vin: v.vin }) }));
    });
    expect(answers.length).toBeGreaterThan(5);
    for (const { vin, hits, single } of answers) {
      const vehicle = single.vehicle && { stockNumber: single.vehicle.stockNumber, condition: single.vehicle.condition };
      expect({ vin: hits.vin, vehicle: hits.vehicle && { ...hits.vehicle }, campaigns: hits.campaigns }, `${which} ${vin}`).toEqual({
        vin: single.vin,
        vehicle,
        campaigns: single.campaigns,
      });
    }
    // NHTSA's recalls are among the hits, merged into the library's (ALE's NHTSA number) as a lookup merges them.
    const hits = answers.flatMap((a) => a.hits.campaigns);
    expect(hits.some((h) => h.matchedBy === 'nhtsa-model-year')).toBe(true);
    expect(hits.some((h) => h.code === 'ALE' && h.nhtsaRecallNumber === '07V999000')).toBe(true);
  }
}, 60_000);

test('a vehicle outside the set the batch was made for is looked up as ever', async () => {
  const app = await testApp();
  await variedDealer(app);
  app.lookup.batch(() => {
    const batch = app.lookup.known('in-stock');
    const serviced = app.db.sqlite.prepare<[string], VehicleColumns>(`SELECT ${COLUMNS} FROM vehicles WHERE vin = ?`).get(GS('0012000'))!;
    expect(serviced.in_stock).toBe(0);
    expect(batch(serviced)).toEqual(app.lookup.lookup({ vin: serviced.vin }));
  });
}, 60_000);

test('the hold report shows a change made here and one made by another process, and still equals the per-VIN answers', async () => {
  const dbPath = tempDbPath();
  const app = await testApp({ dbPath });
  await variedDealer(app);
  const before = await ok<Report>(app.dispatch('holdReport', {}));
  expect(before.vehiclesInStock).toBe(18);
  expect(before.holds.filter((h) => h.vin === GS('0007930')).map((h) => h.code)).toEqual(['ALE']);

  await ok(app.dispatch('setVehicleCampaignStatus', { vin: GS('0007930'), campaign: 'ALE', status: 'completed-elsewhere', completedOn: '2024-01-02' }));
  const other = await createApp({ dbPath, now: () => new Date('2026-11-23T12:00:00Z'), vpicPath: null });
  try {
    const p = await ok<{ importId: string }>(
      other.dispatch('previewVehicles', {
        fileName: 'one.csv',
        content: `Stock #,VIN,Year,Model,New/Used\nS99,${GS('0020000')},2007,GS 350,U\n`,
        inStock: 'add',
        mapping: {},
      }),
    );
    const s = await ok<{ jobId: string }>(other.dispatch('commitImport', { importId: p.importId }));
    expect((await other.jobs.wait(s.jobId)).state).toBe('done');
  } finally {
    await other.close();
  }
  const after = await ok<Report>(app.dispatch('holdReport', {}));
  expect(after.vehiclesInStock).toBe(19);
  expect(after.holds.filter((h) => h.vin === GS('0007930'))).toEqual([]);
  expect(after.holds.filter((h) => h.vin === GS('0020000')).map((h) => [h.code, h.hold])).toEqual([['ALE', 'do-not-deliver-until-remedied']]);
  // Each line is the per-VIN lookup's: its open campaigns' holds, and no other line.
  const perVin = new Map<string, string[]>();
  for (const a of bothWays(app, 'in-stock'))
    perVin.set(
      a.vin,
      a.single.campaigns
        .filter((h) => !(h.vehicleStatus && h.vehicleStatus.status !== 'open') && !(h.affectedList?.complete && !h.affectedList.listed))
        .flatMap((h) => [...new Set(h.stockHolds.map((r) => `${h.code} ${r.hold}`))]),
    );
  const lines = new Map<string, string[]>();
  for (const h of after.holds) lines.set(h.vin, [...(lines.get(h.vin) ?? []), `${h.code} ${h.hold}`]);
  for (const [vin, expected] of perVin) expect((lines.get(vin) ?? []).sort(), vin).toEqual([...expected].sort());
  expect(after.vehiclesHeld).toBe([...perVin.values()].filter((l) => l.length > 0).length);
}, 60_000);
