// An import from a desk uploads its file as a stream: neither the desk's CLI nor the sharing PC ever
// holds the whole file. Lists of 32 and 160 MB (their lines padded with the spaces a careless export leaves, so the
// host has little to store and the test stays short) go through, and the bigger one raises neither
// process's peak memory by more than a fraction of the difference. The 5M-row list itself is in the bench (lan --upload).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { addAccount, CLI } from '../support/cli';
import { cliWithPeak, type LanHost, memoryOf, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const hosts: LanHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };

test('a list uploads with memory bounded on the desk and on the sharing PC, whatever its size', async () => {
  if (!memoryOf(process.pid)) return; // /proc is Linux's: elsewhere there is nothing to read the peaks from.
  const db = tempDbPath();
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  const host = await serveLan(CLI, db);
  hosts.push(host);
  const dir = tempDir();
  const desk = (file: string) =>
    cliWithPeak(CLI, ['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'import-vins', '23LJ01', file, '--date', '2026-11-20'], {
      XDG_CONFIG_HOME: dir,
      RECALL_DESK_DB: '',
      RECALL_DESK_PASSWORD: ADMIN.password,
    });

  // A small list first: what the desk's CLI and the host use anyway.
  const small = path.join(dir, 'small.txt');
  fs.writeFileSync(small, `${makeVin('JTH', 'KPAAY', 2023, 'A100000')}\n`);
  const first = await desk(small);
  expect(first.code, first.stderr).toBe(0);
  const hostBefore = memoryOf(host.child.pid)!;

  /** A list of `rows` VINs, each line padded to 2 KB: about 2 MB per 1,000 rows. */
  const list = (name: string, rows: number) => {
    const file = path.join(dir, name);
    const pad = ' '.repeat(2048);
    const out = fs.openSync(file, 'w');
    for (let i = 0; i < rows; i += 1000) {
      let chunk = '';
      for (let k = i; k < i + 1000; k++) chunk += `${makeVin('JTH', 'KPAAY', 2023, `A${String(100000 + k)}`)}${pad}\r\n`;
      fs.writeSync(out, chunk);
    }
    fs.closeSync(out);
    return { file, mb: fs.statSync(file).size / 2 ** 20 };
  };
  const upload = async (rows: number) => {
    const { file, mb } = list(`list-${rows}.txt`, rows);
    const r = await desk(file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(rows.toLocaleString('en-US'));
    fs.rmSync(file);
    return { mb, ms: r.ms, deskPeakMb: r.peakMb, hostPeakMb: memoryOf(host.child.pid)!.peakMb };
  };
  const medium = await upload(16_000);
  const big = await upload(80_000);
  console.log(
    `upload ${medium.mb.toFixed(0)} MB: ${medium.ms} ms, ${big.mb.toFixed(0)} MB: ${big.ms} ms; desk CLI peak ${first.peakMb.toFixed(0)} (one row) / ${medium.deskPeakMb.toFixed(0)} / ${big.deskPeakMb.toFixed(0)} MB; host peak ${hostBefore.peakMb.toFixed(0)} / ${medium.hostPeakMb.toFixed(0)} / ${big.hostPeakMb.toFixed(0)} MB`,
  );
  // Holding the file would add its size: 128 MB more file adds far less than half of that on either side.
  // (Freed chunks are collected in batches: the peaks rise some tens of MB whatever the size, then stay.)
  const more = big.mb - medium.mb;
  expect(more).toBeGreaterThan(120);
  expect(big.deskPeakMb - medium.deskPeakMb).toBeLessThan(more / 2);
  expect(big.hostPeakMb - medium.hostPeakMb).toBeLessThan(more / 2);
}, 180_000);
