// A window the bulletin's documents state differently (ModelWindowRule.alsoStated): 23LJ01's program
// table says LC "Late October 2022 - Late December 2022", its eligibility chart 11/7/2022 to 12/28/2022.
// Neither wins: a month only one of them takes in is a "verify" that names both.
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { ok } from '../support/envelope';
import { LC } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const hitOf = (app: Awaited<ReturnType<typeof testApp>>, vin: string, model: string, month: string) =>
  app.lookup.lookup({ vin, model, productionMonth: month }).campaigns.find((c) => c.code === '23LJ01');

describe("the bulletin's documents differ on a production window", () => {
  test('LC produced 10/2022: outside the chart, inside the program table: verify, with both and what to do', async () => {
    const app = await testApp({ vpicPath: null });
    const h = hitOf(app, LC, 'LC', '2022-10');
    expect(h, 'the program table takes in late October 2022').toBeDefined();
    expect(h!.certainty).toBe('verify');
    expect(h!.matchDetail).toBe(
      `LC 2023 produced 2022-10: outside the window 2022-11-07 to 2022-12-28, but the dealer letter's program table ("Late October 2022 - Late December 2022") takes in 2022-10: the bulletin's documents differ, so the month neither confirms nor rules it out.`,
    );
    expect(h!.actions[0]).toBe(
      "The bulletin's documents differ on this model's production window: confirm the vehicle in TIS/SLP by its VIN before you answer.",
    );
    // The chart states no phase for October: unknown, never guessed.
    expect([h!.remedy.available, h!.remedy.status]).toEqual([null, 'unknown']);
  });

  test('a month neither document takes in is still no campaign', async () => {
    const app = await testApp({ vpicPath: null });
    expect(hitOf(app, LC, 'LC', '2022-09')).toBeUndefined();
    expect(hitOf(app, LC, 'LC', '2023-01')).toBeUndefined();
  });

  test('a month the window takes in and the other statement leaves out: the match stands and says so', async () => {
    const app = await testApp({ vpicPath: null });
    const nx = makeVin('JTJ', 'GKCEZ', 2024, 'A012345');
    const h = hitOf(app, nx, 'NX', '2023-12')!;
    expect(h.matchDetail).toMatch(/^NX 2024 produced 2023-12: inside the window from 2022-1\d-\d\d, which has no end date/);
    expect(h.matchDetail).toContain(
      `But the dealer letter's program table ("Early November 2022 - Late October 2023") leaves 2023-12 out: the bulletin's documents differ.`,
    );
    expect(h.actions[0]).toMatch(/^The bulletin's documents differ/);
  });

  test('where both agree, nothing changes: GX produced 12/2022 reads inside, with the usual next steps', async () => {
    const app = await testApp({ vpicPath: null });
    const gx = makeVin('JTJ', 'BM7FX', 2023, 'A012345');
    const h = hitOf(app, gx, 'GX', '2022-12')!;
    expect(h.matchDetail).toBe('GX 2023 produced 2022-12: inside the window 2022-11-07 to 2023-01-10.');
    expect(h.actions.some((a) => a.startsWith("The bulletin's documents differ"))).toBe(false);
  });

  test('an imported bulletin: months out of order, or months without saying where, are refused with the reason', async () => {
    const app = await testApp({ vpicPath: null });
    const d = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
    d.revisionDate = '2024-02-15';
    d.modelWindows[0].alsoStatedFrom = '2023-01';
    d.modelWindows[0].alsoStatedTo = '2022-10';
    const outOfOrder = await app.dispatch('importBulletin', { fileName: '23LJ01.json', content: JSON.stringify(d) });
    expect(outOfOrder.ok).toBe(false);
    expect(JSON.stringify(outOfOrder)).toContain('alsoStatedFrom must not be after alsoStatedTo');
    d.modelWindows[0].alsoStatedFrom = '2022-10';
    d.modelWindows[0].alsoStatedTo = '2022-12';
    d.modelWindows[0].alsoStated = null;
    const unsaid = await app.dispatch('importBulletin', { fileName: '23LJ01.json', content: JSON.stringify(d) });
    expect(unsaid.ok).toBe(false);
    expect(JSON.stringify(unsaid)).toContain('alsoStated must say where and how');
    // A revision that states none: the chart alone decides, and 10/2022 is no campaign.
    for (const w of d.modelWindows) Object.assign(w, { alsoStatedFrom: null, alsoStatedTo: null, alsoStated: null });
    await ok(app.dispatch('importBulletin', { fileName: '23LJ01.json', content: JSON.stringify(d) }));
    expect(hitOf(app, LC, 'LC', '2022-10')).toBeUndefined();
  });
});
