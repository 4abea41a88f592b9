// The whole-ledger fold kept in the file (migration 012, main/parts/ledger.ts): a recorded movement keeps
// it every KEEP_EVERY movements, in its own transaction; a new process (a new app on the same file)
// starts from it only while its last movement still reads as it did, and folds what came after on top.
// Each position is held to the plain definition (test/support/ledger-definition.ts). That the kept fold
// is what a new process reads is shown by altering it in the file: the alteration shows, unless the
// kept fold no longer matches the ledger, when it is not read at all.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { KEEP_EVERY } from '../../main/parts/ledger';
import { ledgerOf } from '../../main/parts/service';
import { addMovements, comparable, defined, folded } from '../support/ledger-definition';
import { rng } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const KINDS = ['order', 'receive', 'use', 'return', 'count', 'order'] as const;

/** n movements recorded as the app records them (each through Ledger.record), in one transaction. */
function record(app: App, seed: number, n: number) {
  const r = rng(seed);
  const ledger = ledgerOf(app.db);
  app.db.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const part = ['P-A', 'P-B', '04002-****'][Math.floor(r() * 3)]!;
      ledger.record({
        part,
        part_number: part,
        kind: KINDS[Math.floor(r() * KINDS.length)]!,
        quantity: Math.floor(r() * 4),
        vin: part === '04002-****' ? ['JTHBE96S470012345', 'JTHBE96S270054321'][Math.floor(r() * 2)]! : null,
        expected_on: null,
        ref: null,
        appointment_id: null,
        reverses_id: null,
        made_by: 'Pat',
        made_at: '2026-11-23T12:00:00.000Z',
      });
    }
  })();
}

const kept = (app: App) =>
  app.db.sqlite.prepare<[], { last_id: number; last_row: string; buckets: string }>('SELECT last_id, last_row, buckets FROM ledger_fold').get();
const asDefined = (app: App) => {
  const folds = folded(app);
  expect(folds).toEqual(comparable(defined(app), folds));
};
type KeptFold = [parts: string[], vins: string[], numbers: number[]];
/**
 * Where each on hand is in the kept fold's numbers (see KeptFold in main/parts/ledger.ts): by part, its
 * shelf's (or -1) and each of its VINs'.
 */
function places([parts, vins, n]: KeptFold) {
  const out = new Map<string, { shelf: number; vins: Map<string, number> }>();
  let [at, v] = [0, 0];
  const bucket = () => {
    const here = at;
    at += 4 + 2 * n[at + 3]!;
    return here;
  };
  for (const part of parts) {
    const shelf = n[at++] === 1 ? bucket() : -1;
    const byVin = new Map<string, number>();
    for (let count = n[at++]!; count > 0; count--) byVin.set(vins[v++]!, bucket());
    out.set(part, { shelf, vins: byVin });
  }
  expect([at, v]).toEqual([n.length, vins.length]);
  return out;
}
/** The kept fold changed by `f` (its numbers, and where each on hand is). */
const alter = (app: App, f: (numbers: number[], at: ReturnType<typeof places>) => void) => {
  const fold = JSON.parse(kept(app)!.buckets) as KeptFold;
  f(fold[2], places(fold));
  app.db.sqlite.prepare('UPDATE ledger_fold SET buckets = ?').run(JSON.stringify(fold));
};
/** P-A's shelf stock as kept, made 1,000 more (an alteration a new process shows only if it reads the kept fold). */
const alterKept = (app: App) =>
  alter(app, (n, at) => {
    n[at.get('P-A')!.shelf]! += 1000;
  });

