// The hold report and the follow-up list at a dealer's size: 20,000 stock vehicles and 20,000 serviced
// ones, every one with a campaign. Counts exact; each report in well under a second here (about 0.3 s;
// the limit below only catches a report that went quadratic).
import { describe, expect, test } from 'vitest';
import { serviceCsv, stockCsv } from '../support/synthetic';
import { testApp } from '../support/tempdb';

type App = Awaited<ReturnType<typeof testApp>>;

async function ok<T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
}

async function importVehicles(app: App, content: string, inStock: 'none' | 'add') {
  const p = await ok<{ importId: string }>(app.dispatch('previewVehicles', { fileName: 'dms.csv', content, inStock, mapping: {} }));
  const s = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
  return app.jobs.wait(s.jobId);
}

describe('reports at 20,000 vehicles', () => {
  test('every held stock vehicle and every open campaign, counted per campaign', async () => {
    const app = await testApp();
    await importVehicles(app, stockCsv(20_000), 'add');
    await importVehicles(app, serviceCsv(20_000, 20_000), 'none');

    const holds = await ok<any>(app.dispatch('holdReport', {}));
    expect(holds.vehiclesInStock).toBe(20_000);
    expect(holds.vehiclesHeld).toBe(20_000);
    expect(holds.holds).toHaveLength(20_000);
    expect(holds.perCampaign.map((c: any) => [c.code, c.doNotDeliver, c.withDisclosure, c.performBefore])).toEqual([
      ['23LJ01', 0, 2_000, 0],
      ['ALE', 14_000, 0, 0],
      ['BLC', 0, 0, 4_000],
    ]);
    // The report's order: the loudest hold first, then by campaign, then by stock number.
    const keys = holds.holds.map(
      (h: any) => `${h.hold === 'do-not-deliver-until-remedied' ? 0 : h.hold === 'deliver-with-disclosure-if-unavailable' ? 1 : 2} ${h.code} ${h.stockNumber}`,
    );
    expect(keys).toEqual([...keys].sort());

    const list = await ok<any>(app.dispatch('followUpList', {}));
    expect(list.vehiclesServiced).toBe(20_000);
    expect(list.rows).toHaveLength(20_000);
    expect(list.perCampaign.map((c: any) => [c.code, c.notYetRemedied])).toEqual([
      ['23LJ01', 2_000],
      ['ALE', 14_000],
      ['BLC', 4_000],
    ]);
    // How fast they come is the first-paint bench's business (npm run bench), not a timed test.
  }, 120_000);
});
