// The stock ledger: every receipt, order, issue, return and count is a dated movement; on hand and on
// order are folded from them, never stored. A receipt fills that part's open orders first, oldest
// first; a reversed movement counts as if it had never been made (nothing is deleted).
// The whole-ledger fold is kept in memory and carried forward with the movements added since (the
// ledger is append-only); a reversal, or a last movement that is no longer there (a rolled-back write),
// folds it again from the start. It is also kept in the file (migration 012), written with a recorded
// movement every KEEP_EVERY movements, so a new process starts from it instead of from the first movement.
import { ApiError } from '../../shared/api';
import type { LedgerLine, Movement } from '../../shared/parts/contract';
import { analyzeVin } from '../../shared/vin';
import type { Db } from '../db/open';
import type { MovementKind, Row } from '../db/schema';

export type Position = { onHand: number; onOrder: number };
/** A vehicle's position in a part held per VIN; `ordered`: an order for it is on record (not reversed). */
export type VinPosition = Position & { ordered: boolean };
/** A part's position; `perVin` is the fold's own per-VIN map (kept current with it): read it, do not change it. */
export type PartPosition = Position & { perVin: ReadonlyMap<string, Readonly<VinPosition>> };
type Bucket = Position & { open: { id: number; left: number }[]; ordered: boolean };

/** The kept fold's format: a fold kept by another format (another version's rules) is not read. */
const KEPT_FORMAT = 2;
/** A recorded movement keeps the fold in the file when this many have been recorded since it was last kept. */
export const KEEP_EVERY = 500;
/**
 * The fold as kept: three lists, read in three steps (not three lists per bucket): the parts, in the fold's
 * order; their VINs, part after part; and the numbers, part after part: 1 and the shelf bucket, or 0 for
 * none; the number of its VINs; then each VIN's bucket. A bucket is on hand, on order, ordered (1/0), the
 * number of its open orders, then each open order's id and what is left of it.
 */
type KeptFold = [parts: string[], vins: string[], numbers: number[]];

type MovementRow = Row<'stock_movements'>;
/** id, part_number, kind, quantity, vin, expected_on, ref, reverses_id, made_by, made_at: what the ledger on screen shows. */
type LineRow = [number, string, MovementKind, number, string | null, string | null, string | null, number | null, string, string];
/** id, part, kind, quantity, vin, reverses_id: what the fold needs, as an array per row. */
type FoldRow = [number, string, MovementKind, number, string | null, number | null];

const bucketKey = (part: string, vin: string | null) => (vin === null ? part : `${part}\u0000${vin}`);
/** The whole ledger's buckets by part, then by VIN (no key built per movement). */
type PartBuckets = { shelf: Bucket | null; perVin: Map<string, Bucket> };
const newBucket = (): Bucket => ({ onHand: 0, onOrder: 0, open: [], ordered: false });
/** The bucket of (part, vin) in a flat map keyed part or part\0vin (one part's folds). */
const flatBucketOf =
  (buckets: Map<string, Bucket>) =>
  (part: string, vin: string | null): Bucket => {
    const key = bucketKey(part, vin);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = newBucket()));
    return b;
  };
/** The same in the whole ledger's map by part, then VIN. */
const nestedBucketOf =
  (buckets: Map<string, PartBuckets>) =>
  (part: string, vin: string | null): Bucket => {
    let p = buckets.get(part);
    if (!p) buckets.set(part, (p = { shelf: null, perVin: new Map() }));
    if (vin === null) return (p.shelf ??= newBucket());
    let b = p.perVin.get(vin);
    if (!b) p.perVin.set(vin, (b = newBucket()));
    return b;
  };

export class Ledger {
  private readonly stmt;
  private folded: { last: FoldRow | null; buckets: Map<string, PartBuckets> } = { last: null, buckets: new Map() };
  /** positions() as last built, and the parts whose movements were folded in since (null: build it all). */
  private pos: { map: Map<string, PartPosition>; dirty: Set<string> } | null = null;
  /** Whether this process has looked at the fold kept in the file (its first fold starts from it). */
  private keptRead = false;
  /** The last movement of the fold kept in the file, as this process last found or wrote it (null: not asked yet). */
  private keptLast: number | null = null;

