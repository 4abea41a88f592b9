// The bundles carry the built-in bulletins as the build parsed them (scripts/build.mjs) and a first start
// stores them without parsing them again: a database the built CLI makes must hold exactly what a start
// from source, which parses them with zod, stores.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testApp } from '../support/tempdb';

const CAMPAIGNS = 'SELECT code, kind, title, revision_date, revision_label, origin, document FROM campaigns ORDER BY code';
const PART_FACTS = 'SELECT c.code, f.facts FROM campaign_part_facts f JOIN campaigns c ON c.id = f.campaign_id ORDER BY c.code';

function rowsOf(file: string, sql: string): unknown[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

test('a database the built CLI makes holds the built-in bulletins exactly as a start from source stores them', { timeout: 60_000 }, async () => {
  const built = path.join(tempDir(), 'built.sqlite');
  const r = cli(['campaigns', '--db', built]);
  expect(r.code, r.stderr).toBe(0);
  const fromSource = path.join(tempDir(), 'source.sqlite');
  const app = await testApp({ dbPath: fromSource });
  await app.close();
  const campaigns = rowsOf(built, CAMPAIGNS);
  expect(campaigns.map((c) => (c as { code: string }).code)).toEqual(['23LJ01', 'ALE', 'BLC']);
  expect(campaigns).toEqual(rowsOf(fromSource, CAMPAIGNS));
  expect(rowsOf(built, PART_FACTS)).toEqual(rowsOf(fromSource, PART_FACTS));
});
