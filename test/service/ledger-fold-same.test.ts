// The whole-ledger fold the suggestions read (Ledger.positions) against a plain definition of each
// position, on a varied ledger of thousands of movements: shelf parts and parts held per VIN, orders,
// receipts that fill them and overfill them, issues, returns, counts, reversals of each kind (a
// reversal of a reversal too), folded whole, then carried forward with more movements, then folded
// again after a later reversal. The definition does not queue orders: what is still on order is the
// running total of orders less receipts, less its lowest point (a receipt beyond what is open fills
// nothing later); on hand is the last count plus what came in and went out after it.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { ledgerOf } from '../../main/parts/service';
import { rng } from '../support/synthetic';
import { LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

type Row = { id: number; part: string; kind: string; quantity: number; vin: string | null; reverses_id: number | null };
type Expected = { onHand: number; onOrder: number; ordered: boolean };

/** Every (part, VIN) position by the plain definition, from every movement on file. */
function defined(app: App): Map<string, Expected> {
  const rows = app.db.sqlite.prepare<[], Row>('SELECT id, part, kind, quantity, vin, reverses_id FROM stock_movements ORDER BY id').all();
  const reversed = new Set(rows.filter((r) => r.kind === 'reverse' && r.reverses_id !== null).map((r) => r.reverses_id!));
  const byBucket = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.kind === 'reverse' || reversed.has(r.id)) continue;
    const key = `${r.part}|${r.vin ?? ''}`;
    byBucket.set(key, [...(byBucket.get(key) ?? []), r]);
  }
  const out = new Map<string, Expected>();
  for (const [key, list] of byBucket) {
    let running = 0;
    let lowest = 0;
    for (const r of list) {
      running += r.kind === 'order' ? r.quantity : r.kind === 'receive' ? -r.quantity : 0;
      lowest = Math.min(lowest, running);
    }
    const lastCount = list.findLastIndex((r) => r.kind === 'count');
    const after = list.slice(lastCount + 1);
    const onHand =
      (lastCount >= 0 ? list[lastCount]!.quantity : 0) +
      after.reduce((n, r) => n + (r.kind === 'receive' || r.kind === 'return' ? r.quantity : r.kind === 'use' ? -r.quantity : 0), 0);
    out.set(key, { onHand, onOrder: running - lowest, ordered: list.some((r) => r.kind === 'order') });
  }
  return out;
}

/** What Ledger.positions says, in the same shape: each VIN's bucket, and the shelf (the part's total less its VINs'). */
function folded(app: App): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [part, p] of ledgerOf(app.db).positions()) {
    let onHand = p.onHand;
    let onOrder = p.onOrder;
    for (const [vin, v] of p.perVin) {
      out.set(`${part}|${vin}`, { onHand: v.onHand, onOrder: v.onOrder, ordered: v.ordered });
      onHand -= v.onHand;
      onOrder -= v.onOrder;
    }
    if (onHand !== 0 || onOrder !== 0 || !p.perVin.size) out.set(`${part}|`, { onHand, onOrder, ordered: false });
  }
  return out;
}

/** The defined positions with the shelf's "ordered" left out (the positions keep it per VIN only), buckets at zero dropped like the fold's sums. */
function comparable(defs: Map<string, Expected>, folds: Map<string, Expected>): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [key, d] of defs) {
    if (key.endsWith('|')) {
      if (d.onHand !== 0 || d.onOrder !== 0 || folds.has(key)) out.set(key, { ...d, ordered: false });
    } else out.set(key, d);
  }
  return out;
}

const KINDS = ['order', 'order', 'receive', 'receive', 'use', 'return', 'count'] as const;

function addMovements(app: App, seed: number, n: number, reversals: number) {
  const r = rng(seed);
  const s = app.db.sqlite;
  const parts = ['P-A', 'P-B', 'P-C', '04002-****', 'K-77'];
  const vins = [LC, LC2, 'JTHBE96S570012345', 'JTHBE96S570054321'];
  const move = s.prepare(
    "INSERT INTO stock_movements (part, part_number, kind, quantity, vin, reverses_id, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, 'test', 'now')",
  );
  s.transaction(() => {
    for (let i = 0; i < n; i++) {
      const part = parts[Math.floor(r() * parts.length)]!;
      const perVin = part === '04002-****' || (part === 'K-77' && r() < 0.5);
      const kind = KINDS[Math.floor(r() * KINDS.length)]!;
      move.run(part, part, kind, Math.floor(r() * 4), perVin ? vins[Math.floor(r() * vins.length)]! : null, null);
    }
    const open = s
      .prepare<[], number>('SELECT id FROM stock_movements m WHERE NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_id = m.id) ORDER BY id')
      .pluck()
      .all();
    for (let i = 0; i < reversals && open.length; i++) {
      const [id] = open.splice(Math.floor(r() * open.length), 1);
      const m = s.prepare<[number], Row>('SELECT * FROM stock_movements WHERE id = ?').get(id!)!;
      const made = move.run(m.part, m.part, 'reverse', 0, m.vin, id!);
      // Now and then the reversal itself is reversed (it still counts as if never made: the movement stays reversed).
      if (r() < 0.1) move.run(m.part, m.part, 'reverse', 0, m.vin, Number(made.lastInsertRowid));
    }
  })();
}

describe('the fold the suggestions read', () => {
  test('every position is the plain definition: folded whole, carried forward, and folded again after a reversal', async () => {
    const app = await testApp();
    addMovements(app, 3, 4000, 150);
    const check = () => {
      const folds = folded(app);
      const defs = comparable(defined(app), folds);
      // The case is worth having: per-VIN buckets, overfilled receipts, counts.
      expect(defs.size).toBeGreaterThan(10);
      expect(folds).toEqual(defs);
    };
    check();
    // Carried forward: more movements, no reversal among them.
    addMovements(app, 4, 500, 0);
    check();
    // A reversal among the new movements: folded again from the start.
    addMovements(app, 5, 200, 20);
    check();
  });
});
