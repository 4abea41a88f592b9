// The bundles decode with corgi bundled, its pattern sort replaced (scripts/build.mjs) and its rows read
// through the app's adapter (main/vehicles/vpic-worker.ts): each VIN must decode exactly as the corgi
// package installed decodes it on its own, with its own adapter and localeCompare. (The sort's order
// decides only ties that these VINs may not have: test/service/pattern-order.test.ts holds it on every key.)
import path from 'node:path';
import { createDecoder } from '@cardog/corgi';
import { expect, test } from 'vitest';
import { decodableVin, decodeOptions, describeDecode } from '../../main/vehicles/decoded';
import { VpicDecoder } from '../../main/vehicles/vpic';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { SHARED_VPIC, tempDir } from '../support/tempdb';

// Several makes, plants and years: Lexus and Toyota of Japan and North America, Honda, Ford, Genesis.
const VINS = [
  makeVin('JTH', 'BE96S', 2007, '0012345'),
  makeVin('JTJ', 'HY7AX', 2019, '4000123'),
  makeVin('2T2', 'HA31U', 2006, '0012345'),
  makeVin('JTD', 'KB20U', 2010, '3012345'),
  makeVin('4T1', 'BF1FK', 2015, 'U012345'),
  makeVin('1HG', 'CM826', 2004, 'A012345'),
  makeVin('1FA', 'HP3FN', 2012, 'L012345'),
  makeVin('KMT', 'G34LA', 2019, 'U012345'),
];

test('the built CLI decodes each VIN as the corgi package alone decodes it', { timeout: 120_000 }, async () => {
  // The shared vPIC file exists (unpacked and indexed) before corgi opens it on its own.
  const opener = new VpicDecoder(SHARED_VPIC, null, null, undefined, 'inline');
  await opener.start();
  await opener.close();
  const corgi = await createDecoder({ databasePath: SHARED_VPIC });
  const db = path.join(tempDir(), 'db.sqlite');
  let decoded = 0;
  try {
    for (const vin of VINS) {
      const r = await corgi.decode(decodableVin(vin), decodeOptions(vin, new Date()));
      const expected = r.components.wmi ? describeDecode({ vin, components: r.components }) : null;
      if (expected) decoded++;
      const out = cli(['lookup', vin, '--db', db, '--json']);
      expect(out.code, out.stderr).toBe(0);
      expect((JSON.parse(out.stdout) as { decoded: unknown }).decoded, vin).toEqual(expected);
    }
  } finally {
    await corgi.close();
  }
  // Not a comparison of nothing with nothing.
  expect(decoded).toBeGreaterThanOrEqual(6);
});
