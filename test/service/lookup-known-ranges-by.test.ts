// A batch of known vehicles (LookupService.knownBatch) finds its vehicles' VIN ranges by their codes
// ('by-vehicle': the set's distinct WMI, VDS and year codes, then their ranges) or range by range
// ('by-rule': whether a vehicle of the set has the range's codes, sought from the VIN's start). The order
// suggestions take the second when the library has fewer ranges than the stock has vehicles. Both hold
// exactly the same rows, in the same order, for the vehicles in stock and for those serviced here: VINs in
// ranges, beside them, of other codes, in lower case, too short, with characters no VIN has, and out of stock.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { makeVin, sampleVins, syntheticLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

let app: App;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

test('by rule and by vehicle, a batch holds the same ranges of its vehicles, in the same order', () => {
  const lib = syntheticLibrary(60, 3, 11);
  const s = app.db.sqlite;
  s.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  const r0 = lib.bulletins[0]!.vinRanges[0]!;
  const inRange = makeVin(r0.wmi, r0.vds, r0.modelYear, r0.serialFrom);
  // Same WMI and VDS, another year code; the VDS's start only; a character above every ASCII one after the WMI and VDS.
  const otherYear = makeVin(r0.wmi, r0.vds, r0.modelYear + 1, r0.serialFrom);
  const odd = [
    inRange.toLowerCase(),
    `${r0.wmi}${r0.vds}`,
    `${r0.wmi}${r0.vds.slice(0, 4)}`,
    `${r0.wmi}${r0.vds}é${inRange.slice(9)}`,
    `${r0.wmi}${r0.vds}~${inRange.slice(9)}`,
  ];
  const sampled = [...new Set([...sampleVins(lib, 400, 9), inRange, otherYear])];
  // A range whose WMI and VDS a vehicle has, with another year code only (not one of its ranges), and one whose
  // codes only a vehicle out of stock has.
  const codes = (vin: string) => `${vin.slice(0, 8)}|${vin[9]}`;
  const taken = new Set(sampled.map(codes));
  const [lone, gone] = lib.bulletins
    .flatMap((b) => b.vinRanges)
    .filter((r) => !taken.has(codes(makeVin(r.wmi, r.vds, r.modelYear, r.serialFrom))) && r.modelYear < 2039)
    .slice(0, 2);
  const vins = [
    ...sampled,
    makeVin(lone!.wmi, lone!.vds, lone!.modelYear + 1, lone!.serialFrom),
    makeVin(gone!.wmi, gone!.vds, gone!.modelYear, gone!.serialTo),
  ];
  s.transaction(() => {
    const put = s.prepare("INSERT OR IGNORE INTO vehicles (vin, in_stock, last_service_date, updated_at) VALUES (?, ?, ?, 'now')");
    vins.forEach((vin, i) => put.run(vin, i % 7 === 0 || i === vins.length - 1 ? 0 : 1, i % 3 === 0 ? '2026-05-01' : null));
    for (const vin of odd) put.run(vin, 1, '2026-05-01');
  })();
  for (const which of ['in-stock', 'serviced'] as const) {
    const byVehicle = app.lookup.knownBatch(which, 'by-vehicle').rows.ranges;
    const byRule = app.lookup.knownBatch(which, 'by-rule').rows.ranges;
    expect(byVehicle.size).toBeGreaterThan(20);
    expect([...byRule]).toEqual([...byVehicle]);
  }
  // The range's own group is found; not the one of another year code only, nor the one only a vehicle out of stock has.
  const inStock = app.lookup.knownBatch('in-stock', 'by-rule').rows.ranges;
  expect(inStock.get(`${r0.wmi}|${r0.vds}|${inRange[9]}`)?.length).toBeGreaterThan(0);
  const group = (r: typeof lone) => `${r!.wmi}|${r!.vds}|${makeVin(r!.wmi, r!.vds, r!.modelYear, r!.serialFrom)[9]}`;
  expect(inStock.has(group(lone))).toBe(false);
  expect(inStock.has(group(gone))).toBe(false);
});