  constructor(db: Db) {
    const s = db.sqlite;
    this.stmt = {
      since: s.prepare<[number], FoldRow>('SELECT id, part, kind, quantity, vin, reverses_id FROM stock_movements WHERE id > ? ORDER BY id').raw(true),
      row: s.prepare<[number], FoldRow>('SELECT id, part, kind, quantity, vin, reverses_id FROM stock_movements WHERE id = ?').raw(true),
      ofPart: s.prepare<[string], FoldRow>('SELECT id, part, kind, quantity, vin, reverses_id FROM stock_movements WHERE part = ? ORDER BY id').raw(true),
      linesOfPart: s
        .prepare<[string], LineRow>(
          'SELECT id, part_number, kind, quantity, vin, expected_on, ref, reverses_id, made_by, made_at FROM stock_movements WHERE part = ? ORDER BY id',
        )
        .raw(true),
      rowsOfPart: s.prepare<[string], MovementRow>('SELECT * FROM stock_movements WHERE part = ? ORDER BY id'),
      byId: s.prepare<[number], MovementRow>('SELECT * FROM stock_movements WHERE id = ?'),
      insert: s.prepare(
        `INSERT INTO stock_movements (part, part_number, kind, quantity, vin, expected_on, ref, appointment_id, reverses_id, made_by, made_at)
         VALUES (@part, @part_number, @kind, @quantity, @vin, @expected_on, @ref, @appointment_id, @reverses_id, @made_by, @made_at)`,
      ),
      received: s
        .prepare<[string, string], string>(
          "SELECT part_number FROM stock_movements WHERE part = ? AND vin = ? AND kind = 'receive' AND part_number <> part ORDER BY id DESC LIMIT 1",
        )
        .pluck(),
      levels: s.prepare<[], [string, number]>('SELECT part, level FROM stocking_levels').raw(true),
      kept: s.prepare<[], { format: number; last_id: number; last_row: string; buckets: string }>(
        'SELECT format, last_id, last_row, buckets FROM ledger_fold WHERE id = 1',
      ),
      keptLast: s.prepare<[], number>('SELECT last_id FROM ledger_fold WHERE id = 1').pluck(),
      keep: s.prepare<[number, number, string, string]>(
        `INSERT INTO ledger_fold (id, format, last_id, last_row, buckets) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET format = excluded.format, last_id = excluded.last_id, last_row = excluded.last_row, buckets = excluded.buckets`,
      ),
      setLevel: s.prepare(
        `INSERT INTO stocking_levels (part, level, set_by, set_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (part) DO UPDATE SET level = excluded.level, set_by = excluded.set_by, set_at = excluded.set_at`,
      ),
    };
  }

  /** The whole ledger folded, brought up to date with the movements recorded since the last call. */
  private buckets(): Map<string, PartBuckets> {
    // A process's first fold starts from the one kept in the file, when it is still valid.
    if (!this.keptRead) {
      this.keptRead = true;
      if (this.folded.last === null) this.readKept();
    }
    const { last } = this.folded;
    const still = last ? this.stmt.row.get(last[0]) : undefined;
    const valid = last === null || (still !== undefined && sameRow(still, last));
    const from = valid && last ? last[0] : 0;
    const rows = this.stmt.since.all(from);
    if (!valid || hasReversal(rows)) {
      const all = from > 0 ? this.stmt.since.all(0) : rows;
      const buckets = new Map<string, PartBuckets>();
      fold(all, undefined, nestedBucketOf(buckets));
      this.folded = { last: all.at(-1) ?? null, buckets };
      this.pos = null;
    } else if (rows.length > 0) {
      fold(rows, undefined, nestedBucketOf(this.folded.buckets));
      this.folded.last = rows.at(-1)!;
      if (this.pos) for (const r of rows) this.pos.dirty.add(r[1]);
    }
    return this.folded.buckets;
  }

