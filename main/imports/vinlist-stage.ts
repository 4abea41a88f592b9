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
import { BUCKETS, cleanTable, PACKED, packCleanUnits, packVin, unpackVins, VIN_BYTES, WORDS } from './vin-pack';
import { CHUNK } from './writer';

export { VIN_BYTES };

/** VINs sorted in memory at a time: about 25 MB, packed (12 bytes a VIN) in the sort's two buffers. A longer list is merged on disk. */
export const RUN_ROWS = 1 << 20;

/**
 * A list's optional columns; a column the file does not have is null. A run's chunks on disk also
 * carry each row's place among the list's valid rows (`rows`), by which a repeat is named by its line.
 */
type Details = { phases: (string | null)[] | null; partNumbers: (string | null)[] | null; statuses: (string | null)[] | null; rows?: Int32Array | null };

/** A cell of a repeat that is not its kept line's: the repeat's and the kept line's (null: empty). */
export type CellPair = { value: string | null; kept: string | null };

/**
 * A repeat of a VIN whose phase or part number is not the kept line's (its first line's), by row: the
 * list's valid rows in line order from 0 (the caller knows their lines). Only the two columns compared.
 */
export type RowConflict = { row: number; keptRow: number; vin: string; phase: CellPair | null; partNumber: CellPair | null };

/** Conflicting repeats named in full: the first few in line order; the count says how many in all. */
export const CONFLICTS_KEPT = 5;

/**
 * Up to CHUNK rows of a staged list, in VIN order: the VINs end to end and their optional columns.
 * `vins` is read before the next chunk is asked for: a held list's chunks are made in one buffer.
 */
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
  // A run's rows' places (`rows`, 32-bit integers) are a blob of their own: as JSON they cost a 2.5M-row list a second.
  db.exec(`CREATE TABLE runs (run INTEGER NOT NULL, seq INTEGER NOT NULL, n INTEGER NOT NULL, vins BLOB NOT NULL, details TEXT, rows BLOB, PRIMARY KEY (run, seq));
           CREATE TABLE list (seq INTEGER PRIMARY KEY, n INTEGER NOT NULL, vins BLOB NOT NULL, details TEXT)`);
  return { file, db };
}

/**
 * A staged list: its distinct rows, in VIN order, read back a chunk at a time. A list of up to RUN_ROWS
 * VINs stays in memory (its VINs packed and sorted: at most 13 MB, written out as text a chunk at a time); a
 * longer one is in its staging file.
 */
export class StagedList {
  private removed = false;
  private constructor(
    readonly count: number,
    readonly hasDetails: boolean,
    /** The staging file (in the temporary folder), or null: the rows are held. */
    readonly file: string | null,
    /** Held rows: the VINs packed (packVin), sorted, and each chunk's optional columns. */
    private held: { packed: Uint32Array; details: Details[] | null } | null,
  ) {}

  static inFile(count: number, hasDetails: boolean, file: string): StagedList {
    return new StagedList(count, hasDetails, file, null);
  }

  static held(count: number, hasDetails: boolean, packed: Uint32Array, details: Details[] | null): StagedList {
    return new StagedList(count, hasDetails, null, { packed, details });
  }

