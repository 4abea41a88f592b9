// Two processes opening one database that needs migrating, at once: the window's first start after an
// update and a CLI command, or two commands a script starts together. SQLite lets one write at a time,
// but Kysely's migrator takes no lock of its own on SQLite: each process read the migrations as pending
// and ran them, and the second failed ("table "campaigns" already exists", or a duplicate column).
import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrations } from '../../main/db/migrations/index';
import { CLI } from '../support/cli';
import { tempDir } from '../support/tempdb';
import { SHARED_VPIC } from '../support/vpic-path';

const VIN = 'JTJHY7AX4K4000001';

/** `n` lookups started together on one file; their exit codes and error output. */
function atOnce(dir: string, db: string, n: number): Promise<{ code: number | null; stderr: string }[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [CLI, 'lookup', VIN, '--db', db], {
            env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
          });
          child.on('exit', (code) => resolve({ code, stderr }));
        }),
    ),
  );
}

test('commands that open one database needing its migrations at once all answer, and each migration runs once', { timeout: 120_000 }, async () => {
  const dir = tempDir();
  // Several rounds: which process gets there first is up to the machine.
  for (let round = 0; round < 4; round++) {
    // A file the person made, empty: migrated where it is (a new name would be a copy of the build's).
    const db = path.join(dir, `round-${round}.sqlite`);
    new BetterSqlite3(db).close();
    const results = await atOnce(dir, db, 3);
    expect(results.map((r) => r.stderr)).toEqual(['', '', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.prepare<[], string>('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(Object.keys(migrations).sort());
      expect(sqlite.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(3);
    } finally {
      sqlite.close();
    }
  }
});
