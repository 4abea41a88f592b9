// Where a VIN list's rows wait between the preview and the import: a staging file of its own (SQLite,
// in the temporary folder), sorted in VIN order and distinct, in chunks. A list is sorted in memory a
// run of at most RUN_ROWS VINs at a time; a longer list's sorted runs are written to the file and
// merged from it, a chunk of each at a time. So the memory a list takes is bounded whatever its size
// (a 5M-row list once took 376 MB on a sharing PC), and a list of up to RUN_ROWS VINs is still one
// radix sort in memory, as fast as before. The file is removed when the preview is done with
// (imported, dropped) or the process ends. A list of one run stays in memory, sorted (what the
// preview held before): no file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CHUNK } from './writer';

/** Bytes a VIN takes: a checked VIN is 17 ASCII letters and digits. */
export const VIN_BYTES = 17;

/** VINs sorted in memory at a time: about 27 MB with the sort's index arrays. A longer list is merged on disk. */
export const RUN_ROWS = 1 << 20;

/** A list's optional columns; a column the file does not have is null. */
type Details = { phases: (string | null)[] | null; partNumbers: (string | null)[] | null; statuses: (string | null)[] | null };

/** Up to CHUNK rows of a staged list, in VIN order: the VINs end to end and their optional columns. */
export type ListChunk = Details & { count: number; vins: Buffer };

/** The i-th VIN of a chunk. */
export const vinAt = (chunk: ListChunk, i: number): string => chunk.vins.toString('latin1', i * VIN_BYTES, (i + 1) * VIN_BYTES);

/** Staging files not yet removed: removed when the process ends, whatever else happened. */
const live = new Set<string>();
let exitHook = false;
function remember(file: string): void {
  live.add(file);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const f of live) {
      try {
        fs.rmSync(f, { force: true });
      } catch {
        // Nothing more can be done as the process ends; the temporary folder is the system's to clear.
      }
    }
  });
}

/**
 * Removes a staging file. One that cannot be removed now (still open on Windows, say) is tried again
 * when the process ends: a scratch file never fails an import.
 */
function removeFile(file: string): void {
  try {
    fs.rmSync(file, { force: true });
    live.delete(file);
  } catch {
    // Left in `live` for the exit hook.
  }
}

const PREFIX = 'recall-desk-list-';
/** A staging file this old belongs to a process that was killed (kill -9, a power cut): removed. */
const STALE_MS = 24 * 60 * 60_000;
let swept = false;

/** Once a process: removes staging files left by processes that could not remove their own. */
function sweepStale(dir: string): void {
  if (swept) return;
  swept = true;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith(PREFIX)) continue;
      const f = path.join(dir, name);
      try {
        if (Date.now() - fs.statSync(f).mtimeMs > STALE_MS) fs.rmSync(f, { force: true });
      } catch {
        // Another process's, or gone meanwhile: left alone.
      }
    }
  } catch {
    // The temporary folder cannot be listed: nothing to sweep.
  }
}

