// npm run bench: lookup latency with the built-in library plus a synthetic one of 1,000 campaigns and
// 20,000 range rules, beside a raw prepared SELECT on the same rules table in the same run.
// Goals: service lookup median within 3x of the raw SELECT, p99 under 1 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../main/app';
import { analyzeVin } from '../../shared/vin';
import { sampleVins, syntheticLibrary } from '../support/synthetic';

type Stats = { n: number; medianUs: number; p99Us: number; meanUs: number };

/**
 * Times each function per call, interleaved (a, b, a, b, ...), so that the machine's noise (a busy
 * neighbour, a GC pause) falls on all of them alike and their ratio stays meaningful.
 */
function measureInterleaved(n: number, fns: ((i: number) => void)[]): Stats[] {
  for (let i = 0; i < 2000; i++) for (const fn of fns) fn(i); // warm-up: JIT, page cache, statements
  const times = fns.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < fns.length; f++) {
      const t0 = process.hrtime.bigint();
      fns[f]!(i);
      times[f]![i] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  return times.map(stats);
}

function stats(times: Float64Array): Stats {
  const n = times.length;
  times.sort();
  const mean = times.reduce((a, b) => a + b, 0) / n;
  const at = (q: number) => times[Math.min(n - 1, Math.floor(q * n))]!;
  return { n, medianUs: round(at(0.5)), p99Us: round(at(0.99)), meanUs: round(mean) };
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const json = process.argv.includes('--json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-bench-'));
  const app = await createApp({ dbPath: path.join(dir, 'bench.sqlite') });
  try {
    const lib = syntheticLibrary(1000, 20);
    const tLoad = process.hrtime.bigint();
    app.db.sqlite.transaction(() => {
      for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
    })();
    const loadMs = Number(process.hrtime.bigint() - tLoad) / 1e6;
    app.db.sqlite.exec('ANALYZE');

    const vins = sampleVins(lib, 10_000);
    const parts = vins.map((v) => {
      const a = analyzeVin(v);
      if (!a.ok) throw new Error(`bench generated an invalid VIN ${v}`);
      return a.parts;
    });
    const N = 50_000;
    const raw = app.db.sqlite.prepare(
      `SELECT campaign_id, model, model_year, phase, serial_from, serial_to FROM vin_range_rules
       WHERE wmi = ? AND vds = ? AND year_code = ? AND serial_from <= ? AND serial_to >= ?`,
    );
    let rawRows = 0;
    let hits = 0;
    const [rawStats, serviceStats] = measureInterleaved(N, [
      (i) => {
        const p = parts[i % parts.length]!;
        rawRows += raw.all(p.wmi, p.vds, p.yearCode, p.serial, p.serial).length;
      },
      (i) => {
        hits += app.lookup.lookup({ vin: vins[i % vins.length]! }).campaigns.length;
      },
    ]) as [Stats, Stats];
    // The full path a window takes: zod-parsed input, the service, the envelope.
    const [apiStats] = measureInterleaved(10_000, [
      (i) => {
        void app.dispatch('lookup', { vin: vins[i % vins.length]! });
      },
    ]) as [Stats];

    const rules = (app.db.sqlite.prepare('SELECT count(*) AS n FROM vin_range_rules').get() as { n: number }).n;
    const campaigns = app.campaigns.stats().count;
    const ratio = round(serviceStats.medianUs / rawStats.medianUs);
    const report = {
      library: { campaigns, vinRangeRules: rules, loadMs: round(loadMs) },
      rawSelect: rawStats,
      serviceLookup: serviceStats,
      apiDispatchLookup: apiStats,
      hitsPerLookup: round(hits / (N + 2000)),
      rowsPerRawSelect: round(rawRows / (N + 2000)),
      goals: {
        medianRatio: ratio,
        medianWithin3x: ratio <= 3,
        p99Under1ms: serviceStats.p99Us < 1000,
      },
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
    };
    if (json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(`Library: ${campaigns} campaigns, ${rules} VIN-range rules (synthetic load ${round(loadMs)} ms)`);
      console.log('');
      console.log('what                      n        median µs   p99 µs   mean µs');
      for (const [name, s] of [['raw prepared SELECT', rawStats], ['service lookup', serviceStats], ['API dispatch lookup', apiStats]] as const) {
        console.log(`${name.padEnd(24)}  ${String(s.n).padEnd(7)}  ${String(s.medianUs).padStart(9)}  ${String(s.p99Us).padStart(7)}  ${String(s.meanUs).padStart(8)}`);
      }
      console.log('');
      console.log(`service/raw median: ${ratio}x (goal ≤ 3x: ${ratio <= 3 ? 'met' : 'NOT MET'}); service p99 ${serviceStats.p99Us} µs (goal < 1000 µs: ${serviceStats.p99Us < 1000 ? 'met' : 'NOT MET'})`);
      console.log(`average campaigns found per lookup: ${report.hitsPerLookup}`);
    }
  } finally {
    await app.close();
    if (process.env.BENCH_KEEP) fs.copyFileSync(path.join(dir, 'bench.sqlite'), process.env.BENCH_KEEP);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
