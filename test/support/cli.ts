// Runs the built CLI as a user would: a separate Node process, real arguments, real exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_VPIC } from './tempdb';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'main', 'cli.cjs');

export function cli(args: string[], env: Record<string, string> = {}) {
  if (!fs.existsSync(CLI)) throw new Error('dist/main/cli.cjs is missing: run "npm run build" (npm test does it first).');
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
