// The parts, appointments and claims commands as pinned in the issue: commands, flags, JSON shapes,
// exit codes; and two CLI processes recording movements on one file at once lose nothing.
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { localIsoDate } from '../../shared/dates';
import { CLI, cli } from '../support/cli';
import { LC, TRAINED } from '../support/lane';
import { tempDbPath } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);

describe('recall-desk parts, stock, book, suggest, complete, claims', () => {
  test('a whole visit from the command line, with the JSON shapes the issue pins', () => {
    const db = tempDbPath();
    const parts = JSON.parse(run(db, 'parts', '--json').stdout);
    expect(parts.parts[0]).toMatchObject({ campaign: '23LJ01', partNumber: '04002-****', onHand: 0, onOrder: 0, stockingLevel: 0 });

    const refused = run(db, 'book', LC, '--campaign', '23LJ01', '--at', '2026-11-30T09:00');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^The remedy's status is unknown for this vehicle \(its phase is not known\): .* book it only with a goodwill reason/);

    const booked = run(
      db,
      'book',
      LC,
      '--campaign',
      '23LJ01',
      '--at',
      // Later today: the visit is completed below, on the day the vehicle is here.
      `${localIsoDate(new Date())}T23:59`,
      '--model',
      'LC',
      '--produced',
      '2022-12',
      '--json',
    );
    expect(booked.code).toBe(0);
    expect(JSON.parse(booked.stdout)).toEqual({ id: 1, warnings: [] });

    const s = JSON.parse(run(db, 'suggest', '--horizon', '36500', '--json').stdout || '{}');
    expect(s).toEqual({}); // 36,500 days is refused (exit 2, nothing on stdout)
    const suggest = run(db, 'suggest', '--horizon', '365', '--json');
    const lines = JSON.parse(suggest.stdout);
    expect(Object.keys(lines)).toEqual(['horizonDays', 'lines']);
    expect(lines.horizonDays).toBe(365);
    for (const l of lines.lines) expect(Object.keys(l)).toEqual(['campaign', 'partNumber', 'method', 'quantity', 'vin', 'reason']);
    expect(typeof lines.lines[0].quantity).toBe('number');

    const accepted = run(db, 'suggest', '--horizon', '365', '--accept', '--by', 'Pat', '--json');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).lines.filter((l: { method: string }) => l.method === 'cpor')).toEqual([
      expect.objectContaining({ campaign: '23LJ01', partNumber: '04002-****', quantity: 1, vin: LC }),
    ]);
    expect(JSON.parse(run(db, 'suggest', '--horizon', '365', '--json').stdout).lines.filter((l: { method: string }) => l.method === 'cpor')).toEqual([]);
    expect(run(db, 'appointment', '1', 'arrived').stdout.trim()).toBe('Appointment 1: arrived.');
    expect(run(db, 'techs', 'add', 'Dana Kim', ...TRAINED.flatMap((c) => ['--course', c])).code).toBe(0);
    expect(run(db, 'techs', 'add', 'Lee Park', '--course', TRAINED[0]!).code).toBe(0);
    expect(JSON.parse(run(db, 'techs', '--json').stdout).technicians.map((t: { name: string }) => t.name)).toEqual(['Dana Kim', 'Lee Park']);

    expect(run(db, 'stock', 'receive', '04002-12345', '1', '--vin', LC).code).toBe(0);
    expect(run(db, 'settings', 'staff', 'add', 'Sam').code).toBe(0);
    const untrained = run(db, 'complete', '1', '--tech', 'Lee Park', '--verified-by', 'Sam');
    expect([untrained.code, untrained.stderr.split('\n')[0]]).toEqual([2, 'Lee Park may not do this work: a required course is missing.']);
    const self = run(db, 'complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Dana Kim');
    expect([self.code, self.stderr.trim()]).toEqual([
      2,
      'Dana Kim did the work and cannot also verify it: an associate other than the technician verifies the vehicle before delivery.',
    ]);
    const done = run(db, 'complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Sam', '--ro', 'RO-9');
    expect(done.code).toBe(0);

    const claims = JSON.parse(run(db, 'claims', '--json').stdout);
    expect(claims.claims[0]).toMatchObject({ id: 1, vin: LC, campaign: '23LJ01', opCode: '23LJ01R1', hours: 0.4 });
    expect(run(db, 'claims', 'correct', '1', '--op-code', '23LJ01R2', '--reason', 'typed the wrong op code').code).toBe(0);
    const csv = run(db, 'claims', '--csv').stdout;
    expect(csv.split('\r\n')[1]).toMatch(
      // Goodwill "no"; the correction as the Claims screen writes it.
      /^1,JTHKPAAY4PA001234,23LJ01,23LJ01R2,0.4,RO-9,Dana Kim,Sam,\d{4}-\d\d-\d\d,no,,"Op code was 23LJ01R1 → 23LJ01R2: typed the wrong op code \(/,
    );
    const history = JSON.parse(run(db, 'stock', 'history', '04002-****', '--json').stdout);
    expect(history.movements.map((m: { kind: string; partNumber: string }) => [m.kind, m.partNumber])).toEqual([
      ['order', '04002-****'],
      ['receive', '04002-12345'],
      ['use', '04002-12345'],
    ]);
    expect(run(db, 'appointments', '--json').stdout).toContain('"status": "completed"');
  }, 180_000); // some 20 CLI processes: minutes on a loaded machine

  test('bad input exits 2 with the reason on stderr and changes nothing', () => {
    const db = tempDbPath();
    expect(run(db, 'parts', 'set', 'BLC', '12345-67890', '--description', 'Clip', '--released').code).toBe(0);
    const bad: [string[], RegExp][] = [
      [['stock', 'receive', '12345-67890', '1.5'], /^quantity: the number must be whole/],
      [['stock', 'receive', '12345-67890', 'two'], /^QTY "two" is not a number/],
      [['stock', 'receive', '99999-1', '1'], /^No campaign lists the part 99999-1\./],
      [['stock', 'order', '12345-67890', '1', '--expected', '2026-02-30'], /^Expected date: "2026-02-30" is not a date: February 2026 has 28 days\./],
      [['stock', 'use', '12345-67890', '1'], /^Only 0 of 12345-67890 on hand: cannot use 1\./],
      [['book', 'JTHKPAAY4PA00123', '--campaign', '23LJ01', '--at', '2026-11-30T09:00'], /VIN/],
      [['book', LC, '--campaign', 'NOPE', '--at', '2026-11-30T09:00'], /^No campaign "NOPE" in the library\./],
      [['book', LC, '--campaign', '23LJ01', '--at', '2026-13-01T09:00'], /^at: that day does not exist/],
      [['parts', 'set', 'BLC', '12345-67890', '--mac', 'X'], /^--mac "X" is not a MAC code/],
      [['appointment', '7', 'arrived'], /^No appointment 7\./],
    ];
    for (const [args, reason] of bad) {
      const r = run(db, ...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).not.toMatch(/at .*\.(ts|cjs):\d+/); // never a stack trace
    }
    // A negative number reaches the command after `--` (else it reads as an option) and is refused too.
    const negative = cli(['stock', 'receive', '--db', db, '12345-67890', '--', '-3']);
    expect([negative.code, negative.stderr.split('\n')[0]]).toEqual([2, 'quantity: the number must not be negative']);
    expect(JSON.parse(run(db, 'stock', 'history', '12345-67890', '--json').stdout).movements).toEqual([]);
  });
});

