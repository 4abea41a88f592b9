// The lookup keeps the answers of VINs without rows of their own under a key naming what they depend
// on. A model recorded as the text "null" (a DMS export writes what it has) is not the same as no model:
// the second VIN's answer must not be the first one's.
import { expect, test } from 'vitest';
import { ok } from '../support/envelope';
import { importVehicles } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

test('a vehicle recorded with the model "null" and one with no model get their own answers', async () => {
  const app = await testApp();
  const named = makeVin('JTH', 'KPAAY', 2023, '0300001');
  const unnamed = makeVin('JTH', 'KPAAY', 2023, '0300002');
  await importVehicles(app, `Stock #,VIN,Year,Model,New/Used\nS1,${named},2023,null,N\nS2,${unnamed},2023,,N\n`, 'add');
  const fresh = await testApp();
  await importVehicles(fresh, `Stock #,VIN,Year,Model,New/Used\nS2,${unnamed},2023,,N\n`, 'add');
  const alone = (await ok<{ campaigns: { code: string; needs: string[] }[] }>(fresh.dispatch('lookup', { vin: unnamed }))).campaigns;
  expect(alone.map((c) => c.code)).toContain('23LJ01');

  const first = await ok<{ model: string | null }>(app.dispatch('lookup', { vin: named }));
  expect(first.model).toBe('null');
  const second = await ok<{ model: string | null; campaigns: { code: string; needs: string[] }[] }>(app.dispatch('lookup', { vin: unnamed }));
  expect(second.model).toBeNull();
  expect(second.campaigns.map((c) => [c.code, c.needs])).toEqual(alone.map((c) => [c.code, c.needs]));
}, 60_000);
