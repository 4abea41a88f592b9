// Facts stated exactly as sure as they are (issue 17): the model year the VIN rules and the vPIC decode
// read, on real SQLite files through the services and the API, with the app's own clock.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import type { LookupResult } from '../../shared/api';
import { computeCheckDigit } from '../../shared/vin';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { call, importVehicles, importVinList, LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

const withCheckDigit = (v: string) => v.slice(0, 8) + computeCheckDigit(v) + v.slice(9);

describe('model years', () => {
  test('JTHBE9AS050001234 is a 2005 today, and 2035 only from 2034 on (the injected clock decides)', async () => {
    const today = await testApp();
    expect(today.lookup.lookup({ vin: 'JTHBE9AS050001234' }).modelYear).toBe(2005);
    const later = await testApp({ now: () => new Date('2034-06-01T12:00:00Z'), vpicPath: null });
    expect(later.lookup.lookup({ vin: 'JTHBE9AS050001234' }).modelYear).toBe(2035);
  });

  test('the vPIC decoder and the VIN rules agree on the year of every VIN', { timeout: 120_000 }, async () => {
    const app = await testApp();
    await app.vpic!.start();
    // Every year code, with a letter and with a digit at position 7, across makes and regions.
    const wmis = ['JTH', 'JTJ', '2T2', '1HG', '5YJ', 'WBA', 'KMU', '58A'];
    const codes = 'ABCDEFGHJKLMNPRSTVWXY123456789';
    const vins: string[] = [];
    for (let i = 0; i < codes.length; i++) {
      for (const p7 of ['A', '6']) vins.push(withCheckDigit(`${wmis[(i * 2 + (p7 === 'A' ? 0 : 1)) % wmis.length]}BE9${p7}S0${codes[i]}0012345`));
    }
    let decoded = 0;
    for (const vin of vins) {
      const r = await ok<LookupResult>(app.dispatch('lookup', { vin }));
      if (!r.decoded) continue;
      decoded++;
      expect([vin, r.decoded.modelYear]).toEqual([vin, r.modelYear]);
      expect(r.modelYear).toBeLessThanOrEqual(2027);
    }
    expect(decoded).toBeGreaterThan(40);
  });
});

// 23LJ01: "Only vehicles in the currently launched phase(s) will be searchable on TIS." A VIN on a list
// exported from TIS is in a launched phase; the phase the bulletin states for its model and month stays.
describe('23LJ01: a VIN on an affected-VIN list without a Phase column', () => {
  const lj = (app: App, vin: string) => app.lookup.lookup({ vin }).campaigns.find((c) => c.code === '23LJ01')!;
  const cporFor = async (app: App, vin: string) => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor' && l.vin === vin);

  test('an LC 2023 built 12/2022 reads "remedy available, phase 1" before the import and after it; the suggestions agree', async () => {
    const app = await testApp({ vpicPath: null });
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,U`].join('\r\n'), 'add');
    const before = lj(app, LC);
    expect([before.certainty, before.remedy.available, before.remedy.phase]).toEqual(['verify', true, '1']);
    await importVinList(app, '23LJ01', [LC]);
    const after = lj(app, LC);
    expect([after.certainty, after.remedy.available, after.remedy.phase]).toEqual(['confirmed', true, '1']);
    expect(after.remedy.explanation).toMatch(/^Remedy available \(Phase 1/);
    expect(await cporFor(app, LC)).toHaveLength(1);
  });

  test('a listed LC with no model or month on file: remedy available (a launched phase, which one not stated), on the card and in the suggestions', async () => {
    const app = await testApp({ vpicPath: null });
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S2,${LC2},2023,,,U`].join('\r\n'), 'add');
    await importVinList(app, '23LJ01', [LC2]);
    const hit = lj(app, LC2);
    expect([hit.certainty, hit.remedy.available, hit.remedy.status, hit.remedy.phase]).toEqual(['confirmed', true, 'remedy-available', null]);
    expect(hit.remedy.explanation).toContain('Only vehicles in the currently launched phase(s) will be searchable on TIS.');
    expect(hit.remedy.explanation).toMatch(/does not say which phase/);
    const lines = await cporFor(app, LC2);
    expect(lines.map((l) => l.reason)).toEqual([expect.stringMatching(/^In stock #S2 \(Used\), on the affected list of 2026-11-20:/)]);
    // The booking reads the same answer: no goodwill reason needed.
    const p = await call(app, 'previewBooking', { vin: LC2 });
    expect(p.campaigns.find((c) => c.code === '23LJ01')?.available).toBe(true);
  });

  test('a listed VIN whose stated phase the revision had not launched: the phase stays named, launched since', async () => {
    const app = await testApp({ vpicPath: null });
    // A revision whose chart puts LC produced 11/2022 in phase 6, still "announcement expected".
    const d = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
    d.revisionDate = '2024-02-15';
    d.phaseChart.push({ window: 'LC-JP', month: '2022-11', phase: '6' });
    await ok(app.dispatch('importBulletin', { fileName: '23LJ01.json', content: JSON.stringify(d) }));
    const ask = () => app.lookup.lookup({ vin: LC, model: 'LC', productionMonth: '2022-11' }).campaigns.find((c) => c.code === '23LJ01')!;
    expect([ask().remedy.available, ask().remedy.phase]).toEqual([false, '6']);
    await importVinList(app, '23LJ01', [LC]);
    const h = ask();
    expect([h.certainty, h.remedy.available, h.remedy.phase]).toEqual(['confirmed', true, '6']);
    expect(h.remedy.explanation).toMatch(
      /^Remedy available \(Phase 6\): .* The bulletin revision said of Phase 6: Not yet available: .*; the list shows it launched since\.$/,
    );
  });
});

// The window 2022-11-07 to 2022-12-28: a vehicle produced in 11/2022 may have been built before the 7th.
describe('a production month that straddles a window edge', () => {
  test('LC produced 11/2022 is not "inside the window": the window starts on the 7th, and the build date is asked for', async () => {
    const app = await testApp({ vpicPath: null });
    const h = app.lookup.lookup({ vin: LC, model: 'LC', productionMonth: '2022-11' }).campaigns.find((c) => c.code === '23LJ01')!;
    expect(h.certainty).toBe('verify');
    expect(h.matchDetail).not.toMatch(/inside/);
    expect(h.matchDetail).toBe(
      'LC 2023 produced 2022-11: the window starts on 2022-11-07, the 7th of that month: built from the 7th on, it is covered; built before, it is not.',
    );
    expect(h.certaintyReason).toContain('the window starts on 2022-11-07');
    expect(h.actions[0]).toMatch(/^Read the build date/);
  });
  test('LC produced 12/2022: the window ends on the 28th; the phase the bulletin states for December stays', async () => {
    const app = await testApp({ vpicPath: null });
    const h = app.lookup.lookup({ vin: LC, model: 'LC', productionMonth: '2022-12' }).campaigns.find((c) => c.code === '23LJ01')!;
    expect(h.matchDetail).toBe(
      'LC 2023 produced 2022-12: the window ends on 2022-12-28, the 28th of that month: built up to the 28th, it is covered; built after, it is not.',
    );
    expect([h.remedy.available, h.remedy.phase]).toEqual([true, '1']);
  });
  test('a month wholly inside still reads "inside the window"', async () => {
    const app = await testApp({ vpicPath: null });
    const gx = makeVin('JTJ', 'BM7FX', 2023, 'A012345');
    const h = app.lookup.lookup({ vin: gx, model: 'GX', productionMonth: '2022-12' }).campaigns.find((c) => c.code === '23LJ01')!;
    expect(h.matchDetail).toBe('GX 2023 produced 2022-12: inside the window 2022-11-07 to 2023-01-10.');
  });
});

// vPIC's model is what the manufacturer registered for a VIN pattern; a bulletin's VIN range, the dealer's
// record or the person at the counter may name another. Both are shown, labelled; never silently one.
describe('the vPIC decode and the bulletin disagree on the model', () => {
  test("an LS 600h L inside ALE's range that vPIC decodes as an LS 460: both, labelled", async () => {
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: withCheckDigit('JTHDU46F085009305') }));
    expect([r.model, r.modelSource, r.decoded?.ruleModel]).toEqual(['LS 600h L', 'vin-range', 'LS 460']);
    expect(r.modelConflict).toEqual({
      model: 'LS 600h L',
      modelSource: 'vin-range',
      decoded: 'LS 460',
      text: "Two models: the bulletin's VIN range names LS 600h L; NHTSA vPIC decodes LS 460. The campaigns are matched on LS 600h L: check the model on the vehicle.",
    });
  });
  test('an RC F that vPIC decodes as "RC": the stated model and the decode, both', async () => {
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: withCheckDigit('JTHDP5BC0P5012345'), model: 'RC F' }));
    expect(r.decoded?.model).toBe('RC');
    expect(r.modelConflict).toMatchObject({ model: 'RC F', modelSource: 'stated', decoded: 'RC' });
    expect(r.modelConflict!.text).toMatch(/^Two models: you stated RC F; NHTSA vPIC decodes RC\./);
  });
  test('where they agree, nothing is said', async () => {
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: '2T2HA31U660012345', model: 'RX330' }));
    expect(r.modelConflict).toBeNull();
  });
});

