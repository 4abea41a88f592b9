// Lookup latency with the built-in library plus 1,000 synthetic campaigns and 20,000 VIN-range rules,
// beside a raw prepared SELECT on the same rules table, interleaved in one run; then the full path a
// window takes (zod-parsed input, the service, the envelope), awaited; then lookups on a second file
// that someone ran ANALYZE on (sqlite_stat4), interleaved with the first: they must not be slower.
// The database is what the app keeps: no ANALYZE before the main figures, as the app never runs one.
// Goals: service median within 3x of the raw SELECT, p99 under 1 ms; after ANALYZE within 1.2x.
import type { App } from '../../main/app';
import { analyzeVin } from '../../shared/vin';
import { sampleVins, type SyntheticLibrary, syntheticLibrary } from '../support/synthetic';
import { type Bench, type Figure, measureInterleaved, ms, round, type Stats, withTempApp } from './measure';

const N = 50_000;

/** Loads a synthetic library in one transaction; its time in ms. */
export function loadLibrary(app: App, lib: SyntheticLibrary): number {
  const t0 = process.hrtime.bigint();
  app.db.sqlite.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  return ms(t0);
}

/** The raw prepared SELECT of the range rules a VIN falls in, as a function of the sample index. */
export function rawRangeSelect(app: App, vins: string[]): (i: number) => number {
  const parts = vins.map((v) => {
    const a = analyzeVin(v);
    if (!a.ok) throw new Error(`bench generated an invalid VIN ${v}`);
    return a.parts;
  });
  const raw = app.db.sqlite.prepare(
    `SELECT campaign_id, model, model_year, phase, serial_from, serial_to FROM vin_range_rules
     WHERE wmi = ? AND vds = ? AND year_code = ? AND serial_from <= ? AND serial_to >= ?`,
  );
  return (i) => {
    const p = parts[i % parts.length]!;
    return raw.all(p.wmi, p.vds, p.yearCode, p.serial, p.serial).length;
  };
}

export const lookupBench: Bench = {
  name: 'lookup',
  run: () =>
    withTempApp(async (app) => {
      const lib = syntheticLibrary(1000, 20);
      const loadMs = loadLibrary(app, lib);
      const vins = sampleVins(lib, 10_000);
      const raw = rawRangeSelect(app, vins);
      let hits = 0;
      const [rawStats, serviceStats] = (await measureInterleaved(N, [
        raw,
        (i) => {
          hits += app.lookup.lookup({ vin: vins[i % vins.length]! }).campaigns.length;
        },
      ])) as [Stats, Stats];
      const [apiStats] = (await measureInterleaved(10_000, [(i) => app.dispatch('lookup', { vin: vins[i % vins.length]! })])) as [Stats];

      // Someone runs ANALYZE on a file (a tool, a support person): sqlite_stat4 appears. The same
      // library in a second file, analyzed, interleaved with this one: the lookup must not notice.
      const [plainAgain, serviceAfter, rawAfter] = await withTempApp(async (analyzed) => {
        loadLibrary(analyzed, lib);
        analyzed.db.sqlite.exec('ANALYZE');
        const rawAnalyzed = rawRangeSelect(analyzed, vins);
        return (await measureInterleaved(N, [
          (i) => app.lookup.lookup({ vin: vins[i % vins.length]! }),
          (i) => analyzed.lookup.lookup({ vin: vins[i % vins.length]! }),
          rawAnalyzed,
        ])) as [Stats, Stats, Stats];
      });

      const ratio = round(serviceStats.medianUs / rawStats.medianUs);
      const afterRatio = round(serviceAfter.medianUs / plainAgain.medianUs);
      const figures: Figure[] = [
        { what: `library: ${app.campaigns.stats().count} campaigns, ${lib.rangeCount + 18} range rules; load`, value: round(loadMs), unit: 'ms' },
        { what: 'raw prepared SELECT (range rules)', stats: rawStats },
        { what: 'service lookup', stats: serviceStats, goal: 'p99 < 1000 µs', met: serviceStats.p99Us < 1000 },
        { what: 'service / raw median', value: ratio, unit: 'x', goal: '≤ 3x', met: ratio <= 3 },
        { what: 'API dispatch lookup (awaited; rules, no decode)', stats: apiStats },
        { what: 'service lookup, file not analyzed', stats: plainAgain },
        { what: 'service lookup, file analyzed (stat4)', stats: serviceAfter },
        { what: 'raw prepared SELECT, file analyzed (stat4)', stats: rawAfter },
        { what: 'service analyzed / not analyzed, median', value: afterRatio, unit: 'x', goal: '≤ 1.2x', met: afterRatio <= 1.2 },
        { what: 'campaigns found per lookup', value: round(hits / (N + 2000)) },
      ];
      return { figures };
    }),
};
