// npm run bench: runs every bench module and prints one table (or, with --json, the figures as JSON).
// `npm run bench -- --only lookup,check` runs some of them. A new bench is a module exporting a
// `Bench` (test/bench/measure.ts) and one line in BENCHES.
import os from 'node:os';
import { check10kBench } from './check-10k';
import { listImportBench } from './list-import';
import { lookupBench } from './lookup';
import type { Bench, Figure } from './measure';
import { windowsBench } from './windows';

const BENCHES: Bench[] = [lookupBench, windowsBench, listImportBench, check10kBench];

function cell(f: Figure): string[] {
  const s = f.stats;
  const value = f.value === undefined ? '' : `${f.value.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`;
  const goal = f.goal ? `${f.goal}: ${f.met ? 'met' : 'NOT MET'}` : '';
  return [f.what, s ? String(s.n) : '', s ? String(s.medianUs) : '', s ? String(s.p99Us) : '', s ? String(s.meanUs) : '', value, goal];
}

function table(rows: { bench: string; figures: Figure[] }[]): string {
  const head = ['what', 'n', 'median µs', 'p99 µs', 'mean µs', 'value', 'goal'];
  const body = rows.flatMap((r) => [[`[${r.bench}]`, '', '', '', '', '', ''], ...r.figures.map(cell)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

async function main() {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only' || a.startsWith('--only='));
  const only = onlyArg?.replace(/^--only=/, '').split(',');
  // A bench is picked by its name with hyphens for spaces ("model-windows", "list-import"), or a start of it.
  const id = (b: Bench) => b.name.replace(/ /g, '-');
  const chosen = only ? BENCHES.filter((b) => only.some((o) => id(b).startsWith(o))) : BENCHES;
  const results: { bench: string; figures: Figure[]; details?: Record<string, unknown> }[] = [];
  for (const b of chosen) {
    if (!json) process.stderr.write(`running ${b.name}…\n`);
    results.push({ bench: b.name, ...(await b.run()) });
  }
  const machine = { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, loadAverage: os.loadavg().map(round1) };
  if (json) console.log(JSON.stringify({ machine, results }, null, 2));
  else {
    console.log(table(results));
    console.log(`\n${machine.node} on ${machine.cores} × ${machine.cpu}; load average ${machine.loadAverage.join(' ')}`);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