// vPIC's plant patterns can name another schema's plant: a 2T2 (Toyota Motor Manufacturing Canada) RX
// read "built in Japan". The country is the plant code's where it agrees with the WMI's, else the WMI's.
describe('where the vehicle was built, with its source', () => {
  test.each([
    ['2T2HK31U07C012345', 'Canada', 'wmi'],
    ['2T2BK1BA0AC012345', 'Canada', 'wmi'],
    ['2T2BZMCA3KC012345', 'Canada', 'plant-code'],
    ['JTHBE96S170007930', 'Japan', 'wmi'],
  ])('%s: built in %s (from the %s)', async (raw, country, source) => {
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: withCheckDigit(raw) }));
    expect([r.decoded?.plantCountry, r.decoded?.plantCountrySource]).toEqual([country, source]);
  });
  test('the decoded line says the source', async () => {
    const { decodedLine } = await import('../../shared/wording');
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: withCheckDigit('2T2HK31U07C012345') }));
    expect(decodedLine(r.modelYear, r.decoded!)).toBe('2007 Lexus RX 350 · built in Canada (vPIC: the country of WMI 2T2)');
  });
});

// Facts the bulletins do not state carry their real source.
describe('facts the bulletins do not state, labelled with their real source', () => {
  test('the WMI lists of BLC and 23LJ01 come from NHTSA vPIC (the letters state none): labelled so, and vPIC does register them for Lexus', async () => {
    const app = await testApp();
    await app.vpic!.start();
    const { parseBuiltIns } = await import('../../main/campaigns/library/documents');
    for (const b of parseBuiltIns()) {
      if (b.code === 'ALE') {
        // ALE's letter has a WMI column: its list is the bulletin's own.
        expect(b.wmisSource).toBeNull();
        expect(new Set(b.vinRanges.map((r) => r.wmi))).toEqual(new Set(b.wmis));
        continue;
      }
      expect(b.wmisSource, b.code).toMatch(/^NHTSA vPIC/);
      for (const wmi of b.wmis) expect(app.vpic!.makesOf(wmi), `${b.code} ${wmi}`).toContain('Lexus');
    }
  });
  test("BLC's 'remedy available' says it is inferred from a re-notification asking dealers to complete the repairs", async () => {
    const app = await testApp({ vpicPath: null });
    const blc = app.lookup.lookup({ vin: '2T2HA31U660012345', model: 'RX 330' }).campaigns.find((c) => c.code === 'BLC')!;
    expect(blc.remedy.available).toBe(true);
    expect(blc.remedy.explanation).toMatch(
      /Inferred: the letter does not say the remedy is available; it is a re-notification that asks dealers to complete the recall repairs/,
    );
  });
});

