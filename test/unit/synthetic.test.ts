// The bench's synthetic dealer (test/support/synthetic.ts) at 100,000 stock and 100,000 serviced
// vehicles: every VIN valid, none twice, and the ALE share inside ALE's own VIN ranges.
import { describe, expect, it } from 'vitest';
import ALE from '../../main/campaigns/library/ALE.json' with { type: 'json' };
import { quickVin } from '../../shared/vin';
import { syntheticVehicle } from '../support/synthetic';

describe('synthetic vehicles', () => {
  it('gives 200,000 distinct valid VINs, seven in ten inside an ALE range (the first-paint bench at 100,000)', () => {
    const seen = new Set<string>();
    let ale = 0;
    for (let i = 0; i < 200_000; i++) {
      const v = syntheticVehicle(i);
      seen.add(v.vin);
      if (i % 10 < 7) {
        const serial = Number(v.vin.slice(10));
        const inside = ALE.vinRanges.some(
          (r) =>
            v.vin.startsWith(r.wmi) && v.vin.slice(3, 8) === r.vds && v.year === r.modelYear && serial >= Number(r.serialFrom) && serial <= Number(r.serialTo),
        );
        if (inside) ale++;
      }
    }
    expect(seen.size).toBe(200_000);
    expect(ale).toBe(140_000);
    for (const i of [0, 41_000, 99_999, 199_999]) expect(quickVin(syntheticVehicle(i).vin)?.checkDigitValid, `vehicle ${i}`).toBe(true);
  });
});
