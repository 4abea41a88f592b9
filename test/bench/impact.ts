// The impact of an import at dealer size (issue 15): 20,000 stock vehicles and 30,000 serviced ones,
// then a bulletin revision, a 200,000-VIN affected list and a complete stock list from the DMS, each
// worked out as a dry run and then applied. Goal: each dry run under 10 s on this 2-core machine.
// Build and run: npm run bench -- --only impact
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ALE from '../../main/campaigns/library/ALE.json' with { type: 'json' };
import { createApp } from '../../main/app';
import type { Envelope } from '../../shared/api';
import { makeVin } from '../support/synthetic';
import { ms, round } from './measure';

const STOCK = 20_000;
const SERVICED = 30_000;
const LIST = 200_000;
const GOAL_MS = 10_000;

const vds = ['BE96S', 'CE96S', 'BC96S', 'BL96S', 'BL46F', 'GL46F', 'DU46F', 'BE262'];
const vinAt = (i: number) => makeVin('JTH', vds[i % vds.length]!, 2007 + (i % 2), String(5_000_000 + i).padStart(7, '0'));

function data<T>(e: Envelope<unknown>): T {
  if (!e.ok) throw new Error(`${e.error.message} ${e.error.details.join(' | ')}`);
  return e.data as T;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-bench-impact-'));
  const app = await createApp({ dbPath: path.join(dir, 'bench.sqlite'), vpicPath: null });
  try {
    const insert = app.db.sqlite.prepare(
      'INSERT INTO vehicles (vin, model, model_year, stock_number, condition, in_stock, last_service_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    app.db.sqlite.transaction(() => {
      for (let i = 0; i < STOCK + SERVICED; i++) {
        const stock = i < STOCK;
        insert.run(vinAt(i), null, 2007 + (i % 2), stock ? `S-${i}` : null, stock ? 'used' : null, stock ? 1 : 0, stock ? null : '2026-01-01', 'then');
      }
    })();
    const figures: { what: string; ms: number; met?: boolean }[] = [];
    const time = async <T>(what: string, f: () => Promise<T>, goal = false): Promise<T> => {
      const t0 = process.hrtime.bigint();
      const r = await f();
      figures.push({ what, ms: round(ms(t0)), ...(goal ? { met: ms(t0) < GOAL_MS } : {}) });
      return r;
    };

    const revision = { ...ALE, revisionDate: '2010-08-01', revisionLabel: 'Bench', vinRanges: ALE.vinRanges.slice(0, 9) };
    const content = JSON.stringify(revision);
    const dry = await time(
      'bulletin revision: dry run',
      async () => data<{ impact: { holds: { released: unknown[] } } }>(await app.dispatch('importBulletin', { fileName: 'b.json', content, dryRun: true })),
      true,
    );
    await time('bulletin revision: applied', async () => data(await app.dispatch('importBulletin', { fileName: 'b.json', content })));

    const list = Array.from({ length: LIST }, (_, i) => vinAt(i * 3)).join('\n');
    const preview = data<{ importId: string }>(
      await app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'l.txt', content: list, listDate: '2010-08-02', complete: true }),
    );
    await time(`${LIST} VIN list: dry run`, async () => data(await app.dispatch('importImpact', { importId: preview.importId })), true);
    await time(`${LIST} VIN list: applied`, async () => {
      const s = data<{ jobId: string }>(await app.dispatch('commitImport', { importId: preview.importId }));
      return app.jobs.wait(s.jobId);
    });

    const csv = ['VIN,Stock,Condition', ...Array.from({ length: STOCK / 2 }, (_, i) => `${vinAt(i)},S-${i},Used`)].join('\n');
    const vp = data<{ importId: string }>(await app.dispatch('previewVehicles', { fileName: 's.csv', content: csv, inStock: 'replace' }));
    await time('complete stock list (10,000 of 20,000 stay): dry run', async () => data(await app.dispatch('importImpact', { importId: vp.importId })), true);

    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    if (process.argv.includes('--json')) console.log(JSON.stringify({ figures, load }, null, 2));
    else {
      console.log(`${STOCK} stock + ${SERVICED} serviced vehicles; load average ${load}; goal: a dry run < ${GOAL_MS / 1000} s`);
      for (const f of figures) console.log(`${f.what.padEnd(58)} ${String(f.ms).padStart(10)} ms${f.met === undefined ? '' : f.met ? '  ok' : '  OVER GOAL'}`);
      console.log(`(the revision's dry run released ${dry.impact.holds.released.length} holds)`);
    }
    if (figures.some((f) => f.met === false)) process.exitCode = 1;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
