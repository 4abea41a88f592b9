// NHTSA's recall file at full size (issue 18): a generated FLAT_RCL file of 500,000 rows in NHTSA's
// layout (29 fields, Windows-1252), read for its preview and imported through the import job, with the
// process's peak memory sampled meanwhile; then lookups with NHTSA data loaded against the same lookups
// on a database without it, interleaved. Goals: preview + import < 30 s; peak RSS < 500 MB (the file is
// never held whole); lookup median with NHTSA data ≤ 2x without.
// Build and run: npm run bench -- --only nhtsa
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../main/app';
import type { Envelope } from '../../shared/api';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { rclFields, windows1252 } from '../support/nhtsa';
import { sampleVins, syntheticLibrary } from '../support/synthetic';
import { loadLibrary } from './lookup';
import { measureInterleaved, ms, round, type Stats } from './measure';

const ROWS = 500_000;
const ROWS_PER_CAMPAIGN = 20;
const MAKES = Array.from({ length: 40 }, (_, i) => `MAKE${i}`);
const MODELS = Array.from({ length: 50 }, (_, i) => `MODEL ${i}`);
const IMPORT_GOAL_MS = 30_000;
const RSS_GOAL_MB = 500;
const N = 30_000;

function data<T>(e: Envelope<unknown>): T {
  if (!e.ok) throw new Error(`${e.error.message} ${e.error.details.join(' | ')}`);
  return e.data as T;
}

async function writeFile(file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  let batch: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(i / ROWS_PER_CAMPAIGN);
    const make = MAKES[c % MAKES.length]!;
    const model = MODELS[(c * 7 + i) % MODELS.length]!;
    const year = String(2010 + (i % 16));
    batch.push(
      rclFields({
        campaign: `${String(10 + (c % 16)).padStart(2, '0')}V${String(c).padStart(6, '0')}`,
        make,
        model,
        year,
        component: 'ELECTRICAL SYSTEM',
        summary: `${make} is recalling certain ${year} ${model} vehicles. The part may fail – “rarely”.`,
        doNotDrive: c % 97 === 0 ? 'Y' : 'N',
      }).join('\t'),
    );
    if (batch.length === 5000) {
      if (!out.write(windows1252(`${batch.join('\r\n')}\r\n`))) await new Promise<void>((r) => out.once('drain', () => r()));
      batch = [];
    }
  }
  if (batch.length) out.write(windows1252(`${batch.join('\r\n')}\r\n`));
  await new Promise<void>((r) => out.end(() => r()));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-bench-nhtsa-'));
  const file = path.join(dir, 'FLAT_RCL_POST_2010.txt');
  const withNhtsa = await createApp({ dbPath: path.join(dir, 'with.sqlite'), vpicPath: null });
  const without = await createApp({ dbPath: path.join(dir, 'without.sqlite'), vpicPath: null });
  try {
    const t0gen = process.hrtime.bigint();
    await writeFile(file);
    const genMs = ms(t0gen);
    const sizeMb = round(fs.statSync(file).size / 1e6);

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const rssBefore = process.memoryUsage().rss;
    const t0 = process.hrtime.bigint();
    const preview = data<{ importId: string; kept: number; rowsRead: number }>(await withNhtsa.dispatch('previewNhtsa', { path: file }));
    const previewMs = ms(t0);
    const started = data<{ jobId: string }>(await withNhtsa.dispatch('commitImport', { importId: preview.importId }));
    const end = await withNhtsa.jobs.wait(started.jobId);
    const importMs = ms(t0);
    clearInterval(sampler);
    if (end.state !== 'done') throw new Error(end.message);
    const peakMb = round(peak / 1e6);

    // Lookups: the same library and VINs in both files; half the VINs decoded as a make and model NHTSA lists.
    const lib = syntheticLibrary(1000, 20);
    loadLibrary(withNhtsa, lib);
    loadLibrary(without, lib);
    const vins = sampleVins(lib, 10_000);
    const decoded = (i: number): DecodedVehicle => ({
      modelYear: null,
      plantCountrySource: null,
      plantCountryKey: null,
      make: i % 2 ? MAKES[i % MAKES.length]! : 'LEXUS',
      model: MODELS[i % MODELS.length]!,
      ruleModel: MODELS[i % MODELS.length]!,
      series: null,
      trim: null,
      bodyClass: null,
      plantCountry: null,
      source: 'NHTSA vPIC',
    });
    const decodes = vins.map((_, i) => decoded(i));
    let nhtsaHits = 0;
    const [plain, loaded] = (await measureInterleaved(N, [
      (i) => without.lookup.lookup({ vin: vins[i % vins.length]!, decoded: decodes[i % vins.length]! }),
      (i) => {
        nhtsaHits += withNhtsa.lookup.lookup({ vin: vins[i % vins.length]!, decoded: decodes[i % vins.length]! }).campaigns.filter((h) => h.nhtsa).length;
      },
    ])) as [Stats, Stats];
    const ratio = round(loaded.medianUs / plain.medianUs);

    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const figures = [
      { what: `generated file: ${ROWS} rows, ${sizeMb} MB`, value: round(genMs), unit: 'ms' },
      { what: `preview (read pass): ${preview.rowsRead} read, ${preview.kept} kept`, value: round(previewMs), unit: 'ms' },
      {
        what: 'preview + import (job, one transaction)',
        value: round(importMs),
        unit: 'ms',
        goal: `< ${IMPORT_GOAL_MS / 1000} s`,
        met: importMs < IMPORT_GOAL_MS,
      },
      {
        what: `peak RSS during the import (before: ${round(rssBefore / 1e6)} MB)`,
        value: peakMb,
        unit: 'MB',
        goal: `< ${RSS_GOAL_MB} MB`,
        met: peakMb < RSS_GOAL_MB,
      },
      { what: 'lookup without NHTSA data, median', value: plain.medianUs, unit: 'µs', p99: plain.p99Us },
      { what: `lookup with NHTSA data, median (${round(nhtsaHits / N)} NHTSA hits a lookup)`, value: loaded.medianUs, unit: 'µs', p99: loaded.p99Us },
      { what: 'with / without, median', value: ratio, unit: 'x', goal: '≤ 2x', met: ratio <= 2 },
    ];
    if (process.argv.includes('--json')) console.log(JSON.stringify({ figures, load }, null, 2));
    else {
      console.log(`load average ${load}`);
      for (const f of figures) {
        const p99 = 'p99' in f ? `  (p99 ${f.p99} µs)` : '';
        console.log(`${f.what.padEnd(66)} ${String(f.value).padStart(10)} ${f.unit}${p99}${f.goal ? `  goal ${f.goal}: ${f.met ? 'ok' : 'OVER GOAL'}` : ''}`);
      }
    }
    if (figures.some((f) => f.met === false)) process.exitCode = 1;
  } finally {
    await withNhtsa.close();
    await without.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
