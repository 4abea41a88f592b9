// What the Chromium benches (first paint, a part's ledger) measure and print alike.
import type { Response } from 'playwright-core';

/** From sending the request to the last byte of the answer: the services' share of a first paint. */
export async function requestMs(response: Response): Promise<number> {
  await response.finished();
  return response.request().timing().responseEnd;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const ms = (x: number) => Math.round(x);

/** "NAME median N ms (runs: a, b, c) goal < G ms: met", the name padded to `width`. */
export const runsLine = (name: string, xs: number[], width: number, goalMs: number) =>
  `${name.padEnd(width)} median ${String(ms(median(xs))).padStart(6)} ms  (runs: ${xs.map(ms).join(', ')})  goal < ${goalMs} ms: ${median(xs) < goalMs ? 'met' : 'NOT MET'}`;
