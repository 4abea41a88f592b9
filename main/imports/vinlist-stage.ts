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
 * Collects a list's valid rows in line order and stages them sorted and distinct. A VIN met again is a
 * duplicate: its first line is kept (the stable sort keeps line order among equals, and an earlier
 * run holds earlier lines), and `onDuplicate` hears of each one dropped.
 */
export class ListStager {
  private vins = Buffer.allocUnsafe(VIN_BYTES * 1024);
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
  ) {}

  /** Which optional columns the list has: set before the first row. */
  columns(has: { phase: boolean; partNumber: boolean; status: boolean }): void {
    this.details = { phases: has.phase ? [] : null, partNumbers: has.partNumber ? [] : null, statuses: has.status ? [] : null };
  }

  /** A valid row: its checked VIN (17 ASCII characters) and its optional cells. */
  add(vin: string, phase: string | null, partNumber: string | null, status: string | null): void {
    let at = this.n * VIN_BYTES;
    if (at + VIN_BYTES > this.vins.length) {
      const more = Buffer.allocUnsafe(Math.min(this.vins.length * 2, this.runRows * VIN_BYTES));
      this.vins.copy(more, 0, 0, at);
      this.vins = more;
    }
    for (let p = 0; p < VIN_BYTES; p++) this.vins[at++] = vin.charCodeAt(p);
    this.n++;
    const d = this.details;
    d.phases?.push(phase);
    d.partNumbers?.push(partNumber);
    d.statuses?.push(status);
    if (this.n === this.runRows) this.spill();
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
   * VIN order, to `write`; then forgets them.
   */
  private sortedChunks(write: (chunk: ListChunk, seq: number) => void): number {
    const { vins, n, details } = this;
    const order = vinOrder(vins, n);
    const out = Buffer.allocUnsafe(Math.min(n, CHUNK) * VIN_BYTES);
    const withDetails = this.hasDetails;
    // Which rows the chunk holds (their indexes), for their optional columns.
    const kept = new Int32Array(Math.min(n, CHUNK));
    const pick = <T>(xs: T[] | null, m: number) => (xs ? Array.from(kept.subarray(0, m), (i) => xs[i]!) : null);
    let seq = 0;
    let written = 0;
    // The loop's own counter (m) is not shared with this closure: a variable a closure writes lives in
    // a context object, and every m++ of a million rows went through it.
    const emit = (m: number) => {
      write(
        {
          count: m,
          vins: out.subarray(0, m * VIN_BYTES),
          phases: withDetails ? pick(details.phases, m) : null,
          partNumbers: withDetails ? pick(details.partNumbers, m) : null,
          statuses: withDetails ? pick(details.statuses, m) : null,
        },
        seq++,
      );
      written += m;
    };
    let m = 0;
    let prev = -1;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      if (prev >= 0 && sameVin(vins, prev, vins, i)) {
        this.duplicates++;
        this.onDuplicate(vins, i * VIN_BYTES);
        continue;
      }
      prev = i;
      // Byte by byte: Buffer.copy's call per VIN was a sixth of a 1M-row preview.
      for (let p = 0, from = i * VIN_BYTES, to = m * VIN_BYTES; p < VIN_BYTES; p++) out[to + p] = vins[from + p]!;
      kept[m++] = i;
      if (m === CHUNK) {
        emit(m);
        m = 0;
      }
    }
    if (m) emit(m);
    this.n = 0;
    this.details = {
      phases: details.phases ? [] : null,
      partNumbers: details.partNumbers ? [] : null,
      statuses: details.statuses ? [] : null,
    };
    return written;
  }

  /** A full run: sorted, distinct, written to the staging file to be merged at the end. */
  private spill(): void {
    const db = this.db();
    const insert = db.prepare('INSERT INTO runs (run, seq, n, vins, details) VALUES (?, ?, ?, ?, ?)');
    const run = this.runs++;
    db.transaction(() => this.sortedChunks((c, seq) => insert.run(run, seq, c.count, c.vins, detailsJson(c, this.hasDetails))))();
  }

  /** The list staged: sorted, distinct; in memory if it was one run, else on disk. */
  finish(): StagedList {
    const hasDetails = this.hasDetails;
    if (this.runs === 0) {
      // One run (most lists): sorted in memory and kept there, as the preview always kept it. Writing it
      // to a file and reading it back cost a 1M-row list a third of a second, for no memory saved.
      const chunks: ListChunk[] = [];
      this.total = this.sortedChunks((c) => chunks.push({ ...c, vins: Buffer.from(c.vins) }));
      this.vins = Buffer.alloc(0);
      return StagedList.held(this.total, hasDetails, chunks);
    }
    if (this.n > 0) this.spill();
    this.vins = Buffer.alloc(0);
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

/** A VIN character's place among the 36 digits and letters, in ASCII order (a checked VIN has no other). */
const RANK = new Uint8Array(256);
for (let c = 0; c < 256; c++) RANK[c] = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;

/**
 * Indexes of the `n` VINs in VIN order, equal VINs in line order (stable): a least-significant-first
 * radix sort over the VINs' 17 characters, two characters (36 x 36 buckets) a pass, linear where Array
 * sort's string comparisons took seconds on millions of VINs. A pass where every VIN has the same
 * characters (a list's make and model often share most of the first eight) changes nothing and is skipped.
 */
function vinOrder(vins: Buffer, n: number): Int32Array {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const codes = new Uint16Array(n);
  const BUCKETS = 36 * 36;
  const start = new Int32Array(BUCKETS + 1);
  // Pairs from the end: (15, 16), (13, 14) ... (1, 2), then 0 alone.
  for (let p = VIN_BYTES - 2; p >= -1 && n > 1; p -= 2) {
    start.fill(0);
    for (let i = 0, at = i * VIN_BYTES + p; i < n; i++, at += VIN_BYTES) {
      const c = (p >= 0 ? RANK[vins[at]!]! * 36 : 0) + RANK[vins[at + 1]!]!;
      codes[i] = c;
      start[c + 1]!++;
    }
    if (start[codes[0]! + 1] === n) continue;
    for (let c = 0; c < BUCKETS; c++) start[c + 1]! += start[c]!;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[start[codes[i]!]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}
