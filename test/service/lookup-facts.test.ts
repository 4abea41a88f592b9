// Facts stated exactly as sure as they are (issue 17): the model year the VIN rules and the vPIC decode
// read, on real SQLite files through the services and the API, with the app's own clock.
import { describe, expect, test } from 'vitest';
import type { LookupResult } from '../../shared/api';
import { computeCheckDigit } from '../../shared/vin';
import { ok } from '../support/envelope';
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
