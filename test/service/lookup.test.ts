// The lookup against the built-in library on a real SQLite file: every ALE range at both ends and
// one past each end, the WMI/VDS/year guards, 23LJ01 windows and phases, BLC by model and year.
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../../main/app';
import { parseBuiltIns } from '../../main/campaigns/library/documents';
import { makeVin } from '../support/synthetic';
import { ApiError } from '../../shared/api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let app: App;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-lookup-'));
  app = await createApp({ dbPath: path.join(dir, 'db.sqlite'), now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const look = (vin: string, model?: string, productionMonth?: string) => app.lookup.lookup({ vin, model, productionMonth });
const codes = (vin: string, model?: string, month?: string) => look(vin, model, month).campaigns.map((c) => c.code);
const hit = (vin: string, code: string, model?: string, month?: string) => look(vin, model, month).campaigns.find((c) => c.code === code);

const serialPlus = (s: string, d: number) => String(Number(s) + d).padStart(7, '0');

describe('ALE: every published range, at both ends and one past each end', () => {
  const ale = parseBuiltIns()[1]!;
  for (const r of ale.vinRanges) {
    const at = (serial: string) => makeVin(r.wmi, r.vds, r.modelYear, serial);
    test(`${r.model} ${r.modelYear} ${r.vds} ${r.serialFrom}-${r.serialTo}`, () => {
      for (const s of [r.serialFrom, r.serialTo]) {
        const h = hit(at(s), 'ALE');
        expect(h, `serial ${s} should match`).toBeDefined();
        expect(h!.certainty).toBe('verify');
        expect(h!.matchedBy).toBe('vin-range');
      }
      // One past each end may fall into a neighbouring published range (IS 350 2006/2007 overlap);
      // it must then be that other range, never this one.
      for (const s of [serialPlus(r.serialFrom, -1), serialPlus(r.serialTo, 1)]) {
        const inOther = ale.vinRanges.some((o) => o !== r && o.vds === r.vds && o.modelYear === r.modelYear && o.serialFrom <= s && s <= o.serialTo);
        const h = hit(at(s), 'ALE');
        if (inOther) expect(h!.matchDetail).not.toContain(`${r.serialFrom}-${r.serialTo}`);
        else expect(h, `serial ${s} is outside`).toBeUndefined();
      }
    });
  }
});

describe('ALE: a range is valid only within its WMI + VDS + model-year code', () => {
  test('serial in range but another model year', () => {
    expect(codes('JTHBE96S170007930')).toContain('ALE');
    expect(codes(makeVin('JTH', 'BE96S', 2009, '0007930'))).not.toContain('ALE');
  });
  test('serial in range but another VDS', () => {
    expect(codes(makeVin('JTH', 'BE97S', 2007, '0007930'))).not.toContain('ALE');
  });
  test('serial in range but another WMI', () => {
    expect(codes(makeVin('JTJ', 'BE96S', 2007, '0007930'))).not.toContain('ALE');
  });
  test('remedy: parts not released, not available, timing as published; no stock rule on a customer car', () => {
    const h = hit('JTHBE96S170007930', 'ALE')!;
    expect(h.remedy).toMatchObject({ available: false, status: 'parts-not-released' });
    expect(h.remedy.timing).toContain('late July 2010');
    expect(h.actions.some((a) => a.startsWith('In stock'))).toBe(false);
    expect(h.stockHolds).toEqual([]);
    expect(h.source).toMatchObject({ revisionDate: '2010-07-06', ageDays: 5984 });
  });
  test('the VIN range names the model, so BLC (RX only) does not ask about a GS 350', () => {
    const r = look('JTHBE96S170007930');
    expect(r.model).toBe('GS 350');
    expect(r.modelSource).toBe('vin-range');
    expect(r.campaigns.map((c) => c.code)).toEqual(['ALE']);
  });
});

describe('BLC: model and model year', () => {
  const rx = (year: number) => makeVin('2T2', 'HA31U', year, '0123456');
  test('model year in 2004-2007 with no model: may apply, asks for the model among its own', () => {
    const h = hit(rx(2005), 'BLC')!;
    expect(h.needs).toEqual(['model']);
    expect(h.modelChoices).toEqual(['RX 330', 'RX 350', 'RX 400h']);
    expect(h.certainty).toBe('verify');
  });
  test.each([2004, 2007])('RX 330, %i: verify, remedy available, its stock rule kept in the bulletin data', (year) => {
    const h = hit(rx(year), 'BLC', 'RX 330')!;
    expect(h.needs).toEqual([]);
    expect(h.remedy.available).toBe(true);
    expect(h.delivery.map((d) => d.rule)).toContain('perform-before-delivery');
  });
  test('written differently, still the model: "rx400h", "RX-350"', () => {
    expect(hit(rx(2006), 'BLC', 'rx400h')?.needs).toEqual([]);
    expect(hit(rx(2006), 'BLC', 'RX-350')?.needs).toEqual([]);
  });
  test('"RX" alone is not specific enough: still asks', () => {
    expect(hit(rx(2006), 'BLC', 'RX')?.needs).toEqual(['model']);
  });
  test.each([2003, 2008])('model year %i: not a hit', (year) => {
    expect(codes(rx(year), 'RX 330')).not.toContain('BLC');
  });
  test('another model: not a hit', () => {
    expect(codes(rx(2005), 'ES 330')).not.toContain('BLC');
  });
});

describe('23LJ01: model, production window, phase', () => {
  const lc = makeVin('JTH', 'KPAAY', 2023, '0001234');
  const nxNap = makeVin('2T2', 'GKCEZ', 2023, '0001234');
  test('a 2023 Japan-built Lexus with nothing else known: asks for model and production month', () => {
    const h = hit(lc, '23LJ01')!;
    expect(h.needs).toEqual(['model', 'productionMonth']);
    expect(h.modelChoices).toEqual(['LC', 'LS', 'GX', 'IS', 'RC F', 'UX', 'NX', 'RX', 'LX', 'RZ']);
    expect(h.remedy.available).toBeNull();
  });
  test('North American build offers only the NAP models', () => {
    expect(hit(nxNap, '23LJ01')!.modelChoices).toEqual(['ES', 'NX', 'RX']);
  });
  test('model known, month not: asks only for the month and shows the window', () => {
    const h = hit(lc, '23LJ01', 'LC')!;
    expect(h.needs).toEqual(['productionMonth']);
    expect(h.productionWindows).toEqual([{ model: 'LC', from: '2022-11-07', to: '2022-12-28', note: null }]);
  });
  test('LC produced December 2022: phase 1, remedy available, order through CPOR, book 45 minutes', () => {
    const h = hit(lc, '23LJ01', 'LC', '2022-12')!;
    expect(h.needs).toEqual([]);
    expect(h.remedy).toMatchObject({ available: true, phase: '1', status: 'remedy-available' });
    expect(h.actions.join('\n')).toMatch(/CPOR/);
    expect(h.actions.join('\n')).toMatch(/45 minutes.*original Smart Key/);
  });
  test('LC produced November 2022 (window start month): in the program, phase unknown, never guessed', () => {
    const h = hit(lc, '23LJ01', 'LC', '2022-11')!;
    expect(h.remedy.available).toBeNull();
    expect(h.remedy.phase).toBeNull();
    expect(h.remedy.explanation).toMatch(/does not state the phase of LC produced 2022-11: check TIS\/SLP/);
    expect(h.actions.join('\n')).toMatch(/goodwill/);
  });
  // October 2022 for LC and UX: outside the chart's window, inside the letter's program table ("Late
  // October 2022 - …"): a hit that names both (lookup-window-documents.test.ts).
  test.each([
    ['LC', '2022-10', true],
    ['LC', '2022-11', true],
    ['LC', '2022-12', true],
    ['LC', '2023-01', false],
    ['UX', '2022-10', true],
    ['UX', '2022-11', true],
    ['UX', '2023-01', true],
    ['UX', '2023-02', false],
    ['RC F', '2023-01', true],
    ['RZ', '2022-12', false],
    ['RZ', '2023-01', true],
    ['RZ', '2024-03', true],
  ])('%s produced %s: a hit = %s', (model, month, inside) => {
    const vin = makeVin('JTH', 'KPAAY', model === 'RZ' ? 2024 : 2023, '0001234');
    expect(codes(vin, model, month).includes('23LJ01')).toBe(inside);
  });
  test('ES is North American: a Japan-built VIN with model ES is not a hit', () => {
    expect(codes(lc, 'ES', '2022-11')).not.toContain('23LJ01');
    expect(codes(makeVin('58A', 'BZ1B1', 2023, '0001234'), 'ES', '2022-10')).toContain('23LJ01');
  });
  test('wrong model year: not a hit', () => {
    expect(codes(makeVin('JTH', 'KPAAY', 2022, '0001234'), 'LC', '2022-12')).not.toContain('23LJ01');
  });
  test('certified pre-owned stock: do not deliver; new/used: disclosure form', () => {
    const h = hit(lc, '23LJ01', 'LC', '2022-12')!;
    expect(h.delivery.find((d) => d.condition === 'certified-pre-owned')!.rule).toBe('do-not-deliver-until-remedied');
    expect(h.delivery.find((d) => d.condition === 'new')!.rule).toBe('deliver-with-disclosure-if-unavailable');
  });
});

describe('the answer as a whole', () => {
  test('a VIN outside every rule: no hits, and says how many campaigns were checked', () => {
    const r = look('1HGCM82633A004352');
    expect(r.campaigns).toEqual([]);
    expect(r.campaignsChecked).toBe(3);
    expect(r.newestRevisionDate).toBe('2024-01-31');
  });
  test('scanner input with a leading I and a newline is normalised', () => {
    expect(look('IJTHBE96S170007930\n').vin).toBe('JTHBE96S170007930');
  });
  test('a check-digit mismatch still runs the lookup, with the warning', () => {
    const r = look('JTHBE96S570007930');
    expect(r.checkDigitValid).toBe(false);
    expect(r.expectedCheckDigit).toBe('1');
    expect(r.warnings).toHaveLength(1);
    expect(r.campaigns.map((c) => c.code)).toEqual(['ALE']);
  });
  test('an invalid VIN is refused with the precise reason', () => {
    expect(() => look('JTHBE96S17OOO7930')).toThrowError(ApiError);
    expect(() => look('JTHBE96S17OOO7930')).toThrowError(/^Position 11: "O" never appears in a VIN; did you mean "0"\?$/);
  });
  test('an affected-list entry makes the answer confirmed', () => {
    const vin = 'JTHBE96S170007930';
    const campaignId = (app.db.sqlite.prepare("SELECT id FROM campaigns WHERE code = 'ALE'").get() as { id: number }).id;
    const list = app.db.sqlite
      .prepare(
        "INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (?, '2010-07-07', 'tis.csv', '2010-07-08T00:00:00Z', 1)",
      )
      .run(campaignId);
    app.db.sqlite.prepare('INSERT INTO affected_vins (vin, list_id, phase) VALUES (?, ?, NULL)').run(vin, list.lastInsertRowid);
    // Written behind the services' back, on their own connection: tell the store, as an import does.
    app.campaigns.invalidate();
    try {
      const h = hit(vin, 'ALE')!;
      expect(h.certainty).toBe('confirmed');
      expect(h.matchedBy).toBe('affected-list');
      expect(h.matchDetail).toBe('On the affected-VIN list of 2010-07-07.');
      expect(h.actions.join('\n')).not.toMatch(/Confirm coverage through TIS/);
    } finally {
      app.db.sqlite.prepare('DELETE FROM affected_vin_lists WHERE id = ?').run(list.lastInsertRowid);
      app.campaigns.invalidate();
    }
  });
});

describe('the lookup statement', () => {
  test('every branch is an index seek, never a scan, even after ANALYZE', () => {
    app.db.sqlite.exec('ANALYZE');
    const plan = app.lookup.plan();
    expect(plan.filter((d) => /^(SEARCH|SCAN)/.test(d)).every((d) => d.startsWith('SEARCH'))).toBe(true);
    expect(plan.join('\n')).toMatch(/SEARCH vehicle_campaigns USING PRIMARY KEY \(vin=\?\)/);
    expect(plan.join('\n')).not.toMatch(/JOIN|AUTOMATIC|BLOOM/);
  });
});