  /** The rows in VIN order, CHUNK at a time. */
  *chunks(): Generator<ListChunk> {
    if (this.removed) throw new Error('The staged list was already removed.');
    if (this.held) {
      const { packed, details } = this.held;
      const out = Buffer.allocUnsafe(Math.min(this.count, CHUNK) * VIN_BYTES);
      for (let c = 0, from = 0; from < this.count; c++, from += CHUNK) {
        const to = Math.min(this.count, from + CHUNK);
        unpackVins(packed, from, to, out);
        yield { count: to - from, vins: out.subarray(0, (to - from) * VIN_BYTES), ...(details?.[c] ?? NO_DETAILS) };
      }
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

const NO_DETAILS: Details = Object.freeze({ phases: null, partNumbers: null, statuses: null });

const detailsOf = (json: string | null): Details => {
  if (!json) return NO_DETAILS;
  const [phases, partNumbers, statuses] = JSON.parse(json) as [(string | null)[] | null, (string | null)[] | null, (string | null)[] | null];
  return { phases, partNumbers, statuses };
};

// A row is its VIN packed (vin-pack.ts: three 32-bit words). In a list with optional columns a row
// has a fourth word: its index, by which its cells are found again once sorted.

/**
 * Collects a list's valid rows in line order and stages them sorted and distinct. A VIN met again is a
 * duplicate: its first line is kept (the stable sort keeps line order among equals, and an earlier
 * run holds earlier lines), and `onDuplicate` hears of each one dropped. In a list with optional
 * columns, a duplicate whose phase or part number is not the kept line's is counted in `conflicting`
 * too (the part number is the one the key is ordered by): found where duplicates are found, so a
 * list of VINs alone does nothing more than before.
 */
export class ListStager {
  /** The rows of the current run, packed, end to end (`stride` 32-bit words each), in line order. */
  private rows: Uint32Array = new Uint32Array(0);
  /** The same buffer's 16-bit words, where the VINs are packed. */
  private words: Uint16Array = new Uint16Array(0);
  /** The sort's second buffer, kept between runs. */
  private spare: Uint32Array | null = null;
  private stride = PACKED;
  private n = 0;
  private details: Details = { phases: null, partNumbers: null, statuses: null };
  private staging: { file: string; db: BetterSqlite3.Database } | null = null;
  private runs = 0;
  private total = 0;
  duplicates = 0;
  /** Duplicates whose phase or part number is not their kept line's: counted, the first CONFLICTS_KEPT kept. */
  conflicting = 0;
  readonly conflicts: RowConflict[] = [];
  /** packCleanVin's table, made once a process (not where the hot loop would inline its making). */
  private readonly table = cleanTable();

  constructor(
    private readonly onDuplicate: (vins: Buffer, at: number) => void,
    /** VINs sorted in memory at a time (RUN_ROWS; smaller where a test needs several runs). */
    private readonly runRows = RUN_ROWS,
    /**
     * How many rows the list may have, at most (from its size), when known: the rows' buffer is made
     * that size at once (up to a run), not grown by doubling. Memory is taken from the system only as
     * it is written, and on some machines (virtual ones) taking it is what costs: growing a 1M-row
     * list's buffer by doubling took twice the memory it ended with.
     */
    private readonly rowsAtMost = 0,
  ) {}

  /** Which optional columns the list has: set before the first row. */
  columns(has: { phase: boolean; partNumber: boolean; status: boolean }): void {
    if (this.n > 0 || this.runs > 0) throw new Error('The columns of a staged list are set before its first row.');
    this.details = { phases: has.phase ? [] : null, partNumbers: has.partNumber ? [] : null, statuses: has.status ? [] : null };
    this.stride = this.hasDetails ? PACKED + 1 : PACKED;
  }

  /** A valid row: its checked VIN (17 ASCII characters) and its optional cells. */
  add(vin: string, phase: string | null, partNumber: string | null, status: string | null): void {
    const at = this.next();
    packVin(vin, 0, this.words, at * 2);
    this.keepNext(phase, partNumber, status);
  }

  /**
   * The VIN cell of a line where it stands in a text's code units from `from` (no string is made of
   * it), checked as cleanVinAt checks it and, if clean, packed as the next row, which keepNext() then
   * keeps (the line's other cells may still refuse it). -1: not a clean VIN; 0: clean, its check digit
   * holds; 1: it does not.
   */
  packNext(units: Uint16Array, from: number): -1 | 0 | 1 {
    // next() first: it may move the rows to a larger buffer.
    const at = this.next();
    return packCleanUnits(units, from, this.words, at * 2, this.table);
  }

  /** Keeps the row last packed, with its optional cells. */
  keepNext(phase: string | null, partNumber: string | null, status: string | null): void {
    if (this.stride !== PACKED) {
      this.rows[this.n * this.stride + PACKED] = this.n;
      const d = this.details;
      d.phases?.push(phase);
      d.partNumbers?.push(partNumber);
      d.statuses?.push(status);
    }
    if (++this.n === this.runRows) this.spill();
  }

  /** Rows added so far (valid lines, duplicates included): the next row's place in line order. */
  get rowsAdded(): number {
    return this.runs * this.runRows + this.n;
  }

  /** Where the next row goes (in 32-bit words), with room made for it. */
  private next(): number {
    const { stride } = this;
    const at = this.n * stride;
    if (at + stride > this.rows.length) {
      const rows = this.rows.length ? this.rows.length * 2 : Math.max(16_384, this.rowsAtMost) * stride;
      const more = new Uint32Array(Math.min(rows, this.runRows * stride));
      more.set(this.rows.subarray(0, at));
      this.use(more);
    }
    return at;
  }

  private use(rows: Uint32Array): void {
    this.rows = rows;
    this.words = new Uint16Array(rows.buffer, rows.byteOffset, rows.length * 2);
  }

  private get hasDetails(): boolean {
    return !!(this.details.phases || this.details.partNumbers || this.details.statuses);
  }

  private db(): BetterSqlite3.Database {
    this.staging ??= openStaging();
    return this.staging.db;
  }

  /**
   * Sorts the rows held and drops duplicates among them: the distinct rows' packed VINs, in VIN order,
   * compacted in place at the start of the sorted buffer (a row only ever moves towards the start),
   * and each chunk's optional columns. Then forgets the rows; `keep`: the caller holds on to the
   * sorted buffer, which is not used again. `spilled`: the run is merged with others later: a list with
   * optional columns then keeps its duplicates for the merge, which compares each with the line kept
   * (a run's first line of a VIN may be a later run's repeat), and its chunks carry their rows.
   */
  private sortRun(keep: boolean, spilled = false): { count: number; packed: Uint32Array; details: Details[] | null } {
    const { n, details, stride } = this;
    const base = this.runs * this.runRows;
    if (!this.spare || this.spare.length < n * stride) this.spare = new Uint32Array(this.rows.length);
    const rows = sortRows(this.rows, this.spare, n, stride);
    const rows32 = new Int32Array(rows.buffer, rows.byteOffset, n * stride);
    // Each row kept's line index, in VIN order (a list with optional columns: its cells are found by
    // it), in the sort's other buffer, free now.
    const other = rows === this.rows ? this.spare : this.rows;
    const lines = stride !== PACKED ? new Int32Array(other.buffer, other.byteOffset, n) : null;
    const dropped = Buffer.allocUnsafe(VIN_BYTES);
    const drop = (k: number) => {
      this.duplicates++;
      unpackVins(rows, k, k + 1, dropped, stride);
      this.onDuplicate(dropped, 0);
    };
    // A duplicate's cells against its kept line's (both this run's: a run merged later keeps its duplicates).
    const drop4 = (k: number, kept: number) => {
      drop(k);
      const line = rows32[k * 4 + 3]!;
      const { phases, partNumbers } = details;
      this.compare(base + line, base + kept, dropped, phases?.[line] ?? null, phases?.[kept] ?? null, partNumbers?.[line] ?? null, partNumbers?.[kept] ?? null);
    };
    const m = !lines ? distinct3(rows32, n, drop) : spilled ? compact4(rows32, n, lines) : distinct4(rows32, n, lines, drop4);
    const chunks = lines ? chunkDetails(details, lines, m, spilled ? base : -1) : null;
    this.n = 0;
    this.details = {
      phases: details.phases ? [] : null,
      partNumbers: details.partNumbers ? [] : null,
      statuses: details.statuses ? [] : null,
    };
    if (keep) {
      // The sorted buffer is the staged list's now; the other one is let go.
      this.use(new Uint32Array(0));
      this.spare = null;
    } else if (rows !== this.rows) {
      this.spare = this.rows;
      this.use(rows);
    }
    return { count: m, packed: rows.subarray(0, m * PACKED), details: chunks };
  }

  /** A full run: sorted, distinct, written to the staging file to be merged at the end. */
  private spill(): void {
    const db = this.db();
    const insert = db.prepare('INSERT INTO runs (run, seq, n, vins, details, rows) VALUES (?, ?, ?, ?, ?, ?)');
    // Counted once its rows are sorted: sortRun numbers them from this run's first.
    const run = this.runs;
    const withDetails = this.hasDetails;
    const { count, packed, details } = this.sortRun(false, true);
    this.runs++;
    const out = Buffer.allocUnsafe(Math.min(count, CHUNK) * VIN_BYTES);
    db.transaction(() => {
      for (let seq = 0, from = 0; from < count; seq++, from += CHUNK) {
        const to = Math.min(count, from + CHUNK);
        unpackVins(packed, from, to, out);
        const c = { count: to - from, vins: out.subarray(0, (to - from) * VIN_BYTES), ...(details?.[seq] ?? NO_DETAILS) };
        const places = c.rows ? Buffer.from(c.rows.buffer, c.rows.byteOffset, c.rows.byteLength) : null;
        insert.run(run, seq, c.count, c.vins, detailsJson(c, withDetails), places);
      }
    })();
  }

  /** The list staged: sorted, distinct; in memory if it was one run, else on disk. */
  finish(): StagedList {
    const hasDetails = this.hasDetails;
    if (this.runs === 0) {
      // One run (most lists): sorted in memory and kept there, as the preview always kept it. Writing it
      // to a file and reading it back cost a 1M-row list a third of a second, for no memory saved.
      const { count, packed, details } = this.sortRun(true);
      this.total = count;
      return StagedList.held(count, hasDetails, packed, details);
    }
    if (this.n > 0) this.spill();
    this.use(new Uint32Array(0));
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
    const read = db.prepare<[number, number], { n: number; vins: Buffer; details: string | null; rows: Buffer | null }>(
      'SELECT n, vins, details, rows FROM runs WHERE run = ? AND seq = ?',
    );
    type Head = { run: number; seq: number; at: number; chunk: ListChunk | null };
    const load = (h: Head) => {
      const r = read.get(h.run, h.seq++);
      h.chunk = r ? { count: r.n, vins: r.vins, ...detailsOf(r.details), rows: r.rows && placesOf(r.rows) } : null;
      h.at = 0;
    };
    const heads: Head[] = Array.from({ length: this.runs }, (_, run) => ({ run, seq: 0, at: 0, chunk: null }));
    for (const h of heads) load(h);
    const withDetails = this.hasDetails;
    const out = Buffer.allocUnsafe(CHUNK * VIN_BYTES);
    const prev = Buffer.alloc(VIN_BYTES);
    let havePrev = false;
    // The kept row's place and compared cells, for its duplicates (a list with optional columns).
    let prevRow = 0;
    let prevPhase: string | null = null;
    let prevPart: string | null = null;
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
        if (withDetails) {
          const row = c.rows?.[best.at] ?? 0;
          this.compare(row, prevRow, prev, c.phases?.[best.at] ?? null, prevPhase, c.partNumbers?.[best.at] ?? null, prevPart);
        }
      } else {
        c.vins.copy(out, count * VIN_BYTES, at, at + VIN_BYTES);
        c.vins.copy(prev, 0, at, at + VIN_BYTES);
        havePrev = true;
        if (withDetails) {
          prevRow = c.rows?.[best.at] ?? 0;
          prevPhase = c.phases?.[best.at] ?? null;
          prevPart = c.partNumbers?.[best.at] ?? null;
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

  /**
   * A duplicate (`row`, VIN `vin`) against its kept line (`keptRow`): counted, and kept in full if it is
   * among the first few in line order, when its phase or part number is not the kept line's. Called for
   * duplicates only, of lists with optional columns only.
   */
  private compare(
    row: number,
    keptRow: number,
    vin: Buffer,
    phase: string | null,
    keptPhase: string | null,
    part: string | null,
    keptPart: string | null,
  ): void {
    if (phase === keptPhase && part === keptPart) return;
    this.conflicting++;
    const { conflicts } = this;
    if (conflicts.length === CONFLICTS_KEPT && row > conflicts[CONFLICTS_KEPT - 1]!.row) return;
    const c: RowConflict = {
      row,
      keptRow,
      vin: vin.toString('latin1', 0, VIN_BYTES),
      phase: phase === keptPhase ? null : { value: phase, kept: keptPhase },
      partNumber: part === keptPart ? null : { value: part, kept: keptPart },
    };
    let at = conflicts.length;
    while (at > 0 && conflicts[at - 1]!.row > row) at--;
    conflicts.splice(at, 0, c);
    if (conflicts.length > CONFLICTS_KEPT) conflicts.pop();
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

/** A run chunk's rows' places as stored (32-bit integers, this machine's byte order): copied where not aligned for a view. */
const placesOf = (b: Buffer): Int32Array =>
  b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.length / 4) : new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));

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

/**
 * Sorted rows of three words made distinct, in place: each VIN's first row is moved up to follow the
 * one kept before it, and `drop` hears of each later one (at its index, still whole) before it is
 * overwritten. Returns how many are kept. Neighbours mostly differ in the serial: the last word is
 * compared first. A function of its own with nothing rare in its loop, so V8 optimizes it once.
 */
function distinct3(rows: Int32Array, n: number, drop: (k: number) => void): number {
  if (n === 0) return 0;
  let m = 1;
  for (let k = 1, at = 3; k < n; k++, at += 3) {
    const to = m * 3;
    const a0 = rows[at]!;
    const a1 = rows[at + 1]!;
    const a2 = rows[at + 2]!;
    if (a2 === rows[to - 1] && a1 === rows[to - 2] && a0 === rows[to - 3]) {
      drop(k);
      continue;
    }
    rows[to] = a0;
    rows[to + 1] = a1;
    rows[to + 2] = a2;
    m++;
  }
  return m;
}

/**
 * distinct3 for rows of four words (a VIN and its line's index): kept as three, each index into `lines`.
 * `drop` hears of a later row with the index of the line kept for its VIN.
 */
function distinct4(rows: Int32Array, n: number, lines: Int32Array, drop: (k: number, kept: number) => void): number {
  if (n === 0) return 0;
  lines[0] = rows[3]!;
  let m = 1;
  for (let k = 1, at = 4; k < n; k++, at += 4) {
    const to = m * 3;
    const a0 = rows[at]!;
    const a1 = rows[at + 1]!;
    const a2 = rows[at + 2]!;
    if (a2 === rows[to - 1] && a1 === rows[to - 2] && a0 === rows[to - 3]) {
      drop(k, lines[m - 1]!);
      continue;
    }
    lines[m] = rows[at + 3]!;
    rows[to] = a0;
    rows[to + 1] = a1;
    rows[to + 2] = a2;
    m++;
  }
  return m;
}

/** Rows of four words made rows of three, all kept (a run merged later), each index into `lines`. Returns n. */
function compact4(rows: Int32Array, n: number, lines: Int32Array): number {
  for (let k = 0, at = 0, to = 0; k < n; k++, at += 4, to += 3) {
    lines[k] = rows[at + 3]!;
    rows[to] = rows[at]!;
    rows[to + 1] = rows[at + 1]!;
    rows[to + 2] = rows[at + 2]!;
  }
  return n;
}

/**
 * The optional cells of the `m` rows kept, a chunk of CHUNK rows at a time, found by their line indexes;
 * with `base` (a run's first row, or -1) their places in the list too.
 */
function chunkDetails(details: Details, lines: Int32Array, m: number, base: number): Details[] {
  const chunks: Details[] = [];
  for (let from = 0; from < m; from += CHUNK) {
    const kept = lines.subarray(from, Math.min(m, from + CHUNK));
    const pick = <T>(xs: T[] | null) => (xs ? Array.from(kept, (i) => xs[i]!) : null);
    const d: Details = { phases: pick(details.phases), partNumbers: pick(details.partNumbers), statuses: pick(details.statuses) };
    if (base >= 0) d.rows = kept.map((i) => base + i);
    chunks.push(d);
  }
  return chunks;
}

/**
 * The `n` rows of `a` (`stride` 32-bit words each, a packed VIN first) in VIN order, equal VINs in
 * line order (stable): a least-significant-first radix sort, a packed word (three characters) a pass,
 * linear where Array sort's string comparisons took seconds on millions of VINs. The rows themselves
 * move, between `a` and `b`, each pass reading one buffer straight through: sorting indexes instead
 * left the rows to be gathered in VIN order at the end, a million reads from all over the buffer that
 * the processor's caches could not help with. Every pass's counts are taken in one read first; a pass
 * where every VIN has the same characters (a list's make and model often share most of the first eight)
 * changes nothing and is skipped. Returns the buffer that holds the sorted rows. Each loop is a function
 * of its own: a list is sorted once a process, so each loop is optimized while it runs; in one function,
 * each later loop met code optimized without its type feedback, and V8 threw it away and began again.
 */
function sortRows(a: Uint32Array, b: Uint32Array, n: number, stride: number): Uint32Array {
  if (n < 2) return a;
  const counts = countWords(new Uint16Array(a.buffer, a.byteOffset, n * stride * 2), n, stride * 2);
  const start = new Int32Array(BUCKETS);
  let src = a;
  let dst = b;
  for (let w = WORDS - 1; w >= 0; w--) {
    const base = w * BUCKETS;
    const digits = new Uint16Array(src.buffer, src.byteOffset, n * stride * 2);
    if (counts[base + digits[w]!] === n) continue;
    starts(counts, base, start);
    // Int32 views: the rows are moved as they are, never read as numbers over 2^31 (which V8 boxes until a loop is optimized).
    const from = new Int32Array(src.buffer, src.byteOffset, n * stride);
    const to = new Int32Array(dst.buffer, dst.byteOffset, n * stride);
    if (stride === PACKED) scatter3(from, to, digits, start, n, w);
    else scatter4(from, to, digits, start, n, w);
    [src, dst] = [dst, src];
  }
  return src;
}

/** Where each digit's rows start in a pass, from the word's counts at `base`. */
function starts(counts: Int32Array, base: number, start: Int32Array): void {
  for (let c = 0, sum = 0; c < BUCKETS; c++) {
    start[c] = sum;
    sum += counts[base + c]!;
  }
}

/** Every word's counts, a word's BUCKETS after another, in one read. */
function countWords(words: Uint16Array, n: number, half: number): Int32Array {
  const counts = new Int32Array(WORDS * BUCKETS);
  for (let i = 0, at = 0; i < n; i++, at += half) {
    counts[words[at]!]!++;
    counts[BUCKETS + words[at + 1]!]!++;
    counts[2 * BUCKETS + words[at + 2]!]!++;
    counts[3 * BUCKETS + words[at + 3]!]!++;
    counts[4 * BUCKETS + words[at + 4]!]!++;
    counts[5 * BUCKETS + words[at + 5]!]!++;
  }
  return counts;
}

/** One pass, rows of three words: each row to its place by word `w` (its 16-bit digit). */
function scatter3(src: Int32Array, dst: Int32Array, digits: Uint16Array, start: Int32Array, n: number, w: number): void {
  for (let i = 0, at = 0; i < n; i++, at += 3) {
    const t = start[digits[at * 2 + w]!]!++ * 3;
    dst[t] = src[at]!;
    dst[t + 1] = src[at + 1]!;
    dst[t + 2] = src[at + 2]!;
  }
}

/** One pass, rows of four words (a VIN and its line's index). */
function scatter4(src: Int32Array, dst: Int32Array, digits: Uint16Array, start: Int32Array, n: number, w: number): void {
  for (let i = 0, at = 0; i < n; i++, at += 4) {
    const t = start[digits[at * 2 + w]!]!++ * 4;
    dst[t] = src[at]!;
    dst[t + 1] = src[at + 1]!;
    dst[t + 2] = src[at + 2]!;
    dst[t + 3] = src[at + 3]!;
  }
}
