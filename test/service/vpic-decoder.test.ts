// The vPIC decoder: its database indexed for the decoder's queries (at unpack, and once for a file
// unpacked before the indexes existed), decodes made on a thread of their own and kept in the app's
// database once made.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { familyVins } from '../../main/vehicles/decode-store';
import { VpicDecoder } from '../../main/vehicles/vpic';
import { quickVin } from '../../shared/vin';
import type { LookupResult } from '../../shared/api';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { SHARED_VPIC, tempDbPath, tempDir, testApp } from '../support/tempdb';

/** The plan of the decoder's main query: the patterns of a VIN's schemas (corgi's getPatterns). */
function patternPlan(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT p.Keys, p.ElementId, p.AttributeId FROM Pattern p JOIN Element e ON p.ElementId = e.Id WHERE p.VinSchemaId IN (101, 202)',
      )
      .all() as { detail: string }[];
    return plan.map((p) => p.detail);
  } finally {
    db.close();
  }
}

test("the unpacked vPIC database is indexed for the decoder's main query: the patterns of a schema are sought, not scanned", async () => {
  const file = path.join(tempDir(), 'vpic.sqlite');
  const vpic = new VpicDecoder(file);
  try {
    expect((await vpic.decode('2T2HA31U660012345'))?.ruleModel).toBe('RX 330');
    expect(vpic.unpackMs).toBeGreaterThan(0);
  } finally {
    await vpic.close();
  }
  const plan = patternPlan(file);
  expect(plan).toContain('SEARCH p USING INDEX rd_pattern_schema (VinSchemaId=?)');
  expect(plan.join('\n')).not.toMatch(/SCAN p\b/);
  expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.part'))).toEqual([]);
}, 120_000);

/** A copy of the tests' shared vPIC database, unpacked and indexed as this version does it. */
async function copyOfSharedVpic(): Promise<string> {
  const file = path.join(tempDir(), 'vpic.sqlite');
  const warm = new VpicDecoder(SHARED_VPIC);
  await warm.start();
  await warm.close();
  fs.copyFileSync(SHARED_VPIC, file);
  return file;
}

test('a vPIC database unpacked before the indexes gets them when opened, and decodes the same', async () => {
  const file = await copyOfSharedVpic();
  const old = new BetterSqlite3(file);
  for (const name of old.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'rd\\_%' ESCAPE '\\'").pluck().all())
    old.exec(`DROP INDEX ${name}`);
  old.close();
  expect(patternPlan(file).join('\n')).toMatch(/SCAN p\b/);

  const vpic = new VpicDecoder(file);
  try {
    expect((await vpic.decode('JTJGKCEZ4P2000001'))?.model).toBe('NX');
    expect(vpic.unpackMs).toBeNull();
  } finally {
    await vpic.close();
  }
  expect(patternPlan(file)).toContain('SEARCH p USING INDEX rd_pattern_schema (VinSchemaId=?)');
}, 120_000);

test("the patterns' join to every WMI of their schemas, for the years, reads an index alone; a file indexed by an earlier version gets it when opened", async () => {
  const file = await copyOfSharedVpic();
  const old = new BetterSqlite3(file);
  old.exec('DROP INDEX IF EXISTS rd_wmi_vinschema_schema_years');
  old.close();
  const vpic = new VpicDecoder(file);
  try {
    expect((await vpic.decode('1HGCM82633A004352'))?.make).toBe('Honda');
  } finally {
    await vpic.close();
  }
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    // corgi's getPatterns joins Wmi_VinSchema on the schema for YearFrom and YearTo.
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT DISTINCT p.Keys, wvs.YearFrom, wvs.YearTo FROM Pattern p JOIN Wmi_VinSchema wvs ON p.VinSchemaId = wvs.VinSchemaId WHERE p.VinSchemaId IN (101, 202)',
      )
      .all()
      .map((p) => p.detail);
    expect(plan).toContain('SEARCH wvs USING COVERING INDEX rd_wmi_vinschema_schema_years (VinSchemaId=?)');
  } finally {
    db.close();
  }
}, 120_000);

