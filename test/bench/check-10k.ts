// `check` over a file of 10,000 VINs: one full lookup each (parse, lookups, no output). Goal: under 1 s.
import { checkFile } from '../../main/lookup/check';
import { sampleVins, syntheticLibrary } from '../support/synthetic';
import { loadLibrary } from './lookup';
import { type Bench, ms, round, withTempApp } from './measure';

export const check10kBench: Bench = {
  name: 'check 10k',
  run: () =>
    withTempApp(async (app) => {
      const lib = syntheticLibrary(1000, 20);
      loadLibrary(app, lib);
      const content = sampleVins(lib, 10_000).join('\n');
      const t0 = process.hrtime.bigint();
      const checked = checkFile(app.lookup, content, 'bench.txt');
      const checkMs = ms(t0);
      if (checked.results.length !== 10_000) throw new Error(`check read ${checked.results.length} VINs, expected 10,000`);
      return { figures: [{ what: 'check of 10,000 VINs', value: round(checkMs), unit: 'ms', goal: '< 1000 ms', met: checkMs < 1000 }] };
    }),
};
