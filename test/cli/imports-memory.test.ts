// A VIN list of millions of rows is read, previewed and imported in bounded memory, on this PC and on
// a sharing PC that a desk uploads it to: its VINs are sorted and de-duplicated on disk (a staging
// file), never held all at once. Plain 19-byte lines (a VIN and CR LF), so the file is almost all VINs:
// three times more rows must not raise the peak by anything like what holding them would take.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
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

/** What holding the VINs would take: at least their 17 bytes each (today's buffer took 3 to 4 times that). */
const heldMb = (rows: number) => (rows * 17) / 2 ** 20;

const hosts: LanHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

describe('a list of millions of VINs is imported in bounded memory', () => {
  const MEDIUM = 1_200_000;
  const BIG = 3_600_000;

  test('on this PC: import-vins of 3.6M rows peaks within a few MB of 1.2M rows', async () => {
    if (!memoryOf(process.pid)) return; // /proc is Linux's: elsewhere there is nothing to read the peaks from.
    const db = tempDbPath();
    const dir = tempDir();
    const run = async (rows: number) => {
      const l = list(dir, rows);
      const r = await cliWithPeak(CLI, ['import-vins', 'ALE', l.file, '--date', '2010-07-07', '--db', db], {});
      fs.rmSync(l.file);
      expect(r.code, r.stderr).toBe(0);
      const read = rows + l.duplicates;
      expect(r.stderr).toContain(`${read.toLocaleString('en-US')} rows read: ${rows.toLocaleString('en-US')} valid, ${l.duplicates.toLocaleString('en-US')} duplicates, 0 invalid.`);
      expect(r.stdout).toContain(`imported, ${rows.toLocaleString("en-US")} VINs (partial list).`);
      return r.peakMb;
    };
    const medium = await run(MEDIUM);
    const big = await run(BIG);
    console.log(`import-vins peak: ${MEDIUM.toLocaleString('en-US')} rows ${medium.toFixed(0)} MB, ${BIG.toLocaleString('en-US')} rows ${big.toFixed(0)} MB`);
    // 2.4M more VINs are 39 MB held as bytes alone; the import's own SQLite cache (64 MB at most) fills
    // further with the bigger list, so some growth is the cache's, bounded whatever the list.
    expect(big - medium).toBeLessThan(heldMb(BIG - MEDIUM) * 1.5);
  }, 300_000);

  test('on a sharing PC: a desk uploads 3.6M rows and the host peaks within a few MB of 1.2M rows', async () => {
    if (!memoryOf(process.pid)) return;
    const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
    const db = tempDbPath();
    addAccount(db, ADMIN.name, 'admin', ADMIN.password);
    const host = await serveLan(CLI, db);
    hosts.push(host);
    const dir = tempDir();
    const run = async (rows: number) => {
      const l = list(dir, rows);
      const r = await cliWithPeak(
        CLI,
        ['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'import-vins', '23LJ01', l.file, '--date', '2026-11-20'],
        { XDG_CONFIG_HOME: dir, RECALL_DESK_DB: '', RECALL_DESK_PASSWORD: ADMIN.password },
      );
      fs.rmSync(l.file);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`imported, ${rows.toLocaleString('en-US')} VINs`);
      return memoryOf(host.child.pid)!.peakMb;
    };
    const medium = await run(MEDIUM);
    const big = await run(BIG);
    console.log(`sharing PC peak: after ${MEDIUM.toLocaleString('en-US')} rows ${medium.toFixed(0)} MB, after ${BIG.toLocaleString('en-US')} rows ${big.toFixed(0)} MB`);
    expect(big - medium).toBeLessThan(heldMb(BIG - MEDIUM) * 1.5);
  }, 300_000);
});
