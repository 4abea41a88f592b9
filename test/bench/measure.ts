// What every bench module shares: timing with the machine's noise spread evenly, the figures it
// reports, and a fresh app over a temporary database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../main/app';

export type Stats = { n: number; medianUs: number; p99Us: number; meanUs: number };

/** One line of the bench's table: a timing (n, median, p99, mean in µs) or a single value. */
export type Figure = {
  what: string;
  stats?: Stats;
  value?: number;
  unit?: string;
  /** The goal in words ("≤ 2x raw", "< 250 µs") and whether this run met it. */
  goal?: string;
  met?: boolean;
};

/** A bench module: `npm run bench` runs each and prints its figures; `--json` prints them as JSON. */
export type Bench = { name: string; run(): Promise<{ figures: Figure[]; details?: Record<string, unknown> }> };

export const round = (x: number) => Math.round(x * 100) / 100;
export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

export function stats(times: Float64Array): Stats {
  const n = times.length;
  times.sort();
  const mean = times.reduce((a, b) => a + b, 0) / n;
  const at = (q: number) => times[Math.min(n - 1, Math.floor(q * n))]!;
  return { n, medianUs: round(at(0.5)), p99Us: round(at(0.99)), meanUs: round(mean) };
}

/**
 * Times each function per call, interleaved (a, b, a, b, ...), so that the machine's noise (a busy
 * neighbour, a GC pause) falls on all of them alike and their ratio stays meaningful. A function that
 * returns a promise is awaited: its time is until it settles.
 */
export async function measureInterleaved(n: number, fns: ((i: number) => unknown)[], warmup = 2000): Promise<Stats[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn(i);
  const times = fns.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < fns.length; f++) {
      const t0 = process.hrtime.bigint();
      const r = fns[f]!(i);
      if (r instanceof Promise) await r;
      times[f]![i] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  return times.map(stats);
}

/**
 * Runs `fn` with an app over a fresh temporary database, removed afterwards. No vPIC decoder: these
 * benches time the rules, and unpacking vPIC in the background would land inside their figures (the
 * decode is timed where the counter meets it, in scan-to-answer).
 */
export async function withTempApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-bench-'));
  const app = await createApp({ dbPath: path.join(dir, 'bench.sqlite'), vpicPath: null });
  try {
    return await fn(app);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak growth of the heap and buffers while `fn` runs, sampled every 20 ms, in MB. */
export async function peakHeap<T>(fn: () => Promise<T>): Promise<{ result: T; heapMb: number }> {
  // Buffers live outside the JS heap (a list's VINs are held in one): counted too.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = used();
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, used())), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, used());
    return { result, heapMb: Math.round((peak - before) / 1024 / 1024) };
  } finally {
    clearInterval(sample);
  }
}