  /**
   * The fold kept in the file, taken as this process's fold when it is of this format and its last
   * movement still reads as it did when it was kept (the ledger is append-only and its ids are never
   * reused, so every movement before it is one it folded). Movements after it are folded on top by
   * buckets(), as for a fold kept in memory; a reversal among them folds again from the start.
   */
  private readKept(): void {
    const k = this.stmt.kept.get();
    // One that cannot be read is kept again with the next recorded movement.
    this.keptLast = 0;
    if (!k || k.format !== KEPT_FORMAT) return;
    const buckets = new Map<string, PartBuckets>();
    let last: FoldRow;
    try {
      last = JSON.parse(k.last_row) as FoldRow;
      const still = this.stmt.row.get(k.last_id);
      if (!still || !sameRow(still, last)) return;
      const [parts, vins, n] = JSON.parse(k.buckets) as KeptFold;
      let at = 0;
      let v = 0;
      const bucket = (): Bucket => {
        const orders = n[at + 3]!;
        const open: Bucket['open'] = new Array(orders);
        for (let o = 0; o < orders; o++) open[o] = { id: n[at + 4 + 2 * o]!, left: n[at + 5 + 2 * o]! };
        const b = { onHand: n[at]!, onOrder: n[at + 1]!, open, ordered: n[at + 2] === 1 };
        at += 4 + 2 * orders;
        return b;
      };
      for (let i = 0; i < parts.length; i++) {
        const shelf = n[at++] === 1 ? bucket() : null;
        const perVin = new Map<string, Bucket>();
        for (let count = n[at++]!; count > 0 && at < n.length; count--) perVin.set(vins[v++]!, bucket());
        buckets.set(parts[i]!, { shelf, perVin });
      }
      // Numbers or VINs left over or missing: not a fold this version kept.
      if (at !== n.length || v !== vins.length) throw new Error('damaged');
    } catch {
      return; // A kept fold that does not read (a damaged row): the ledger is folded from its movements.
    }
    this.keptLast = k.last_id;
    this.folded = { last, buckets };
    this.pos = null;
  }

  /**
   * Keeps the whole fold in the file, up to the movements this transaction sees (a movement just
   * recorded included): it commits or rolls back with them. Done every KEEP_EVERY movements.
   */
  private keepIfDue(id: number): void {
    if (this.keptLast === null) this.keptLast = this.stmt.keptLast.get() ?? 0;
    if (id - this.keptLast < KEEP_EVERY) return;
    const buckets = this.buckets();
    const last = this.folded.last;
    if (!last) return;
    const fold: KeptFold = [[], [], []];
    const [parts, vins, n] = fold;
    const keep = (b: Bucket) => {
      n.push(b.onHand, b.onOrder, b.ordered ? 1 : 0, b.open.length);
      for (const o of b.open) n.push(o.id, o.left);
    };
    for (const [part, pb] of buckets) {
      parts.push(part);
      n.push(pb.shelf ? 1 : 0);
      if (pb.shelf) keep(pb.shelf);
      n.push(pb.perVin.size);
      for (const [vin, b] of pb.perVin) {
        vins.push(vin);
        keep(b);
      }
    }
    this.stmt.keep.run(KEPT_FORMAT, last[0], JSON.stringify(last), JSON.stringify(fold));
    this.keptLast = last[0];
  }

  /**
   * Every part's position (and each VIN's, for parts held per VIN), folded from the whole ledger. Kept
   * between calls: only the parts with new movements are summed again. Read it, do not change it.
   */
  positions(): Map<string, PartPosition> {
    const buckets = this.buckets();
    if (this.pos && this.pos.dirty.size === 0) return this.pos.map;
    const dirty = this.pos ? this.pos.dirty : null;
    const out = this.pos ? this.pos.map : new Map<string, PartPosition>();
    // A VIN's position is its bucket itself (no copy per VIN): the fold changes a bucket only by folding a
    // movement of its part, and a part with a new movement is summed again; a fold from the start makes new buckets.
    const sum = (part: string, pb: PartBuckets) => {
      let onHand = pb.shelf?.onHand ?? 0;
      let onOrder = pb.shelf?.onOrder ?? 0;
      for (const b of pb.perVin.values()) {
        onHand += b.onHand;
        onOrder += b.onOrder;
      }
      out.set(part, { onHand, onOrder, perVin: pb.perVin });
    };
    if (dirty) {
      for (const part of dirty) {
        const pb = buckets.get(part);
        if (pb) sum(part, pb);
        else out.delete(part);
      }
    } else for (const [part, pb] of buckets) sum(part, pb);
    this.pos = { map: out, dirty: new Set() };
    return out;
  }

  /** One part's position, for one VIN or for its shelf stock (vin null). */
  position(part: string, vin: string | null): Position {
    const buckets = new Map<string, Bucket>();
    fold(this.stmt.ofPart.all(part), undefined, flatBucketOf(buckets));
    const b = buckets.get(bucketKey(part, vin));
    return { onHand: b?.onHand ?? 0, onOrder: b?.onOrder ?? 0 };
  }