describe('the fold kept in the file', () => {
  test('kept every KEEP_EVERY recorded movements, up to the last one; a new process starts from it and folds the rest on top', async () => {
    const app = await testApp();
    record(app, 1, KEEP_EVERY - 1);
    expect(kept(app)).toBeUndefined();
    record(app, 2, 1);
    expect(kept(app)?.last_id).toBe(KEEP_EVERY);
    // It is what a new process reads: altered in the file, the alteration shows.
    const original = kept(app)!.buckets;
    alterKept(app);
    const altered = await testApp({ dbPath: app.db.path });
    expect(ledgerOf(altered.db).positions().get('P-A')!.onHand - ledgerOf(app.db).positions().get('P-A')!.onHand).toBe(1000);
    app.db.sqlite.prepare('UPDATE ledger_fold SET buckets = ?').run(original);
    record(app, 3, 120);
    expect(kept(app)?.last_id).toBe(KEEP_EVERY);
    // A new process: the kept fold, then the 120 after it.
    asDefined(await testApp({ dbPath: app.db.path }));
  });

  test('movements another process added after it, a reversal among them, are folded: with a reversal, from the start', async () => {
    const app = await testApp();
    record(app, 4, KEEP_EVERY);
    expect(kept(app)?.last_id).toBe(KEEP_EVERY);
    addMovements(app, 5, 300, 0);
    asDefined(await testApp({ dbPath: app.db.path }));
    addMovements(app, 6, 50, 10);
    alterKept(app);
    // The alteration is not read: a reversal after the kept fold folds everything again.
    asDefined(await testApp({ dbPath: app.db.path }));
  });

  test('not read when its last movement no longer reads as it did, it was kept in another format, or it is damaged', async () => {
    const app = await testApp();
    record(app, 7, KEEP_EVERY + 10);
    alterKept(app);
    const k = kept(app)!;
    const row = JSON.parse(k.last_row) as unknown[];
    app.db.sqlite.prepare('UPDATE ledger_fold SET last_row = ?').run(JSON.stringify([row[0], row[1], row[2], Number(row[3]) + 1, row[4], row[5]]));
    asDefined(await testApp({ dbPath: app.db.path }));
    app.db.sqlite.prepare('UPDATE ledger_fold SET last_row = ?, format = format + 1').run(k.last_row);
    asDefined(await testApp({ dbPath: app.db.path }));
    // Damaged (not JSON): folded from the movements, and kept again with the next recorded movement.
    app.db.sqlite.prepare('UPDATE ledger_fold SET format = format - 1, buckets = \'[["P-A", [1\'').run();
    const damaged = await testApp({ dbPath: app.db.path });
    asDefined(damaged);
    record(damaged, 10, 1);
    expect(JSON.parse(kept(app)!.buckets)).toBeInstanceOf(Array);
    asDefined(await testApp({ dbPath: app.db.path }));
  });

  test("a VIN's bucket is read from the kept lists; with numbers or VINs left over or missing, they are not read", async () => {
    const app = await testApp();
    record(app, 11, KEEP_EVERY + 5);
    const original = kept(app)!.buckets;
    const perVin = (other: App, vin: string) => ledgerOf(other.db).positions().get('04002-****')!.perVin.get(vin)!.onHand;
    // The first VIN's on hand made 1,000 more, the second's untouched: a new process shows exactly that.
    let vins: string[] = [];
    alter(app, (n, at) => {
      vins = [...at.get('04002-****')!.vins.keys()];
      n[at.get('04002-****')!.vins.get(vins[0]!)!]! += 1000;
    });
    expect(vins).toHaveLength(2);
    const altered = await testApp({ dbPath: app.db.path });
    expect(perVin(altered, vins[0]!) - perVin(app, vins[0]!)).toBe(1000);
    expect(perVin(altered, vins[1]!)).toBe(perVin(app, vins[1]!));
    // One number more, or one fewer, or a VIN more: not this version's fold; folded from the movements.
    const damages = [(f: KeptFold) => f[2].push(0), (f: KeptFold) => f[2].pop(), (f: KeptFold) => f[1].push(vins[0]!)];
    for (const damage of damages) {
      app.db.sqlite.prepare('UPDATE ledger_fold SET buckets = ?').run(original);
      alter(app, (n, at) => {
        n[at.get('04002-****')!.vins.get(vins[0]!)!]! += 1000;
      });
      const fold = JSON.parse(kept(app)!.buckets) as KeptFold;
      damage(fold);
      app.db.sqlite.prepare('UPDATE ledger_fold SET buckets = ?').run(JSON.stringify(fold));
      asDefined(await testApp({ dbPath: app.db.path }));
    }
  });

  test('kept in the transaction of the movement: rolled back with it', async () => {
    const app = await testApp();
    record(app, 8, KEEP_EVERY);
    const before = kept(app);
    const ledger = ledgerOf(app.db);
    expect(() =>
      app.db.sqlite.transaction(() => {
        record(app, 9, KEEP_EVERY);
        expect(kept(app)?.last_id).toBe(2 * KEEP_EVERY);
        throw new Error('roll back');
      })(),
    ).toThrow(/roll back/);
    expect(kept(app)).toEqual(before);
    expect(ledger.positions().size).toBeGreaterThan(0);
    asDefined(app);
    asDefined(await testApp({ dbPath: app.db.path }));
  });
});
