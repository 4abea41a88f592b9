// The sharing PC runs for days: a list imported in the morning must not leave its memory held for the
// next one. A long-running host takes a 2.4M-row list and then a 4.8M-row one; its peak over the
// second import stays close to what a host started afresh peaks at for the same 4.8M-row list
// (before the fix: 338 MB against 219 MB, the first import's caches and buffers still held).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addAccount, CLI } from '../support/cli';
import { cliWithPeak, type LanHost, memoryOf, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const VDS = ['BE96S', 'CE96S', 'BC96S', 'BL96S', 'BL46F', 'GL46F', 'DU46F', 'BE262'];
const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
const FIRST = 2_400_000;
const SECOND = 4_800_000;

/** `rows` distinct VINs, one a line, in no particular order. */
function list(dir: string, rows: number): string {
  const file = path.join(dir, `list-${rows}.txt`);
  const out = fs.openSync(file, 'w');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let k = i; k < Math.min(rows, i + 10_000); k++) {
      const serial = String(1_000_000 + ((k * 7919) % rows)).padStart(7, '0');
      chunk += `${makeVin('JTH', VDS[k % VDS.length]!, 2007 + (k % 2), serial)}\r\n`;
    }
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);
  return file;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-lan-memory-'));
const files = new Map<number, string>();
beforeAll(() => {
  for (const rows of [FIRST, SECOND]) files.set(rows, list(dir, rows));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hosts: LanHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

async function startHost(): Promise<LanHost> {
  const db = tempDbPath();
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  const host = await serveLan(CLI, db);
  hosts.push(host);
  return host;
}

/** A desk uploads the list into `campaign`; the host's peak (VmHWM) once it is imported. */
async function upload(host: LanHost, config: string, rows: number, campaign: string): Promise<number> {
  const r = await cliWithPeak(
    CLI,
    ['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'import-vins', campaign, files.get(rows)!, '--date', '2026-11-20'],
    { XDG_CONFIG_HOME: config, RECALL_DESK_DB: '', RECALL_DESK_PASSWORD: ADMIN.password },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`imported, ${rows.toLocaleString('en-US')} VINs`);
  return memoryOf(host.child.pid)!.peakMb;
}

/** Resets the host's high-water mark (VmHWM) to what it holds now: the next peak is the next import's own. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

test('a long-running sharing PC peaks over its second list as a fresh one does', async () => {
  if (!memoryOf(process.pid)) return; // /proc is Linux's: elsewhere there is nothing to read the peaks from.
  const config = tempDir();

  const fresh = await startHost();
  const freshPeak = await upload(fresh, config, SECOND, 'ALE');
  await fresh.stop();
  hosts.splice(hosts.indexOf(fresh), 1);

  const host = await startHost();
  const firstPeak = await upload(host, config, FIRST, '23LJ01');
  // What the first import leaves held, a few seconds after it ended (the import is done: the CLI said so).
  await new Promise((r) => setTimeout(r, 3000));
  const after = memoryOf(host.child.pid)!;
  if (!resetPeak(host.child.pid!)) return;
  const secondPeak = await upload(host, config, SECOND, 'ALE');
  console.log(
    `sharing PC: fresh host, ${SECOND.toLocaleString('en-US')} rows: peak ${freshPeak.toFixed(0)} MB; long-running host: ${FIRST.toLocaleString('en-US')} rows peak ${firstPeak.toFixed(0)} MB, then holds ${after.rssMb.toFixed(0)} MB, then ${SECOND.toLocaleString('en-US')} rows peak ${secondPeak.toFixed(0)} MB; load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );
  // The second list costs what it costs on a fresh host, plus some slack for the heap's own growth.
  expect(secondPeak - freshPeak).toBeLessThan(40);
}, 600_000);