  /**
   * For a write of (part, vin): the position before it, from the whole-ledger fold kept in memory
   * (brought up to date, not read again from the start), and, once the new movement is recorded, that
   * movement with what it did and the position after it (its one row folded into a copy of the
   * bucket). A write holds the database's lock for as short a time as it can.
   */
  partFold(part: string, vin: string | null): { before: Position; after(id: number): { movement: Movement; position: Position } } {
    const key = bucketKey(part, vin);
    const pb = this.buckets().get(part);
    const kept = vin === null ? pb?.shelf : pb?.perVin.get(vin);
    const bucket: Bucket = kept ? { ...kept, open: kept.open.map((o) => ({ ...o })) } : { onHand: 0, onOrder: 0, open: [], ordered: false };
    return {
      before: { onHand: bucket.onHand, onOrder: bucket.onOrder },
      after: (id) => {
        const row = this.stmt.byId.get(id)!;
        const effects = new Map<number, string>();
        const one = new Map([[key, bucket]]);
        fold([[row.id, row.part, row.kind, row.quantity, row.vin, row.reverses_id]], effects, flatBucketOf(one));
        const b = one.get(bucketKey(row.part, row.vin))!;
        return { movement: toMovement(row, null, effects.get(id) ?? ''), position: { onHand: b.onHand, onOrder: b.onOrder } };
      },
    };
  }

  /** The concrete number last received for a vehicle of a per-VIN part (04002-12345 for a 04002-****), if any. */
  receivedNumber(part: string, vin: string): string | null {
    return this.stmt.received.get(part, vin) ?? null;
  }

  levels(): Map<string, number> {
    return new Map(this.stmt.levels.all());
  }

  setLevel(part: string, level: number, by: string, at: string): void {
    this.stmt.setLevel.run(part, level, by, at);
  }

  record(m: Omit<MovementRow, 'id'>): number {
    // Every path that orders or receives for a vehicle (a stock movement, an accepted suggestion) writes
    // here: a VIN that is not exactly one vehicle's is refused here too, not only where it was typed.
    if (m.vin !== null && (m.kind === 'order' || m.kind === 'receive')) {
      const refused = inexactVin(m.vin);
      if (refused) throw refused;
    }
    const id = Number(this.stmt.insert.run(m).lastInsertRowid);
    this.keepIfDue(id);
    return id;
  }

  byId(id: number): MovementRow | undefined {
    return this.stmt.byId.get(id);
  }

  /** The part's movements, oldest first, each with what it did to the stock in words. */
  history(part: string): Movement[] {
    const rows = this.stmt.rowsOfPart.all(part);
    const effects = new Map<number, string>();
    fold(
      rows.map((r) => [r.id, r.part, r.kind, r.quantity, r.vin, r.reverses_id]),
      effects,
      flatBucketOf(new Map()),
    );
    const reversedBy = new Map(rows.filter((r) => r.reverses_id !== null).map((r) => [r.reverses_id!, r.id]));
    return rows.map((r) => toMovement(r, reversedBy.get(r.id) ?? null, effects.get(r.id) ?? ''));
  }

  /**
   * The part's movements as its ledger on screen shows them, newest first, or one page of them: one
   * read of only those columns, as arrays (no row objects), folded once from the first movement (a
   * movement's effect depends on every one before it); only the page's rows become objects.
   */
  lines(part: string, offset = 0, limit = Number.POSITIVE_INFINITY): { total: number; lines: LedgerLine[] } {
    const rows = this.stmt.linesOfPart.all(part);
    const effects = new Map<number, string>();
    const reversed = new Set<number>();
    const folded: FoldRow[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      folded[i] = [r[0], part, r[2], r[3], r[4], r[7]];
      if (r[7] !== null) reversed.add(r[7]);
    }
    fold(folded, effects, flatBucketOf(new Map()));
    // Newest first: the page's first row is rows[last - offset].
    const from = rows.length - 1 - offset;
    const out: LedgerLine[] = [];
    for (let i = from; i >= 0 && out.length < limit; i--) {
      const [id, partNumber, kind, quantity, vin, expectedOn, ref, , by, at] = rows[i]!;
      out.push({ id, at, kind, quantity, partNumber, vin, expectedOn, ref, by, effect: effects.get(id) ?? '', reversed: reversed.has(id) });
    }
    return { total: rows.length, lines: out };
  }
}

