// A campaign's parts are read two ways: without an amendment (most campaigns: the bulletin's parts as
// printed, no map of amendments made) and with amendments. For the parts no amendment names, both ways
// give the same facts, byte for byte as they are sent: the built-in bulletins' parts (numbered, per-VIN
// patterns, unnumbered, MAC codes, notes) and the synthetic ones.
import { expect, test } from 'vitest';
import { campaignParts } from '../../main/parts/catalog';
import type { Row } from '../../main/db/schema';
import { Bulletin } from '../../shared/bulletin';
import LJ01 from '../../main/campaigns/library/23LJ01.json' with { type: 'json' };
import ALE from '../../main/campaigns/library/ALE.json' with { type: 'json' };
import BLC from '../../main/campaigns/library/BLC.json' with { type: 'json' };
import { syntheticLibrary } from '../support/synthetic';
import { withStockParts } from '../support/stock-parts';

/** An amendment of a part no bulletin lists (it is added after the printed parts, which it leaves as they are). */
const elsewhere = (code: string): Row<'part_amendments'> => ({
  id: 1,
  campaign_code: code,
  part_key: 'ADDED-1',
  part_number: 'ADDED-1',
  description: 'Added at the counter',
  quantity: 1,
  mac_code: null,
  released: 1,
  per_vin: null,
  allocation: null,
  bulletin_revision: '2020-01-01',
  made_by: 'parts',
  made_at: '2026-11-01T10:00:00Z',
});

test('without an amendment, the printed parts read as they read beside an amendment of another part', () => {
  const synthetic = syntheticLibrary(12, 1, 3).bulletins;
  for (const [c, b] of synthetic.entries()) withStockParts(b, c, { doubleEvery: 3, conditions: 2 });
  const bulletins = [...[LJ01, ALE, BLC].map((b) => Bulletin.parse(b)), ...synthetic];
  const printed = bulletins.flatMap((b) => b.parts);
  // The case is worth having: per-VIN patterns, unnumbered parts, MAC codes and notes are among them.
  expect(printed.some((p) => p.partNumberPerVin)).toBe(true);
  expect(printed.some((p) => p.partNumber === null)).toBe(true);
  expect(printed.some((p) => p.macCode !== null)).toBe(true);
  expect(printed.some((p) => p.note !== null)).toBe(true);
  for (const b of bulletins) {
    const alone = campaignParts(b.code, b, []);
    const beside = campaignParts(b.code, b, [elsewhere(b.code)]);
    expect(beside).toHaveLength(b.parts.length + 1);
    expect(JSON.stringify(alone), b.code).toBe(JSON.stringify(beside.slice(0, b.parts.length)));
  }
});
