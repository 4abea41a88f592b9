// The app never runs ANALYZE, but a tool or a person may. With sqlite_stat4, SQLite re-planned the
// lookup's statement whenever a VIN changed, and every lookup became 2.6x slower. The statement must
// keep its index seek and its speed after ANALYZE, and a reopened database has no sqlite_stat4.
import { expect, test } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { sampleVins, syntheticLibrary } from '../support/synthetic';
import { tempDbPath, testApp } from '../support/tempdb';

const lib = syntheticLibrary(300, 20);
const vins = sampleVins(lib, 2000);

async function loaded(dbPath = tempDbPath()) {
  const app = await testApp({ dbPath });
  app.db.sqlite.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  return app;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

test('after ANALYZE (sqlite_stat4) a lookup keeps its seek and its speed', { timeout: 60_000 }, async () => {
  const plain = await loaded();
  const analyzed = await loaded();
  analyzed.db.sqlite.exec('ANALYZE');
  expect(analyzed.db.sqlite.prepare("SELECT count(*) FROM sqlite_stat4 WHERE tbl = 'vin_range_rules'").pluck().get()).toBeGreaterThan(0);

  const plan = analyzed.lookup.plan().join('\n');
  expect(plan).toMatch(/SEARCH vin_range_rules USING INDEX vin_range_rules_lookup \(wmi=\? AND vds=\? AND year_code=\? AND serial_from<\?\)/);
  expect(plan).toMatch(/SEARCH affected_vins USING PRIMARY KEY \(vin=\?\)/);

  // Interleaved, so the machine's noise falls on both alike.
  const t = { plain: [] as number[], analyzed: [] as number[] };
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < vins.length; i++) {
      for (const [name, app] of [
        ['plain', plain],
        ['analyzed', analyzed],
      ] as const) {
        const t0 = performance.now();
        app.lookup.lookup({ vin: vins[i]! });
        if (round === 1) t[name].push(performance.now() - t0);
      }
    }
  }
  const ratio = median(t.analyzed) / median(t.plain);
  expect(ratio, `median lookup after ANALYZE / without: ${ratio.toFixed(2)}`).toBeLessThan(1.5);
});

test('a database analyzed by another tool has no sqlite_stat4 once the app opens it', async () => {
  const dbPath = tempDbPath();
  const app = await loaded(dbPath);
  app.db.sqlite.exec('ANALYZE');
  await app.close();
  const db = await openDatabase(dbPath);
  try {
    const stats = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%' ORDER BY name").pluck().all();
    expect(stats).toEqual(['sqlite_stat1']);
  } finally {
    await db.close();
  }
});
