// A full disk, for real: the command runs in a mount namespace of its own (unshare, unprivileged through a
// user namespace) where `dir` is a tmpfs of `sizeKb`, filled by the files `setup` writes there first.
// Nothing on the machine's own disks fills up, and the mount disappears with the process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI } from './cli';
import { SHARED_VPIC } from './tempdb';

/**
 * Runs the CLI with `dir` a tmpfs of `sizeKb`. `prepare` is a shell script run in the namespace before the
 * CLI (e.g. copy a database in and fill the disk with `head -c ... /dev/zero > filler`; it may use $DIR);
 * `after` runs once the CLI has exited, while the tmpfs is still there: what it prints is `after`.
 */
export function cliOnSmallDisk(dir: string, sizeKb: number, prepare: string, args: string[], after = 'true') {
  const script = `set -e; mount -t tmpfs -o size=${sizeKb}k tmpfs "$DIR"; ${prepare}
set +e; "$NODE" "$CLI" "$@"; rc=$?; (${after}) > "$AFTER" 2>&1; exit $rc`;
  const report = path.join(os.tmpdir(), `recall-desk-after-${process.pid}-${Date.now()}.txt`);
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', ...args], {
    encoding: 'utf8',
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, DIR: dir, NODE: process.execPath, CLI, AFTER: report },
    timeout: 90_000,
  });
  if (r.error) throw r.error;
  if (/unshare: /.test(r.stderr ?? '')) throw new Error(`This test needs user namespaces (unshare -rm): ${r.stderr}`);
  const afterOut = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
  fs.rmSync(report, { force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, after: afterOut };
}