function openStaging(): { file: string; db: BetterSqlite3.Database } {
  sweepStale(os.tmpdir());
  const file = path.join(os.tmpdir(), `${PREFIX}${randomUUID()}.sqlite`);
  remember(file);
  const db = new BetterSqlite3(file);
  // A scratch file: nothing to recover after a crash (it is read again from the list), so no journal.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`CREATE TABLE runs (run INTEGER NOT NULL, seq INTEGER NOT NULL, n INTEGER NOT NULL, vins BLOB NOT NULL, details TEXT, PRIMARY KEY (run, seq));
           CREATE TABLE list (seq INTEGER PRIMARY KEY, n INTEGER NOT NULL, vins BLOB NOT NULL, details TEXT)`);
  return { file, db };
}

/**
 * A staged list: its distinct rows, in VIN order, read back a chunk at a time. A list of up to RUN_ROWS
 * VINs stays in memory (its sorted chunks: at most 18 MB of VINs, what the preview held before); a
 * longer one is in its staging file.
 */
export class StagedList {
  private removed = false;
  private constructor(
    readonly count: number,
    readonly hasDetails: boolean,
    /** The staging file (in the temporary folder), or null: the chunks are held. */
    readonly file: string | null,
    private held: ListChunk[] | null,
  ) {}

  static inFile(count: number, hasDetails: boolean, file: string): StagedList {
    return new StagedList(count, hasDetails, file, null);
  }

  static held(count: number, hasDetails: boolean, chunks: ListChunk[]): StagedList {
    return new StagedList(count, hasDetails, null, chunks);
  }

  /** The rows in VIN order, CHUNK at a time. */
  *chunks(): Generator<ListChunk> {
    if (this.removed) throw new Error('The staged list was already removed.');
    if (this.held) {
      yield* this.held;
      return;
    }
    const db = new BetterSqlite3(this.file!, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare<[], { n: number; vins: Buffer; details: string | null }>('SELECT n, vins, details FROM list ORDER BY seq');
      for (const r of rows.iterate()) yield { count: r.n, vins: r.vins, ...detailsOf(r.details) };
    } finally {
      db.close();
    }
  }

  /** Removes the staging file (or lets the chunks go): the preview is done with. */
  dispose(): void {
    if (this.removed) return;
    this.removed = true;
    this.held = null;
    if (this.file) removeFile(this.file);
  }
}

const detailsOf = (json: string | null): Details => {
  if (!json) return { phases: null, partNumbers: null, statuses: null };
  const [phases, partNumbers, statuses] = JSON.parse(json) as [(string | null)[] | null, (string | null)[] | null, (string | null)[] | null];
  return { phases, partNumbers, statuses };
};

/**
 * Bytes a row takes while it waits to be sorted: its VIN, and in a list with optional columns, the
 * row's index (4 bytes), by which its cells are found again once the rows are in VIN order.
 */
const rowBytes = (withDetails: boolean) => (withDetails ? VIN_BYTES + 4 : VIN_BYTES);

/**
 * Collects a list's valid rows in line order and stages them sorted and distinct. A VIN met again is a
 * duplicate: its first line is kept (the stable sort keeps line order among equals, and an earlier
 * run holds earlier lines), and `onDuplicate` hears of each one dropped.
 */
export class ListStager {
  /** The rows of the current run, end to end (rowBytes each), in line order; made at the first row. */
  private rows: Buffer = Buffer.alloc(0);
  /** The sort's second buffer, kept between runs. */
  private spare: Buffer | null = null;
  private size = VIN_BYTES;
  private n = 0;
  private details: Details = { phases: null, partNumbers: null, statuses: null };
  private staging: { file: string; db: BetterSqlite3.Database } | null = null;
  private runs = 0;
  private total = 0;
  duplicates = 0;

  constructor(
    private readonly onDuplicate: (vins: Buffer, at: number) => void,
    /** VINs sorted in memory at a time (RUN_ROWS; smaller where a test needs several runs). */
    private readonly runRows = RUN_ROWS,
    /**
     * How many rows the list may have, at most (from its size), when known: the rows' buffer is made
     * that size at once (up to a run), not grown by doubling. Memory is taken from the system only as
     * it is written, and on some machines (virtual ones) taking it is what costs: growing a 1M-row
     * list's buffer by doubling took 35 MB for 17, a fifth of its preview's time.
     */
    private readonly rowsAtMost = 0,
  ) {}

  /** Which optional columns the list has: set before the first row. */
  columns(has: { phase: boolean; partNumber: boolean; status: boolean }): void {
    if (this.n > 0 || this.runs > 0) throw new Error('The columns of a staged list are set before its first row.');
    this.details = { phases: has.phase ? [] : null, partNumbers: has.partNumber ? [] : null, statuses: has.status ? [] : null };
    this.size = rowBytes(this.hasDetails);
  }

  /** A valid row: its checked VIN (17 ASCII characters) and its optional cells. */
  add(vin: string, phase: string | null, partNumber: string | null, status: string | null): void {
    const at = this.slot();
    for (let p = 0; p < VIN_BYTES; p++) this.rows[at + p] = vin.charCodeAt(p);
    this.push(phase, partNumber, status);
  }

  /**
   * Where the next row's VIN goes in `buffer`, room made for it: a reader writes the VIN's 17 bytes
   * there as it checks them (no string is made of it), then keeps the row with push(), or leaves it.
   */
  slot(): number {
    const { size } = this;
    const at = this.n * size;
    if (at + size > this.rows.length) {
      const rows = this.rows.length ? this.rows.length * 2 : Math.max(16_384, this.rowsAtMost) * size;
      const more = Buffer.allocUnsafe(Math.min(rows, this.runRows * size));
      this.rows.copy(more, 0, 0, at);
      this.rows = more;
    }
    return at;
  }

  /** The rows' buffer, for the VIN of slot(): read it after slot(), which may replace it. */
  get buffer(): Buffer {
    return this.rows;
  }

  /** Keeps the row whose VIN was written at slot(), with its optional cells. */
  push(phase: string | null, partNumber: string | null, status: string | null): void {
    if (this.size !== VIN_BYTES) {
      this.rows.writeUInt32LE(this.n, this.n * this.size + VIN_BYTES);
      const d = this.details;
      d.phases?.push(phase);
      d.partNumbers?.push(partNumber);
      d.statuses?.push(status);
    }
    if (++this.n === this.runRows) this.spill();
  }

  private get hasDetails(): boolean {
    return !!(this.details.phases || this.details.partNumbers || this.details.statuses);
  }

  private db(): BetterSqlite3.Database {
    this.staging ??= openStaging();
    return this.staging.db;
  }

  /**
   * Sorts the rows held, drops duplicates among them and hands each chunk of CHUNK distinct rows, in
   * VIN order, to `write`; then forgets them. The chunks' VINs are views of the sorted rows, compacted
   * in place (a row's VIN is only ever moved towards the start): `keep` says the caller holds on to
   * them, so the buffer is not used again.
   */
  private sortedChunks(write: (chunk: ListChunk, seq: number) => void, keep: boolean): number {
    const { n, details, size } = this;
    const withDetails = size !== VIN_BYTES;
    if (!this.spare || this.spare.length < n * size) this.spare = Buffer.allocUnsafe(this.rows.length);
    const rows = sortRows(this.rows, this.spare, n, size);
    const v = new DataView(rows.buffer, rows.byteOffset, rows.byteLength);
    // Which rows the chunk holds (their indexes in line order), for their optional columns.
    const kept = withDetails ? new Int32Array(Math.min(n, CHUNK)) : null;
    const pick = <T>(xs: T[] | null, m: number) => (xs && kept ? Array.from(kept.subarray(0, m), (i) => xs[i]!) : null);
    let seq = 0;
    const emit = (from: number, to: number) =>
      write(
        {
          count: to - from,
          vins: rows.subarray(from * VIN_BYTES, to * VIN_BYTES),
          phases: pick(details.phases, to - from),
          partNumbers: pick(details.partNumbers, to - from),
          statuses: pick(details.statuses, to - from),
        },
        seq++,
      );
    let m = 0;
    let chunkStart = 0;
    for (let k = 0, at = 0; k < n; k++, at += size) {
      const to = m * VIN_BYTES;
      if (m > 0 && sameVinAt(v, to - VIN_BYTES, at)) {
        this.duplicates++;
        this.onDuplicate(rows, at);
        continue;
      }
      if (kept) kept[m - chunkStart] = v.getUint32(at + VIN_BYTES, true);
      if (to !== at) moveVin(v, at, to);
      if (++m - chunkStart === CHUNK) {
        emit(chunkStart, m);
        chunkStart = m;
      }
    }
    if (m > chunkStart) emit(chunkStart, m);
    this.n = 0;
    this.details = {
      phases: details.phases ? [] : null,
      partNumbers: details.partNumbers ? [] : null,
      statuses: details.statuses ? [] : null,
    };
    if (keep) {
      // The chunks hold the sorted buffer now; the other one is let go.
      this.rows = Buffer.alloc(0);
      this.spare = null;
    } else if (rows !== this.rows) {
      this.spare = this.rows;
      this.rows = rows;
    }
    return m;
  }

  /** A full run: sorted, distinct, written to the staging file to be merged at the end. */
  private spill(): void {
    const db = this.db();
    const insert = db.prepare('INSERT INTO runs (run, seq, n, vins, details) VALUES (?, ?, ?, ?, ?)');
    const run = this.runs++;
    db.transaction(() => this.sortedChunks((c, seq) => insert.run(run, seq, c.count, c.vins, detailsJson(c, this.hasDetails)), false))();
  }

  /** The list staged: sorted, distinct; in memory if it was one run, else on disk. */
  finish(): StagedList {
    const hasDetails = this.hasDetails;
    if (this.runs === 0) {
      // One run (most lists): sorted in memory and kept there, as the preview always kept it. Writing it
      // to a file and reading it back cost a 1M-row list a third of a second, for no memory saved.
      const chunks: ListChunk[] = [];
      this.total = this.sortedChunks((c) => chunks.push(c), true);
      return StagedList.held(this.total, hasDetails, chunks);
    }
    if (this.n > 0) this.spill();
    this.rows = Buffer.alloc(0);
    this.spare = null;
    const db = this.db();
    const insert = db.prepare('INSERT INTO list (seq, n, vins, details) VALUES (?, ?, ?, ?)');
    db.transaction(() => this.merge((c, seq) => insert.run(seq, c.count, c.vins, detailsJson(c, hasDetails))))();
    db.exec('DROP TABLE runs');
    db.close();
    const file = this.staging!.file;
    this.staging = null;
    return StagedList.inFile(this.total, hasDetails, file);
  }

  /** Merges the sorted runs into one sorted, distinct list; of equal VINs the earliest run's row is kept. */
  private merge(write: (chunk: ListChunk, seq: number) => void): void {
    const db = this.db();
    const read = db.prepare<[number, number], { n: number; vins: Buffer; details: string | null }>(
      'SELECT n, vins, details FROM runs WHERE run = ? AND seq = ?',
    );
    type Head = { run: number; seq: number; at: number; chunk: ListChunk | null };
    const load = (h: Head) => {
      const r = read.get(h.run, h.seq++);
      h.chunk = r ? { count: r.n, vins: r.vins, ...detailsOf(r.details) } : null;
      h.at = 0;
    };
    const heads: Head[] = Array.from({ length: this.runs }, (_, run) => ({ run, seq: 0, at: 0, chunk: null }));
    for (const h of heads) load(h);
    const withDetails = this.hasDetails;
    const out = Buffer.allocUnsafe(CHUNK * VIN_BYTES);
    const prev = Buffer.alloc(VIN_BYTES);
    let havePrev = false;
    let count = 0;
    let seq = 0;
    let cols: Details = { phases: [], partNumbers: [], statuses: [] };
    const flush = () => {
      if (!count) return;
      write({ count, vins: out.subarray(0, count * VIN_BYTES), ...cols }, seq++);
      this.total += count;
      count = 0;
      cols = { phases: [], partNumbers: [], statuses: [] };
    };
    for (;;) {
      let best: Head | null = null;
      for (const h of heads) {
        if (!h.chunk) continue;
        if (!best || compareVins(h.chunk.vins, h.at, best.chunk!.vins, best.at) < 0) best = h;
      }
      if (!best) break;
      const c = best.chunk!;
      const at = best.at * VIN_BYTES;
      if (havePrev && sameVin(prev, 0, c.vins, best.at)) {
        this.duplicates++;
        this.onDuplicate(c.vins, at);
      } else {
        c.vins.copy(out, count * VIN_BYTES, at, at + VIN_BYTES);
        c.vins.copy(prev, 0, at, at + VIN_BYTES);
        havePrev = true;
        if (withDetails) {
          cols.phases!.push(c.phases?.[best.at] ?? null);
          cols.partNumbers!.push(c.partNumbers?.[best.at] ?? null);
          cols.statuses!.push(c.statuses?.[best.at] ?? null);
        }
        if (++count === CHUNK) flush();
      }
      if (++best.at === c.count) load(best);
    }
    flush();
  }

  /** Removes what was staged so far: the list was refused. */
  discard(): void {
    if (!this.staging) return;
    this.staging.db.close();
    removeFile(this.staging.file);
    this.staging = null;
  }
}

const detailsJson = (c: ListChunk, hasDetails: boolean): string | null =>
  hasDetails ? JSON.stringify([c.phases ?? null, c.partNumbers ?? null, c.statuses ?? null]) : null;

/** Compares the VIN at index i of a with the VIN at index j of b, byte by byte. */
function compareVins(a: Buffer, i: number, b: Buffer, j: number): number {
  const x = i * VIN_BYTES;
  const y = j * VIN_BYTES;
  for (let p = 0; p < VIN_BYTES; p++) {
    const d = a[x + p]! - b[y + p]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether VIN i of a and VIN j of b are the same, from the end: neighbours in a list mostly differ in the serial. */
function sameVin(a: Buffer, i: number, b: Buffer, j: number): boolean {
  for (let p = VIN_BYTES - 1; p >= 0; p--) if (a[i * VIN_BYTES + p] !== b[j * VIN_BYTES + p]) return false;
  return true;
}

/** Whether the VINs at byte offsets x and y of one buffer are the same: four 32-bit words and a byte. */
function sameVinAt(v: DataView, x: number, y: number): boolean {
  return (
    v.getUint32(x + 13) === v.getUint32(y + 13) &&
    v.getUint32(x + 9) === v.getUint32(y + 9) &&
    v.getUint32(x + 5) === v.getUint32(y + 5) &&
    v.getUint32(x + 1) === v.getUint32(y + 1) &&
    v.getUint8(x) === v.getUint8(y)
  );
}

/** Moves the VIN at byte offset `from` to `to` of one buffer, `to` before `from` (the words are read before they can be overwritten). */
function moveVin(v: DataView, from: number, to: number): void {
  v.setUint32(to, v.getUint32(from));
  v.setUint32(to + 4, v.getUint32(from + 4));
  v.setUint32(to + 8, v.getUint32(from + 8));
  v.setUint32(to + 12, v.getUint32(from + 12));
  v.setUint8(to + 16, v.getUint8(from + 16));
}

/** A VIN character's place among the 36 digits and letters, in ASCII order (a checked VIN has no other). */
const RANK = new Uint8Array(256);
for (let c = 0; c < 256; c++) RANK[c] = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;

/**
 * Three characters a pass (36 x 36 x 36 buckets), from the end: (14, 15, 16), (11, 12, 13) ... (2, 3, 4),
 * then (0, 1). Six passes at most, where two characters a pass took nine (each moving every row).
 */
const PASSES = 6;
const BUCKETS = 36 * 36 * 36;
const digitAt = (rows: Buffer, at: number, pass: number): number => {
  const p = VIN_BYTES - 3 - 3 * pass;
  return p >= 0 ? RANK[rows[at + p]!]! * 1296 + RANK[rows[at + p + 1]!]! * 36 + RANK[rows[at + p + 2]!]! : RANK[rows[at]!]! * 36 + RANK[rows[at + 1]!]!;
};

/**
 * The `n` rows of `a` (`size` bytes each, a VIN first) in VIN order, equal VINs in line order (stable):
 * a least-significant-first radix sort over the VINs' 17 characters, three characters a pass, linear
 * where Array sort's string comparisons took seconds on millions of VINs. The rows themselves move,
 * between `a` and `b`, each pass reading one buffer straight through: sorting indexes instead left the
 * rows to be gathered in VIN order at the end, a million reads from all over the buffer that the
 * processor's caches could not help with (more than the sort itself). Every pass's counts are taken in
 * one read first; a pass where every VIN has the same characters (a list's make and model often share
 * most of the first eight) changes nothing and is skipped. Returns the buffer that holds the sorted rows.
 */
function sortRows(a: Buffer, b: Buffer, n: number, size: number): Buffer {
  if (n < 2) return a;
  const counts = new Int32Array(PASSES * BUCKETS);
  for (let i = 0, at = 0; i < n; i++, at += size) {
    for (let pass = 0; pass < PASSES; pass++) counts[pass * BUCKETS + digitAt(a, at, pass)]!++;
  }
  const start = new Int32Array(BUCKETS);
  let src = a;
  let dst = b;
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    if (counts[base + digitAt(src, 0, pass)] === n) continue;
    for (let c = 0, sum = 0; c < BUCKETS; c++) {
      start[c] = sum;
      sum += counts[base + c]!;
    }
    const from = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const to = new DataView(dst.buffer, dst.byteOffset, dst.byteLength);
    for (let i = 0, at = 0; i < n; i++, at += size) {
      const t = start[digitAt(src, at, pass)]!++ * size;
      let w = 0;
      for (; w + 4 <= size; w += 4) to.setUint32(t + w, from.getUint32(at + w, true), true);
      for (; w < size; w++) dst[t + w] = src[at + w]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
