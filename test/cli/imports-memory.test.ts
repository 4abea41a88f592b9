// A VIN list of millions of rows is read, previewed and imported in bounded memory, on this PC and on
// a sharing PC that a desk uploads it to: its VINs are sorted and de-duplicated on disk (a staging
// file), never held all at once. Plain 19-byte lines (a VIN and CR LF), so the file is almost all VINs:
// twice the rows must not raise the peak by what holding the extra VINs would take. Both lists are
// large enough to fill the import's own SQLite cache (64 MB, bounded whatever the list), so that
// cache is not what is compared. A peak also holds what the collector had not yet taken back (up to
// 20 MB, as its timing goes; on a sharing PC also the upload's network chunks): each list is imported
// two or three times, in turn, and the lowest peak of each is compared, as memory the list needs
// raises every peak.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addAccount, CLI } from '../support/cli';
import { cliWithPeak, type LanHost, memoryOf, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const VDS = ['BE96S', 'CE96S', 'BC96S', 'BL96S', 'BL46F', 'GL46F', 'DU46F', 'BE262'];

/** A list of `rows` distinct VINs in no particular order, plus every 50th one again (duplicates). */
function list(dir: string, rows: number): { file: string; mb: number; duplicates: number } {
  const file = path.join(dir, `list-${rows}.txt`);
  const out = fs.openSync(file, 'w');
  let duplicates = 0;
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let k = i; k < Math.min(rows, i + 10_000); k++) {
      // Serials spread over the list so that the order is not the VIN order.
      const serial = String(1_000_000 + ((k * 7919) % rows)).padStart(7, '0');
      const vin = makeVin('JTH', VDS[k % VDS.length]!, 2007 + (k % 2), serial);
      chunk += `${vin}\r\n`;
      if (k % 50 === 0) {
        chunk += `${vin}\r\n`;
        duplicates++;
      }
    }
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);
  return { file, mb: fs.statSync(file).size / 2 ** 20, duplicates };
}

/** What holding the VINs would take: at least their 17 bytes each (the buffer of old took 3 to 4 times that). */
const heldMb = (rows: number) => (rows * 17) / 2 ** 20;

/** Each list's lowest peak of `rounds` imports, made in turn (medium, big, medium, big...). */
async function lowest(rounds: number, run: (rows: number) => Promise<number>, medium: number, big: number): Promise<[number, number]> {
  const peaks = { medium: [] as number[], big: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    peaks.medium.push(await run(medium));
    peaks.big.push(await run(big));
  }
  return [Math.min(...peaks.medium), Math.min(...peaks.big)];
}

const hosts: LanHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

describe('a list of millions of VINs is imported in bounded memory', () => {
  const MEDIUM = 2_400_000;
  const BIG = 4_800_000;
  // Written once for both tests (tempDir's folders go after each test).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-lists-'));
  const lists = new Map<number, ReturnType<typeof list>>();
  beforeAll(() => {
    for (const rows of [MEDIUM, BIG]) lists.set(rows, list(dir, rows));
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('on this PC: import-vins of 4.8M rows peaks within a few MB of 2.4M rows', async () => {
    if (!memoryOf(process.pid)) return; // /proc is Linux's: elsewhere there is nothing to read the peaks from.
    // Each import to a database of its own: one list's import does not also replace another's.
    const run = async (rows: number) => {
      const db = tempDbPath();
      const l = lists.get(rows)!;
      const r = await cliWithPeak(CLI, ['import-vins', 'ALE', l.file, '--date', '2010-07-07', '--db', db], {});
      expect(r.code, r.stderr).toBe(0);
      const read = rows + l.duplicates;
      expect(r.stderr).toContain(
        `${read.toLocaleString('en-US')} rows read: ${rows.toLocaleString('en-US')} valid, ${l.duplicates.toLocaleString('en-US')} duplicates, 0 invalid.`,
      );
      expect(r.stdout).toContain(`imported, ${rows.toLocaleString('en-US')} VINs (partial list).`);
      return r.peakMb;
    };
    const [medium, big] = await lowest(2, run, MEDIUM, BIG);
    console.log(`import-vins peak: ${MEDIUM.toLocaleString('en-US')} rows ${medium.toFixed(0)} MB, ${BIG.toLocaleString('en-US')} rows ${big.toFixed(0)} MB`);
    // 2.4M more VINs are 39 MB held as bytes alone.
    expect(big - medium).toBeLessThan(heldMb(BIG - MEDIUM));
  }, 400_000);

  test('on a sharing PC: a desk uploads 4.8M rows and the host peaks within a few MB of 2.4M rows', async () => {
    if (!memoryOf(process.pid)) return;
    const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
    const config = tempDir();
    // Each list to a sharing PC of its own, started afresh, as the local test runs a process per list: a
    // long-running host's peak after two imports also holds what the first left behind (its heap grown,
    // its pages), which is not what the size of the list costs.
    const run = async (rows: number) => {
      const db = tempDbPath();
      addAccount(db, ADMIN.name, 'admin', ADMIN.password);
      const host = await serveLan(CLI, db);
      hosts.push(host);
      const l = lists.get(rows)!;
      const r = await cliWithPeak(
        CLI,
        ['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'import-vins', '23LJ01', l.file, '--date', '2026-11-20'],
        { XDG_CONFIG_HOME: config, RECALL_DESK_DB: '', RECALL_DESK_PASSWORD: ADMIN.password },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`imported, ${rows.toLocaleString('en-US')} VINs`);
      return memoryOf(host.child.pid)!.peakMb;
    };
    // Three rounds: a host's peak also holds the upload's network chunks, as the collector's timing goes.
    const [medium, big] = await lowest(3, run, MEDIUM, BIG);
    console.log(
      `sharing PC peak: after ${MEDIUM.toLocaleString('en-US')} rows ${medium.toFixed(0)} MB, after ${BIG.toLocaleString('en-US')} rows ${big.toFixed(0)} MB`,
    );
    expect(big - medium).toBeLessThan(heldMb(BIG - MEDIUM));
  }, 400_000);
});