/** The plan of corgi's lookupValues: a lookup table's names by id, compared as text (CAST(Id AS TEXT) IN (...)). */
function lookupValuesPlan(file: string, table: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT CAST(Id AS TEXT) as Id, Name FROM ${table} WHERE CAST(Id AS TEXT) IN (?, ?)`).all('1', '2') as {
      detail: string;
    }[];
    return plan.map((p) => p.detail).join('\n');
  } finally {
    db.close();
  }
}

test("the decoder's names by id of the big lookup tables (models, makes, manufacturers) are sought by an index on the text id, not scanned", async () => {
  const file = await copyOfSharedVpic();
  const vpic = new VpicDecoder(file);
  try {
    expect((await vpic.decode('2T2HA31U660012345'))?.ruleModel).toBe('RX 330');
  } finally {
    await vpic.close();
  }
  for (const table of ['Model', 'Make', 'Manufacturer']) {
    const plan = lookupValuesPlan(file, table);
    expect(plan).toMatch(new RegExp(`SEARCH ${table} USING INDEX`));
    expect(plan).not.toMatch(new RegExp(`SCAN ${table}\\b`));
  }
}, 120_000);

test("a decode made once is kept in the app's database: after a restart the lookup has it at once, before the decoder opens", async () => {
  const dbPath = tempDbPath();
  const vin = makeVin('2T2', 'HA31U', 2006, '6077001');
  const first = await testApp({ dbPath });
  expect((await ok<LookupResult>(first.dispatch('lookup', { vin }))).decoded?.ruleModel).toBe('RX 330');
  await first.close();

  const again = await testApp({ dbPath });
  expect(again.vpic!.ready).toBe(false);
  const r = await ok<LookupResult>(again.dispatch('lookup', { vin, decode: 'if-ready' }));
  expect(r.decodePending).toBe(false);
  expect(r.decoded).toMatchObject({ make: 'Lexus', ruleModel: 'RX 330', plantCountry: 'Canada' });
  expect(r.model).toBe('RX 330');
  // Kept with the vPIC data it came from.
  expect(again.db.sqlite.prepare('SELECT source FROM vin_decodes WHERE vin = ?').pluck().get(vin)).toMatch(/^@cardog\/corgi \d+\.\d+\.\d+$/);
}, 60_000);

test('a VIN vPIC does not know is kept as not decoded, and a decode from other vPIC data is not used', async () => {
  const dbPath = tempDbPath();
  const unknown = makeVin('9ZZ', 'AA111', 2006, '1000001');
  const app = await testApp({ dbPath });
  expect((await ok<LookupResult>(app.dispatch('lookup', { vin: unknown }))).decoded).toBeNull();
  expect(app.db.sqlite.prepare('SELECT decoded FROM vin_decodes WHERE vin = ?').get(unknown)).toEqual({ decoded: null });
  expect(app.vpic!.cached(unknown)).toBeNull();

  const known = '2T2HA31U660012345';
  app.db.sqlite
    .prepare("INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES (?, 'older vPIC data', ?, 'then')")
    .run(known, JSON.stringify({ make: 'Lexus', model: 'ES', ruleModel: 'ES 300' }));
  expect(app.vpic!.cached(known)).toBeUndefined();
  expect((await ok<LookupResult>(app.dispatch('lookup', { vin: known }))).decoded?.ruleModel).toBe('RX 330');
}, 60_000);

test("at idle the decoder warms one VIN of each family the counter will scan: the stock's, the library's ranges and model windows", async () => {
  const app = await testApp();
  const stock = [makeVin('5TD', 'ZA23C', 2012, '5000001'), makeVin('5TD', 'ZA23C', 2012, '5000002')];
  app.db.sqlite.prepare("INSERT INTO vehicles (vin, in_stock, updated_at) VALUES (?, 1, 'now'), (?, 1, 'now')").run(...stock);
  const families = familyVins(app.db.sqlite);
  const keys = families.map((v) => v.slice(0, 3) + v[9]);
  // Stock first, one VIN per WMI and model year; a real stock VIN stands for its family.
  expect(stock).toContain(families[0]);
  expect(keys.filter((k) => k === '5TDC')).toHaveLength(1);
  expect(new Set(keys).size).toBe(keys.length);
  // ALE's GS 350 2007 range (JTH, 7), BLC's 2006 RX (2T2, 6), 23LJ01's 2023 windows (JTH, JTJ: P).
  expect(keys).toEqual(expect.arrayContaining(['JTH7', '2T26', 'JTHP', 'JTJP']));
  for (const v of families) expect(quickVin(v)?.checkDigitValid).toBe(true);

  await app.vpic!.warm(0);
  expect(app.vpic!.warmed).toBe(families.length);
}, 120_000);

/** The makes of every 3-character WMI, read the whole way (as the decoder's thread once sent them at start). */
function everyWmisMakes(file: string): Map<string, string[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const out = new Map<string, string[]>();
    const rows = db
      .prepare<[], { wmi: string; make: string }>(
        'SELECT w.Wmi AS wmi, m.Name AS make FROM Wmi w JOIN Wmi_Make wm ON wm.WmiId = w.Id JOIN Make m ON m.Id = wm.MakeId',
      )
      .all();
    for (const r of rows) if (r.wmi.length === 3) out.set(r.wmi, [...new Set([...(out.get(r.wmi) ?? []), r.make])]);
    return out;
  } finally {
    db.close();
  }
}

test("decoded on the caller's own thread (a one-shot command), every VIN decodes as on the decoder's thread, and a WMI's makes are the same", async () => {
  const threaded = new VpicDecoder(SHARED_VPIC);
  const inline = new VpicDecoder(SHARED_VPIC, null, null, () => new Date(), 'inline');
  try {
    const vins = [
      '2T2HA31U660012345',
      'JTHBE96S170007930',
      'JTJGKCEZ4P2000001',
      'JTHKPAAY9PA000001',
      '1HGCY1F37PA000001',
      '5YJ3E1EA9PF000001',
      makeVin('JTJ', 'HY7AX', 2019, '4100007'),
      makeVin('9ZZ', 'AA111', 2006, '1000001'),
    ];
    for (const vin of vins) expect(await inline.decode(vin)).toEqual(await threaded.decode(vin));
    expect(inline.ready && threaded.ready).toBe(true);
    const all = everyWmisMakes(SHARED_VPIC);
    for (const wmi of ['JTH', 'JTJ', '2T2', '1HG', '5YJ', 'KMH', 'WBA', '1G1', '9ZZ', 'ZZZ']) {
      const want = all.get(wmi) ?? [];
      expect([...(inline.makesOf(wmi) ?? [])].sort()).toEqual([...want].sort());
      expect([...(threaded.makesOf(wmi) ?? [])].sort()).toEqual([...want].sort());
    }
    expect(all.get('JTH')).toContain('Lexus');
  } finally {
    await inline.close();
    await threaded.close();
  }
}, 60_000);
