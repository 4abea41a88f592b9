// The chain as a whole: numbered in order, each with its own test (migrations/), idempotent across starts.
import { describe, expect, test } from 'vitest';
import { migrations } from '../../main/db/migrations/index';
import { openDatabase } from '../../main/db/open';
import { tempDbPath } from '../support/tempdb';

describe('migrations', () => {
  test('names are numbered and in order', () => {
    // Numbers are handed out per branch, so one may be missing here until its branch is merged (006).
    const names = Object.keys(migrations);
    const numbers = names.map((n) => {
      expect(n).toMatch(/^\d{3}_[a-z0-9_]+$/);
      return Number(n.slice(0, 3));
    });
    expect(numbers[0]).toBe(1);
    numbers.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(numbers[i]!));
  });

  test('every migration has its own test from the shape before it', async () => {
    const fs = await import('node:fs');
    const here = new URL('./migrations/', import.meta.url);
    for (const name of Object.keys(migrations)) expect(fs.existsSync(new URL(`${name}.test.ts`, here))).toBe(true);
  });

  test('opening twice applies nothing the second time', async () => {
    const file = tempDbPath();
    const a = await openDatabase(file);
    const count = () => a.sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get();
    expect(count()).toBe(Object.keys(migrations).length);
    await a.close();
    const b = await openDatabase(file);
    expect(b.sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(Object.keys(migrations).length);
    await b.close();
  });

  test('foreign keys are enforced: deleting a campaign removes its rules', async () => {
    const a = await openDatabase(tempDbPath());
    try {
      a.sqlite
        .prepare(
          "INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES ('X', 'other', 't', '2020-01-01', 'l', 'imported', '{}', 'now')",
        )
        .run();
      a.sqlite
        .prepare(
          "INSERT INTO vin_range_rules (campaign_id, wmi, vds, year_code, serial_from, serial_to, model, model_year) VALUES (1, 'JTH', 'AAAAA', 'A', '0000000', '0000001', 'M', 2010)",
        )
        .run();
      a.sqlite.prepare('DELETE FROM campaigns').run();
      expect(a.sqlite.prepare('SELECT count(*) FROM vin_range_rules').pluck().get()).toBe(0);
    } finally {
      await a.close();
    }
  });
});
