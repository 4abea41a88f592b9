// Suggestion keys and chosen keys no longer suggested (main/parts/suggest.ts), rules the mutation run
// found no test holding: two lines without a vehicle that would share a key are told apart, and a
// refusal names every kind of key in words (one that is not a line's key at all, quoted) and counts
// what it leaves out after ten. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { call, LC, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const movements = (app: App) => app.db.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get() as number;

describe('two lines that would share a key', () => {
  test('two parts of one campaign without a number yet: the second line’s key is told apart', async () => {
    const app = await testApp();
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === 'BLC')) as Record<string, any>;
    b.revisionDate = '2026-11-20';
    b.parts = [
      { partNumber: null, partNumberPerVin: null, description: 'Carpet cover', quantity: 1, macCode: null, released: false, note: null },
      { partNumber: null, partNumberPerVin: null, description: 'Clip', quantity: 1, macCode: null, released: false, note: null },
    ];
    await call(app, 'importBulletin', { fileName: 'BLC.json', content: JSON.stringify(b) });
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC');
    expect(lines.map((l) => [l.key, l.method, l.reason])).toEqual([
      ['BLC||', 'none', 'No order: part number not yet released.'],
      ['BLC||#2', 'none', 'No order: part number not yet released.'],
    ]);
  });
});

describe('chosen keys no longer suggested', () => {
  test('each is named in words, a key that is not a line’s key quoted, and after ten the rest are counted', async () => {
    const app = await testApp();
    const made = Array.from({ length: 8 }, (_, i) => `BLC|12345-6789${i}|`);
    const keys = ['nonsense', 'BLC|12345', '|12345-00000|', `ALE||${LC}`, ...made];
    const e = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys });
    expect([e.code, e.message, e.details]).toEqual([
      'conflict',
      `12 chosen lines are no longer suggested: "nonsense"; "BLC|12345";  12345-00000; ALE for ${LC}; BLC 12345-67890; BLC 12345-67891; BLC 12345-67892; BLC 12345-67893; BLC 12345-67894; BLC 12345-67895 and 2 more. Nothing was recorded: look at the suggestions again and choose again.`,
      ['"nonsense"', '"BLC|12345"', ' 12345-00000', `ALE for ${LC}`, ...made.map((k) => `BLC ${k.split('|')[1]}`)],
    ]);
    const ten = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys: keys.slice(0, 10) });
    expect(ten.message).toMatch(/; BLC 12345-67895\. Nothing was recorded/);
    expect(movements(app)).toBe(0);
  });

  test('eleven chosen lines that order nothing: the first ten are named, each with why, and nothing is recorded', async () => {
    const app = await testApp();
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === 'BLC')) as Record<string, any>;
    b.revisionDate = '2026-11-20';
    b.parts = Array.from({ length: 11 }, (_, i) => ({
      partNumber: null,
      partNumberPerVin: null,
      description: `Part ${i + 1}`,
      quantity: 1,
      macCode: null,
      released: false,
      note: null,
    }));
    await call(app, 'importBulletin', { fileName: 'BLC.json', content: JSON.stringify(b) });
    const keys = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC').map((l) => l.key);
    expect(keys).toEqual(['BLC||', ...Array.from({ length: 10 }, (_, i) => `BLC||#${i + 2}`)]);
    const e = await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', keys });
    const named = ['BLC', ...Array.from({ length: 9 }, (_, i) => `BLC (line ${i + 2})`)].map((k) => `${k} orders nothing (no order)`);
    expect([e.code, e.message]).toEqual(['invalid-input', `${named.join('; ')}: choose only stock and CPOR lines.`]);
    expect(movements(app)).toBe(0);
  });
});