/** One CLI process, asynchronously, so two can run at once. */
function spawnCli(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    p.once('error', reject);
    p.once('exit', (code) => resolve(code ?? -1));
  });
}

async function hammer(db: string, kind: string, times: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < times; i++) codes.push(await spawnCli(['stock', kind, '12345-67890', '1', '--by', kind, '--db', db]));
  return codes;
}

test('two processes recording movements on one file at once lose nothing, and never issue stock that is not there', async () => {
  const db = tempDbPath();
  expect(run(db, 'parts', 'set', 'BLC', '12345-67890', '--description', 'Clip', '--released').code).toBe(0);
  expect(run(db, 'stock', 'receive', '12345-67890', '6').code).toBe(0);
  // One process receives 8 while two others issue 8 each: 6 + 8 = 14 can be issued, no more.
  const [received, usedA, usedB] = await Promise.all([hammer(db, 'receive', 8), hammer(db, 'use', 8), hammer(db, 'use', 8)]);
  expect(received).toEqual(Array(8).fill(0));
  const used = [...usedA, ...usedB].filter((c) => c === 0).length;
  expect([...usedA, ...usedB].every((c) => c === 0 || c === 2)).toBe(true);
  const history = JSON.parse(run(db, 'stock', 'history', '12345-67890', '--json').stdout);
  expect(history.movements.filter((m: { kind: string }) => m.kind === 'receive')).toHaveLength(9);
  expect(history.movements.filter((m: { kind: string }) => m.kind === 'use')).toHaveLength(used);
  expect(history.position.onHand).toBe(14 - used);
  expect(history.position.onHand).toBeGreaterThanOrEqual(0);
}, 180_000);
