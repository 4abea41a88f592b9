// Real SQLite files in a fresh temp folder per test; removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach } from 'vitest';
import { createApp, type App, type AppOptions } from '../../main/app';

const made: string[] = [];
const apps: App[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-test-'));
  made.push(dir);
  return dir;
}

export function tempDbPath(): string {
  return path.join(tempDir(), 'data', 'recall-desk.sqlite');
}

/**
 * A database file that already exists (empty: the app migrates it on first open), for tests whose
 * stderr must hold only what the command itself says: a new file is said ("New database created at").
 */
export function existingDbPath(): string {
  const file = tempDbPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  new BetterSqlite3(file).close();
  return file;
}

/** One unpacked vPIC database for every test (74 MB): unpacking it per temp folder would cost more than most tests. */
import { SHARED_VPIC } from './vpic-path';

export { SHARED_VPIC };

/** The app over a temp database; the clock is fixed so data ages are exact. */
export async function testApp(opts: Partial<AppOptions> = {}): Promise<App> {
  const app = await createApp({
    dbPath: opts.dbPath ?? tempDbPath(),
    now: opts.now ?? (() => new Date('2026-11-23T12:00:00Z')),
    vpicPath: SHARED_VPIC,
    ...opts,
  });
  apps.push(app);
  return app;
}

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => {});
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
