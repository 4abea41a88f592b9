// --out as every command takes it: a file in a folder that exists, never the database the command has
// open, and written by the one safe writer (files/write-out) whose failures are said in plain words.
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../app';
import { WriteOutError } from '../files/write-out';
import { remoteOf } from '../lan/remote';
import { UsageError } from './runtime-errors';

/** The full path of --out; its folder must exist (a mistyped folder is said before any work). */
export function outInFolder(out: string): string {
  const file = path.resolve(out);
  if (!fs.existsSync(path.dirname(file))) throw new UsageError(`--out ${out}: the folder ${path.dirname(file)} does not exist.`);
  return file;
}

/** The same file on disk, however it is named (a symbolic link, a hard link, another spelling of the path). */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a, { bigint: true }), fs.statSync(b, { bigint: true })];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    // One of them is not there: not the same file.
    return false;
  }
}

/**
 * Refuses --out over the database the app has open, or its journal files beside it: the rename would
 * swap the database for the output (or cut its recent changes). On a desk the database is on the host.
 */
export function notTheDatabase(out: string, app: App): void {
  if (remoteOf(app)) return;
  const db = app.db.path;
  if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].some((f) => sameFile(out, f))) {
    throw new UsageError(`--out ${out} is the database this command works on (${db}): writing there would destroy it. Name another file.`);
  }
}

/** Runs a write by the safe writer; a failure is the user's to fix (exit 2, the plain reason). */
export async function saying<T>(write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof WriteOutError) throw new UsageError(err.message);
    throw err;
  }
}
