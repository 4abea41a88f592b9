// Two real processes on one database file: the CLI imports a large affected-VIN list while this
// process (as the browser mode or the window would) keeps looking up VINs and tries to write. Lookups
// keep answering, right, while a write that meets the import's lock waits (its wait does not freeze
// this thread); the write gives up after a bounded wait and says what it waited for; an import started
// here waits its turn. How fast lookups answer is the benches' business, not this test's.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Envelope } from '../../shared/api';
import { CLI } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir, testApp } from '../support/tempdb';

const ROWS = 1_000_000;
const SLOW_IMPORT = path.join(import.meta.dirname, '..', 'support', 'slow-import.cjs');
const VDS = ['BE96S', 'CE96S', 'BC96S', 'BL96S', 'BL46F', 'GL46F', 'DU46F', 'BE262'];

function bigList(): string {
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) lines.push(makeVin('JTH', VDS[i % VDS.length]!, 2007 + (i % 2), String(i + 1_000_000).padStart(7, '0')));
  const file = path.join(tempDir(), 'tis-national.txt');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

/** Resolves once the child's import transaction is open (its progress line), or rejects when it ends first. */
function importRunning(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      if (String(d).includes('importing')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the import ended (exit ${code}) before it was seen running`)));
  });
}

/** How long a write here waits for the other process's lock before answering 'busy'. */
const BUSY_WAIT_MS = 1500;

test('while another process imports a large list, lookups go on answering and a write says what it waits for', { timeout: 120_000 }, async () => {
  const dbPath = tempDbPath();
  const app = await testApp({ dbPath, busyWaitMs: BUSY_WAIT_MS });
  const file = bigList();
  const vin = makeVin('JTH', 'BE96S', 2007, '0007930');
  // What a lookup answers before the other process starts: its import is not committed, so every
  // lookup meanwhile must answer the same.
  const answer = await app.dispatch('lookup', { vin });
  expect(answer.ok).toBe(true);
  // The import now commits a million rows in about a second: slowed (test/support/slow-import.cjs) so
  // that it still holds the lock through the measurement, on any machine.
  const child = spawn(process.execPath, ['--require', SLOW_IMPORT, CLI, 'import-vins', 'ALE', file, '--date', '2010-07-07', '--db', dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  try {
    await importRunning(child);

    // A lookup is asked for every 20 ms, as scans and screens would. The defect was a freeze: the thread
    // asleep in SQLite's busy wait while a write waited for the lock, no lookup answered until the write
    // gave up. So what counts is the order of events on this one thread, not their speed: lookups asked
    // and answered while the write is still waiting (a frozen thread answers none), each one right.
    const answers: Envelope<unknown>[] = [];
    let writing = false;
    let duringWrite = 0;
    const asked = setInterval(() => {
      const askedDuringWrite = writing;
      void app.dispatch('lookup', { vin }).then((r) => {
        answers.push(r);
        if (askedDuringWrite && writing) duringWrite++;
      });
    }, 20);
    writing = true;
    const started = performance.now();
    const write = await app.dispatch('setVehicleCampaignStatus', { vin, campaign: 'ALE', status: 'not-applicable' });
    writing = false;
    const writeMs = performance.now() - started;
    const importingAtWriteAnswer = child.exitCode === null;
    // An import started here meanwhile waits for the other one, and says so.
    const preview = (await app.dispatch('previewVinList', {
      campaign: 'ALE',
      fileName: 'local.txt',
      content: makeVin('JTH', 'BE96S', 2007, '0007931'),
      listDate: '2010-08-01',
    })) as Envelope<{ importId: string }>;
    if (!preview.ok) throw new Error(preview.error.message);
    const job = (await app.dispatch('commitImport', { importId: preview.data.importId })) as Envelope<{ jobId: string }>;
    if (!job.ok) throw new Error(job.error.message);
    // Until it says it waits (or the other import ends first, which the expectations below refuse).
    let waiting: Envelope<{ state: string; message: string }> | undefined;
    do {
      await new Promise((r) => setTimeout(r, 50));
      waiting = (await app.dispatch('importStatus', { jobId: job.data.jobId })) as typeof waiting;
    } while (child.exitCode === null && !(waiting?.ok && waiting.data.message.startsWith('Waiting')));
    clearInterval(asked);
    const stillImporting = child.exitCode === null;

    expect(importingAtWriteAnswer, 'the other process was importing when the write answered').toBe(true);
    expect(write).toMatchObject({ ok: false, error: { code: 'busy' } });
    if (!write.ok) {
      expect(write.error.message).toMatch(
        /^Another Recall Desk window or command is running an import \(ALE affected-VIN list of 2010-07-07, started \d\d:\d\d\): nothing was changed\./,
      );
    }
    // It gave up after its own wait: not sooner (a lower bound no load can break), and not after
    // several times its wait (the bound only has to be far from the wait, not from a machine's speed).
    expect(writeMs).toBeGreaterThan(BUSY_WAIT_MS - 100);
    expect(writeMs).toBeLessThan(3 * BUSY_WAIT_MS);
    // Lookups went on while the write waited, and every one answered as before the import.
    expect(duringWrite, 'lookups asked and answered while the write waited for the lock').toBeGreaterThanOrEqual(3);
    for (const r of answers) expect(r).toEqual(answer);
    expect(stillImporting, 'the other process was importing while the job here said it waits').toBe(true);
    expect(waiting).toMatchObject({
      ok: true,
      data: { state: 'running', message: 'Waiting for another window or command to finish its import (ALE affected-VIN list of 2010-07-07)…' },
    });

    expect(await exited).toBe(0);
    // The waiting import then runs, after the other one: its list replaces the other's.
    const end = await app.jobs.wait(job.data.jobId);
    expect(end).toMatchObject({ state: 'done' });
    expect(await app.dispatch('setVehicleCampaignStatus', { vin, campaign: 'ALE', status: 'not-applicable' })).toMatchObject({ ok: true });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  }
});
