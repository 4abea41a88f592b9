// Opening a part's ledger with 10,000 movements, in Chromium, against the real browser mode.
//
// Run: npm run bench -- --only ledger   (after `npm run build`), or BENCH_MOVEMENTS / BENCH_RUNS to vary it.
//
// A database where the BLC clip 12345-67890 (amended through the CLI, as a counter does) has 10,000
// movements: receipts with invoice numbers, orders with expected dates, repairs, returns, counts and a
// few reversals, written as the ledger writes its rows. `dist/main/cli.cjs serve` on it, and in
// Debian's Chromium: F7, then a click on the part number until the first ledger rows are painted (timed
// in the page; the test driver's own view beside it). Goal: under 1 s. Also: the request's share, the elements drawn and a scroll to the end of the ledger.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { OFFLINE_CHROMIUM_ARGS } from '../../main/forms/chromium-args';
import { type Served, serve } from '../support/serve';
import { median, ms, requestMs, runsLine } from './browser-timing';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'main', 'cli.cjs');
const MOVEMENTS = Number(process.env.BENCH_MOVEMENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_MS = 1000;
const PART = '12345-67890';

/** A ledger row of the table of old, or of the virtualised one. */
const LEDGER_ROW = 'table[aria-label="Ledger history"] tbody tr, [data-testid="ledger-row"]';

/** 10,000 movements of one stock part, as the ledger writes them (on hand never below zero). */
function seed(file: string): void {
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO stock_movements (part, part_number, kind, quantity, vin, expected_on, ref, appointment_id, reverses_id, made_by, made_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?)`,
  );
  const cycle = [
    ['order', 3],
    ['receive', 3],
    ['use', 1],
    ['use', 1],
    ['return', 1],
    ['use', 2],
    ['count', 0],
    ['receive', 2],
    ['use', 1],
    ['use', 1],
  ] as const;
  const start = Date.parse('2024-01-02T08:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < MOVEMENTS; i++) {
      const at = new Date(start + i * 3_600_000).toISOString();
      const [kind, q] = cycle[i % cycle.length]!;
      if (i % 997 === 996) {
        insert.run(PART, PART, 'reverse', 1, null, 'Keyed twice', i, 'Pat Lee', at);
        continue;
      }
      const expected = kind === 'order' ? at.slice(0, 10) : null;
      const ref = kind === 'order' ? `PO-${i}` : kind === 'receive' ? `INV-${i}` : kind === 'use' ? `RO-${40_000 + i}` : null;
      insert.run(PART, PART, kind, q, expected, ref, null, i % 3 ? 'Pat Lee' : 'Dana Kim', at);
    }
  })();
  db.close();
}

async function main() {
  const json = process.argv.includes('--json');
  if (!fs.existsSync(CLI)) throw new Error('Build first: npm run build.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-ledger-bench-'));
  const db = path.join(dir, 'bench.sqlite');
  let server: Served | null = null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: OFFLINE_CHROMIUM_ARGS });
  try {
    const cli = ['parts', 'set', 'BLC', PART, '--description', 'Carpet retainer clip', '--quantity', '1', '--released', '--not-per-vin'];
    execFileSync(process.execPath, [CLI, ...cli, '--by', 'Bench', '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
    seed(db);
    server = await serve(CLI, db);
    const open: number[] = [];
    const request: number[] = [];
    const inPage: number[] = [];
    let elements = 0;
    let toEnd = 0;
    for (let run = 0; run < RUNS; run++) {
      // A fresh page per run: nothing cached in the renderer.
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      await page.keyboard.press('F7');
      const button = page.getByTestId('parts').getByRole('button', { name: new RegExp(PART) });
      await button.waitFor();
      const answer = page.waitForResponse((r) => /\/api\/(stockHistory|partLedger)$/.test(r.url()), { timeout: 120_000 });
      const t0 = performance.now();
      // Timed in the page too (click → first ledger row in the DOM → the next frame painted), free of the
      // test driver's own round trips, which a loaded machine stretches.
      const painted = page.evaluate(
        ({ sel, part }) =>
          new Promise<number>((resolve) => {
            const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="parts"] button')].find((b) => b.textContent?.includes(part));
            const start = performance.now();
            const seen = () => {
              if (!document.querySelector(sel)) return false;
              requestAnimationFrame(() => resolve(performance.now() - start));
              return true;
            };
            const watch = new MutationObserver(() => seen() && watch.disconnect());
            watch.observe(document.body, { childList: true, subtree: true });
            button!.click();
          }),
        { sel: LEDGER_ROW, part: PART },
      );
      await page.locator(LEDGER_ROW).first().waitFor({ timeout: 120_000 });
      open.push(performance.now() - t0);
      inPage.push(await painted);
      request.push(await requestMs(await answer));
      elements = await page.evaluate(() => document.querySelector('.part-detail')?.querySelectorAll('*').length ?? 0);
      if (run === 0) {
        // The far end of the ledger is reachable: scrolled to the bottom (of the box, or the page of old),
        // the movement at the other end from the first row drawn (the oldest or the newest) is drawn.
        const top = await page.locator(LEDGER_ROW).first().locator('td').first().textContent();
        const far = (top ?? '').trim() === '1' ? String(MOVEMENTS) : '1';
        const t1 = performance.now();
        await page.evaluate(() => {
          const box = document.querySelector<HTMLElement>('[data-testid="ledger-rows"]') ?? document.scrollingElement!;
          box.scrollTop = box.scrollHeight;
        });
        await page.waitForFunction(
          ({ sel, far }) => [...document.querySelectorAll(sel)].some((r) => r.querySelector('td')?.textContent?.trim() === far),
          { sel: LEDGER_ROW, far },
          { timeout: 120_000, polling: 'raf' },
        );
        toEnd = performance.now() - t1;
      }
      await page.close();
    }
    const report = {
      movements: MOVEMENTS,
      runs: RUNS,
      ledgerOpenMs: { median: ms(median(open)), all: open.map(ms), requestMedian: ms(median(request)) },
      ledgerOpenInPageMs: { median: ms(median(inPage)), all: inPage.map(ms) },
      scrollToLastMs: ms(toEnd),
      elementsDrawn: elements,
      goalMet: median(inPage) < GOAL_MS,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
    if (json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`A part's ledger with ${MOVEMENTS.toLocaleString('en-US')} movements, Chromium, ${RUNS} runs:`);
      const line = (name: string, xs: number[]) => runsLine(name, xs, 40, GOAL_MS);
      console.log(line('Open, in the page (click → rows painted)', inPage));
      console.log(line('Open, as the test driver sees it', open));
      console.log(`  of which the request (services + transfer): median ${ms(median(request))} ms`);
      console.log(`Scroll to the far end of the ledger: ${ms(toEnd)} ms; elements drawn in the part's panel: ${elements.toLocaleString('en-US')}`);
      console.log(`Load average while measured: ${report.loadAverage.join(' ')}`);
    }
  } finally {
    await browser.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
