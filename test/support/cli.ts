// Runs the built CLI as a user would: a separate Node process, real arguments, real exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_VPIC } from './vpic-path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'main', 'cli.cjs');

/** `input` is what a person or a script types on standard input (a password for `users add`). */
export function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  if (!fs.existsSync(CLI)) throw new Error('dist/main/cli.cjs is missing: run "npm run build" (npm test does it first).');
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, ...env },
    timeout: 60_000,
    input: input ?? '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Adds a staff account at the command line (as `admin`, once one exists). */
export function addAccount(db: string, name: string, roles: string, password: string, admin?: { name: string; password: string }) {
  const r = cli(
    ['users', 'add', name, '--role', roles, '--db', db, ...(admin ? ['--user', admin.name] : [])],
    admin ? { RECALL_DESK_PASSWORD: admin.password } : {},
    `${password}\n`,
  );
  if (r.code !== 0) throw new Error(`users add ${name}: ${r.stderr}`);
}
