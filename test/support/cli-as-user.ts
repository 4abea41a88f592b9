// The built CLI as an ordinary user, for tests where file modes matter: root writes any file whatever
// its mode, so a test run as root (CI, containers) would never meet a read-only database. As root, the
// command runs as `nobody` (setpriv); as any other user, as that user. Its folder comes from
// `userFolder()`: owned by that user, as a user's data folder is.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI } from './cli';
import { tempDir } from './tempdb';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** The command line that runs `argv` as the ordinary user. */
function asUser(argv: string[]): [string, string[]] {
  if (!asRoot) return [argv[0]!, argv.slice(1)];
  return ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv]];
}

/** A fresh folder (removed after the test) that the ordinary user owns. */
export function userFolder(): string {
  const dir = tempDir();
  fs.chmodSync(dir, 0o755);
  if (asRoot) fs.chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** A place where the ordinary user can make no file (a folder no one but root may write). */
function unwritablePlace(): string {
  const dir = tempDir();
  fs.chmodSync(dir, 0o500);
  return path.join(dir, 'vpic.sqlite');
}

/**
 * Runs `node` with `args` as the ordinary user, in `home` (a userFolder()). vPIC is pointed where that
 * user cannot unpack it: lookups answer without a decode, and nothing but the database is written.
 */
function runAsUser(home: string, args: string[], input = '') {
  const [cmd, rest] = asUser([process.execPath, ...args]);
  const r = spawnSync(cmd, rest, {
    cwd: home,
    encoding: 'utf8',
    env: { ...process.env, HOME: home, RECALL_DESK_VPIC: unwritablePlace() },
    timeout: 60_000,
    input,
  });
  if (r.error) throw new Error(`Cannot run as an ordinary user (${cmd}): ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI as the ordinary user; `home` is a userFolder(). */
export function cliAsUser(home: string, args: string[]) {
  if (!fs.existsSync(CLI)) throw new Error('dist/main/cli.cjs is missing: run "npm run build" (npm test does it first).');
  return runAsUser(home, [CLI, ...args]);
}

/** A Node script (`node -e`) as the ordinary user, e.g. to open the database as an older version did. */
export function nodeAsUser(home: string, script: string) {
  return runAsUser(home, ['-e', script]);
}

/**
 * A Node script as the ordinary user that keeps running (a window left open) while the test goes on:
 * `done` is its output once it exits.
 */
export function nodeAsUserInBackground(home: string, script: string) {
  const [cmd, rest] = asUser([process.execPath, '-e', script]);
  const child = spawn(cmd, rest, { cwd: home, env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  /** Resolves once the script has printed `text`. */
  const printed = async (text: string, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    while (!stdout.includes(text)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`the script did not print ${text}: ${stdout} ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { done, printed };
}

/** A shell command as the ordinary user (chmod as the file's owner, as the user would). */
export function shAsUser(home: string, command: string) {
  const [cmd, rest] = asUser(['sh', '-c', command]);
  const r = spawnSync(cmd, rest, { cwd: home, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command}: ${r.stderr}`);
}
