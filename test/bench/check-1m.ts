// `check` of 1,000,000 VINs through the built CLI: time and peak memory (Linux: the process's VmHWM).
//
// Run (after `npm run build`):
//   node_modules/.bin/esbuild test/bench/check-1m.ts --bundle --platform=node --format=cjs --target=node22 \
//     --outfile=dist/bench/check-1m.cjs && node_modules/node/bin/node dist/bench/check-1m.cjs [--json] [--text]
//
// The output (a JSON array, one answer a line) is read as it comes and every answer counted, as a
// script reading the pipe would. BENCH_VINS changes the count.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { vinListLines } from '../support/synthetic';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'main', 'cli.cjs');
const VINS = Number(process.env.BENCH_VINS ?? 1_000_000);

/** The process's peak resident memory so far, in MB (null where /proc is not there). */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function main() {
  const asJson = !process.argv.includes('--text');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-check-1m-'));
  try {
    const file = path.join(dir, 'vins.txt');
    const w = fs.createWriteStream(file);
    for (const vin of vinListLines(VINS)) if (!w.write(`${vin}\n`)) await new Promise<void>((r) => w.once('drain', () => r()));
    await new Promise<void>((r) => w.end(() => r()));

    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'check', file, ...(asJson ? ['--json'] : []), '--db', path.join(dir, 'db.sqlite')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let peak: number | null = null;
    const poll = setInterval(() => {
      peak = Math.max(peak ?? 0, peakRssMb(child.pid!) ?? 0) || null;
    }, 100);
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    let lines = 0;
    let bytes = 0;
    let answers = 0;
    for await (const line of readline.createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      lines++;
      bytes += line.length + 1;
      if (!asJson || (line !== '[' && line !== ']')) answers++;
    }
    const code = await exited;
    clearInterval(poll);
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0 || answers !== VINS) throw new Error(`check exited ${code} with ${answers} answers for ${VINS} VINs`);
    const report = {
      vins: VINS,
      output: asJson ? 'json' : 'text',
      seconds: Math.round(seconds * 10) / 10,
      peakRssMb: peak,
      outputMb: Math.round(bytes / 1e6),
      lines,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else
      console.log(
        `check of ${VINS.toLocaleString('en-US')} VINs (${report.output}): ${report.seconds} s, peak RSS ${peak ?? '?'} MB, ${report.outputMb.toLocaleString('en-US')} MB written (load ${report.loadAverage.join(' ')})`,
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
