// The stock holds and the follow-up list are kept until the data they come from changes: a second open
// runs no lookup at all, and every kind of change (a status recorded here, an import, another process's
// write, a new day, a bulletin) gives a fresh report, never a stale one.
import { afterEach, expect, test, vi } from 'vitest';
import { createApp } from '../../main/app';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { tempDbPath, testApp } from '../support/tempdb';

const ALE_GS = makeVin('JTH', 'BE96S', 2007, '0007930');
const RX05 = makeVin('2T2', 'HA31U', 2005, '0123456');
type App = Awaited<ReturnType<typeof testApp>>;
type Report = { holds: { vin: string; code: string }[]; generatedAt: string };
type FollowUp = { rows: { vin: string; code: string }[] };

async function importVehicles(app: App, content: string, inStock: 'none' | 'add') {
  const p = await ok<{ importId: string }>(app.dispatch('previewVehicles', { fileName: 'dms.csv', content, inStock, mapping: {} }));
  const s = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
  return app.jobs.wait(s.jobId);
}

afterEach(() => vi.restoreAllMocks());

/** Lookups of vehicles by either path: one VIN (lookup), or one vehicle of a report's batch (lookupKnown). */
function countLookups(app: App) {
  const one = vi.spyOn(app.lookup, 'lookup');
  const batch = vi.spyOn(app.lookup, 'lookupKnown');
  return {
    get count() {
      return one.mock.calls.length + batch.mock.calls.length;
    },
    clear() {
      one.mockClear();
      batch.mockClear();
    },
  };
}

test('a second open of either list runs no lookup; a status recorded here, an import and a new day each give a fresh one', async () => {
  let today = new Date('2026-11-23T12:00:00Z');
  const app = await testApp({ now: () => today });
  // vPIC open from the start (its opening is a change of its own: the last test).
  await app.vpic!.start();
  await importVehicles(app, `Stock #,VIN,Year,Model,New/Used\nS100,${ALE_GS},2007,GS 350,U\nS101,${RX05},2005,RX 330,U\n`, 'add');
  await importVehicles(app, `VIN,Model,Customer Name,Last Service\n${RX05},RX 330,Bo Example,2024-01-02\n`, 'none');
  const lookups = countLookups(app);

  const first = await ok<Report>(app.dispatch('holdReport', {}));
  expect(first.holds.map((h) => h.code)).toEqual(['ALE', 'BLC']);
  await ok<FollowUp>(app.dispatch('followUpList', {}));
  const made = lookups.count;
  expect(made).toBeGreaterThanOrEqual(3);

  // Scans and their kept decodes change no report.
  await ok(app.dispatch('lookup', { vin: '2T2HA31U660012345' }));
  lookups.clear();
  expect(await ok<Report>(app.dispatch('holdReport', {}))).toEqual(first);
  expect((await ok<FollowUp>(app.dispatch('followUpList', {}))).rows.map((r) => r.code)).toEqual(['BLC']);
  expect(lookups.count).toBe(0);

  await ok(app.dispatch('setVehicleCampaignStatus', { vin: ALE_GS, campaign: 'ALE', status: 'completed-elsewhere', completedOn: '2010-09-01' }));
  expect((await ok<Report>(app.dispatch('holdReport', {}))).holds.map((h) => h.code)).toEqual(['BLC']);
  expect(lookups.count).toBeGreaterThan(0);

  await importVehicles(app, `VIN,Model,Customer Name,Last Service\n${ALE_GS},GS 350,Ann Example,2024-05-01\n`, 'none');
  expect((await ok<FollowUp>(app.dispatch('followUpList', {}))).rows.map((r) => r.vin)).toEqual([RX05]);
  await ok(app.dispatch('setVehicleCampaignStatus', { vin: RX05, campaign: 'BLC', status: 'open' }));

  lookups.clear();
  today = new Date('2026-11-24T08:00:00Z');
  const nextDay = await ok<Report>(app.dispatch('holdReport', {}));
  expect(lookups.count).toBeGreaterThan(0);
  expect(nextDay.generatedAt.slice(0, 10)).toBe('2026-11-24');
}, 60_000);

test("another process's write to the same file gives a fresh report", async () => {
  const dbPath = tempDbPath();
  const app = await testApp({ dbPath });
  await importVehicles(app, `Stock #,VIN,Year,Model,New/Used\nS100,${ALE_GS},2007,GS 350,U\n`, 'add');
  expect((await ok<Report>(app.dispatch('holdReport', {}))).holds).toHaveLength(1);

  const other = await createApp({ dbPath, now: () => new Date('2026-11-23T12:00:00Z'), vpicPath: null });
  try {
    await ok(other.dispatch('setVehicleCampaignStatus', { vin: ALE_GS, campaign: 'ALE', status: 'not-applicable' }));
  } finally {
    await other.close();
  }
  expect((await ok<Report>(app.dispatch('holdReport', {}))).holds).toEqual([]);
}, 60_000);

test('the hold report opens vPIC first, so other makes in stock are found, and is then kept', async () => {
  const app = await testApp();
  await importVehicles(app, `Stock #,VIN,Year,Model,New/Used\nS100,${ALE_GS},2007,GS 350,U\n`, 'add');
  const lookups = countLookups(app);
  await ok<Report>(app.dispatch('holdReport', {}));
  expect(app.vpic!.ready).toBe(true);
  lookups.clear();
  await ok<Report>(app.dispatch('holdReport', {}));
  expect(lookups.count).toBe(0);
}, 60_000);
