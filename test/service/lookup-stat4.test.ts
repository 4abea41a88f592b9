// The app never runs ANALYZE, but a tool or a person may. With sqlite_stat4, SQLite re-planned the
// lookup's statement whenever a VIN changed, and every lookup became 2.6x slower. The statement must
// keep its index seek after ANALYZE (its speed is a bench line), and a reopened database has no sqlite_stat4.
import { expect, test } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { syntheticLibrary } from '../support/synthetic';
import { tempDbPath, testApp } from '../support/tempdb';

const lib = syntheticLibrary(300, 20);

async function loaded(dbPath = tempDbPath()) {
  const app = await testApp({ dbPath });
  app.db.sqlite.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  return app;
}

test('after ANALYZE (sqlite_stat4) a lookup keeps its seek', { timeout: 60_000 }, async () => {
  const analyzed = await loaded();
  analyzed.db.sqlite.exec('ANALYZE');
  expect(analyzed.db.sqlite.prepare("SELECT count(*) FROM sqlite_stat4 WHERE tbl = 'vin_range_rules'").pluck().get()).toBeGreaterThan(0);

  const plan = analyzed.lookup.plan().join('\n');
  expect(plan).toMatch(/SEARCH vin_range_rules USING INDEX vin_range_rules_lookup \(wmi=\? AND vds=\? AND year_code=\? AND serial_from<\?\)/);
  expect(plan).toMatch(/SEARCH affected_vins USING PRIMARY KEY \(vin=\?\)/);
  // Its speed beside an unanalyzed file is the bench's line (npm run bench: 'service analyzed / not
  // analyzed'), not a timed test.
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
