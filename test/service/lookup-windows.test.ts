// The per-year window index hands the lookup only the rules a model can fit: exactly those the full
// pass over the year's rules would have kept (modelFit yes or maybe), in the same order.
import { expect, test } from 'vitest';
import { normalizeModel } from '../../shared/bulletin';
import { modelFit } from '../../main/lookup/match';
import { rng, syntheticWindowLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

test('windows for a model are the ones that fit it, in rule order', { timeout: 60_000 }, async () => {
  const app = await testApp();
  const lib = syntheticWindowLibrary(1500, 5);
  app.db.sqlite.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  const r = rng(3);
  // Whole models, their families, longer variants, near misses and the empty key.
  const keys = [...lib.models.map(normalizeModel), ...lib.models.map((m) => normalizeModel(m).slice(0, 2)), 'QX5509H', 'A', ''];
  let compared = 0;
  for (let i = 0; i < 400; i++) {
    const year = 2000 + Math.floor(r() * 27);
    const region = ['North America', 'Japan', 'Europe', 'Asia', ''][i % 5]!;
    const key = keys[Math.floor(r() * keys.length)]!;
    const all = app.campaigns.windowsFor(year, region);
    const expected = all.filter((w) => modelFit(key, w.model_key) !== 'no');
    expect(app.campaigns.windowsFor(year, region, key)).toEqual(expected);
    compared += expected.length;
  }
  expect(compared).toBeGreaterThan(100);
});