// Some Genesis vehicles carry a letter ("D") at position 9, where a check digit (0-9 or X) belongs: NHTSA
// lists them as check-digit exceptions. vPIC knows the rest of the VIN: the decode is shown, the warning softer.
describe('a letter at position 9 where vPIC decodes the rest of the VIN', () => {
  const GV70 = 'KMUMA4ABDSU123456';
  test('a 2025 Genesis GV70 with a "D" at position 9: decoded, and a softer warning than "probably a typo"', async () => {
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: GV70 }));
    expect(r.checkDigitValid).toBe(false);
    expect(r.decoded).toMatchObject({ make: 'Genesis', model: 'GV70', modelYear: 2025 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).not.toMatch(/typo/i);
    expect(r.warnings[0]).toBe(
      'Position 9 is "D", a letter where a check digit (0-9 or X) belongs; the rest of the VIN calls for "0". NHTSA vPIC decodes the rest of it (2025 Genesis GV70): manufacturers have issued VINs like this. Compare the VIN with the vehicle\'s label; results are shown.',
    );
  });
  test('a wrong digit at position 9 is still "probably a typo", decode or not', async () => {
    const app = await testApp();
    const r = await ok<LookupResult>(app.dispatch('lookup', { vin: 'JTHBE96S570007930' }));
    expect(r.decoded?.model).toBe('GS');
    expect(r.warnings[0]).toMatch(/Probably a typo/);
  });
  test('without the decode (vPIC not ready), the loud warning stays', async () => {
    const app = await testApp({ vpicPath: null });
    expect(app.lookup.lookup({ vin: GV70 }).warnings[0]).toMatch(/Probably a typo/);
  });
});