export function toMovement(r: MovementRow, reversedBy: number | null, effect: string): Movement {
  return {
    id: r.id,
    part: r.part,
    partNumber: r.part_number,
    kind: r.kind,
    quantity: r.quantity,
    vin: r.vin,
    expectedOn: r.expected_on,
    ref: r.ref,
    appointmentId: r.appointment_id,
    reversesId: r.reverses_id,
    reversedBy,
    madeBy: r.made_by,
    madeAt: r.made_at,
    effect,
  };
}

/** Whether a movement reads now as it did when it was folded. */
const sameRow = (a: FoldRow, b: FoldRow) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether one of the rows is a reversal (it changes what came before it: the fold starts again). */
function hasReversal(rows: FoldRow[]): boolean {
  for (let i = 0; i < rows.length; i++) if (rows[i]![2] === 'reverse') return true;
  return false;
}

/**
 * Folds the rows into the buckets `bucketOf` finds (or makes) for each (part, VIN). Indexed loops, no
 * destructuring: the whole ledger is folded on the first call of a process, before the JIT has warmed.
 */
function fold(rows: FoldRow[], effects: Map<number, string> | undefined, bucketOf: (part: string, vin: string | null) => Bucket): void {
  const reversed = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r[2] === 'reverse' && r[5] !== null) reversed.add(r[5]);
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const id = r[0];
    const kind = r[2];
    const q = r[3];
    if (kind === 'reverse') {
      effects?.set(id, `reverses movement ${r[5]}: it no longer counts`);
      continue;
    }
    if (reversed.has(id)) {
      effects?.set(id, 'reversed: does not count');
      continue;
    }
    const b = bucketOf(r[1], r[4]);
    switch (kind) {
      case 'order':
        b.ordered = true;
        b.open.push({ id, left: q });
        b.onOrder += q;
        effects?.set(id, `+${q} on order`);
        break;
      case 'receive': {
        b.onHand += q;
        let left = q;
        let filled = 0;
        while (left > 0 && b.open.length > 0) {
          const o = b.open[0]!;
          const take = Math.min(o.left, left);
          o.left -= take;
          left -= take;
          filled += take;
          if (o.left === 0) b.open.shift();
        }
        b.onOrder -= filled;
        effects?.set(id, `+${q} on hand${filled ? `, fills ${filled} on order` : ''}`);
        break;
      }
      case 'use':
        b.onHand -= q;
        effects?.set(id, `-${q} on hand (used in a repair)`);
        break;
      case 'return':
        b.onHand += q;
        effects?.set(id, `+${q} on hand (returned to the shelf)`);
        break;
      case 'count':
        effects?.set(id, `counted ${q} on hand (was ${b.onHand})`);
        b.onHand = q;
        break;
    }
  }
}

/** The VIN rules' own refusal of a VIN that is not one (its first reason, and every reason). */
export const malformedVin = (errors: { message: string }[]): ApiError =>
  new ApiError(
    'invalid-vin',
    errors[0]!.message,
    errors.map((e) => e.message),
  );

/**
 * Why a part cannot be ordered or received for this VIN, or null: it is not well formed, or its check
 * digit does not match (a typo orders a key cut for another vehicle). Null for an exact VIN.
 */
export function inexactVin(raw: string): ApiError | null {
  const v = analyzeVin(raw);
  if (!v.ok) return malformedVin(v.errors);
  const mismatch = checkDigitMismatch(v.vin);
  return mismatch === null ? null : new ApiError('invalid-vin', `VIN ${v.vin}: ${mismatch}`);
}

/**
 * Why no part is ordered for a well-formed VIN whose check digit does not match, or null: the one wording
 * of it (stock order and receive refuse with it; suggest --accept --vin says it for a VIN that got no order).
 */
export function checkDigitMismatch(vin: string): string | null {
  const v = analyzeVin(vin);
  if (!v.ok || v.checkDigitValid) return null;
  return `the check digit (position 9) is "${v.vin[8]}", the rest of the VIN calls for "${v.expectedCheckDigit}". A part is held for one exact vehicle: compare the VIN with the vehicle and type it again.`;
}
