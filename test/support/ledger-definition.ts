// The stock ledger's positions by a plain definition, to hold the fold (main/parts/ledger.ts) to: what
// is still on order is the running total of orders less receipts, less its lowest point (a receipt beyond
// what is open fills nothing later); on hand is the last count plus what came in and went out after it;
// a reversed movement, and a reversal, count as never made. And a varied ledger to hold it on.
import type { App } from '../../main/app';
import { ledgerOf } from '../../main/parts/service';
import { LC, LC2 } from './lane';
import { rng } from './synthetic';

type Row = { id: number; part: string; kind: string; quantity: number; vin: string | null; reverses_id: number | null };
export type Expected = { onHand: number; onOrder: number; ordered: boolean };

/** Every (part, VIN) position by the plain definition, from every movement on file. */
export function defined(app: App): Map<string, Expected> {
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
export function folded(app: App): Map<string, Expected> {
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
export function comparable(defs: Map<string, Expected>, folds: Map<string, Expected>): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [key, d] of defs) {
    if (key.endsWith('|')) {
      if (d.onHand !== 0 || d.onOrder !== 0 || folds.has(key)) out.set(key, { ...d, ordered: false });
    } else out.set(key, d);
  }
  return out;
}

const KINDS = ['order', 'order', 'receive', 'receive', 'use', 'return', 'count'] as const;

export function addMovements(app: App, seed: number, n: number, reversals: number) {
  const r = rng(seed);
  const s = app.db.sqlite;
  const parts = ['P-A', 'P-B', 'P-C', '04002-****', 'K-77'];
  const vins = [LC, LC2, 'JTHBE96S470012345', 'JTHBE96S270054321'];
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
