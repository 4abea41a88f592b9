// Imports run as jobs: previewed first (nothing written), then committed on a connection of their
// own inside one transaction, in chunks, so the window can show progress and offer Cancel while the
// main connection keeps answering lookups from the data as it was. Cancel, an error or a killed
// process leaves the database exactly as before: SQLite discards an uncommitted transaction.
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import type { ListRows } from './vinlist';
import type { VehicleRow } from './vehicles';

export type InStockMode = 'none' | 'add' | 'replace';

export type PendingImport =
  | { kind: 'vin-list'; campaignId: number; campaignCode: string; listDate: string; complete: boolean; sourceName: string; rows: ListRows }
  | { kind: 'vehicles'; sourceName: string; inStock: InStockMode; rows: VehicleRow[] };

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export type JobStatus = {
  jobId: string;
  kind: PendingImport['kind'];
  state: JobState;
  done: number;
  total: number;
  message: string;
};

type Job = JobStatus & { abort: AbortController; finished: Promise<JobStatus> };

const CHUNK = 20_000;
const PENDING_LIMIT = 4;
/** Finished jobs kept for their status; older ones are forgotten. */
const FINISHED_KEPT = 20;

class Cancelled extends Error {}

export class ImportJobs {
  private readonly pending = new Map<string, PendingImport>();
  private readonly jobs = new Map<string, Job>();
  /**
   * Imports run one after another. A write must never wait for a lock that a job on this same thread
   * holds: SQLite's busy wait would block the thread, so the job could not finish. Other writes wait
   * here instead (whenIdle), without blocking.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dbPath: string,
    private readonly now: () => Date,
    /** Called after a commit, so the main connection's caches forget what changed. */
    private readonly onCommitted: () => void,
  ) {}

  /** Keeps a parsed file until it is committed; only the newest few previews are kept. */
  stage(p: PendingImport): string {
    const id = randomUUID();
    this.pending.set(id, p);
    while (this.pending.size > PENDING_LIMIT) this.pending.delete(this.pending.keys().next().value!);
    return id;
  }

  start(importId: string): JobStatus {
    const p = this.pending.get(importId);
    if (!p) throw new ApiError('not-found', 'This preview is no longer available: read the file again.', []);
    this.pending.delete(importId);
    const total = p.kind === 'vin-list' ? p.rows.vins.length : p.rows.length;
    const busy = [...this.jobs.values()].some((j) => j.state === 'running');
    const job = {
      jobId: randomUUID(),
      kind: p.kind,
      state: 'running',
      done: 0,
      total,
      message: busy ? 'Waiting for the import before it to finish…' : 'Importing…',
      abort: new AbortController(),
    } as Job;
    job.finished = this.queue.then(() => this.run(job, p));
    this.queue = job.finished.catch(() => {});
    this.jobs.set(job.jobId, job);
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(j.jobId);
    return this.status(job.jobId);
  }

  status(jobId: string): JobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('not-found', 'No such import.', []);
    return { jobId: j.jobId, kind: j.kind, state: j.state, done: j.done, total: j.total, message: j.message };
  }

  cancel(jobId: string): JobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('not-found', 'No such import.', []);
    j.abort.abort();
    return this.status(jobId);
  }

  /** Resolves when no import is writing: other writes go after it, never into its lock. */
  whenIdle(): Promise<void> {
    return this.queue.then(() => {});
  }

  /** Cancels what is still running and waits for each to roll back: used when the app closes. */
  async shutdown(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.state === 'running');
    for (const j of running) j.abort.abort();
    await Promise.all(running.map((j) => j.finished));
  }

  async wait(jobId: string): Promise<JobStatus> {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('not-found', 'No such import.', []);
    return j.finished;
  }

  private async run(job: Job, p: PendingImport): Promise<JobStatus> {
    // Let the caller see "running" before the first chunk.
    await new Promise((r) => setImmediate(r));
    job.message = 'Importing…';
    if (job.abort.signal.aborted) {
      job.state = 'cancelled';
      job.message = 'Import cancelled: nothing was changed.';
      return this.status(job.jobId);
    }
    let conn: BetterSqlite3.Database | undefined;
    try {
      conn = new BetterSqlite3(this.dbPath, { fileMustExist: true });
      conn.pragma('busy_timeout = 10000');
      conn.pragma('foreign_keys = ON');
      conn.pragma('cache_size = -65536');
      conn.exec('BEGIN IMMEDIATE');
      try {
        const step = async (n: number) => {
          job.done += n;
          await new Promise((r) => setImmediate(r));
          if (job.abort.signal.aborted) throw new Cancelled();
        };
        if (p.kind === 'vin-list') await this.writeList(conn, p, step);
        else await this.writeVehicles(conn, p, step);
        if (job.abort.signal.aborted) throw new Cancelled();
        conn.exec('COMMIT');
      } catch (err) {
        if (conn.inTransaction) conn.exec('ROLLBACK');
        throw err;
      }
      this.onCommitted();
      job.state = 'done';
      job.message =
        p.kind === 'vin-list'
          ? `${p.campaignCode}: affected-VIN list of ${p.listDate} imported, ${job.total.toLocaleString('en-US')} VINs${p.complete ? '' : ' (partial list)'}.`
          : `${job.total.toLocaleString('en-US')} vehicles imported from ${p.sourceName}.`;
    } catch (err) {
      if (err instanceof Cancelled) {
        job.state = 'cancelled';
        job.message = 'Import cancelled: nothing was changed.';
      } else {
        job.state = 'failed';
        job.message = `Import failed, nothing was changed: ${(err as Error).message}`;
      }
    } finally {
      conn?.close();
    }
    return this.status(job.jobId);
  }

  private async writeList(conn: BetterSqlite3.Database, p: Extract<PendingImport, { kind: 'vin-list' }>, step: (n: number) => Promise<void>) {
    // A newer list replaces the older one for the same campaign, inside the same transaction.
    conn.prepare('DELETE FROM affected_vin_lists WHERE campaign_id = ?').run(p.campaignId);
    const listId = conn
      .prepare('INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count, complete) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.campaignId, p.listDate, p.sourceName, this.now().toISOString(), p.rows.vins.length, p.complete ? 1 : 0).lastInsertRowid;
    const insert = conn.prepare('INSERT INTO affected_vins (vin, list_id, phase, part_number, status) VALUES (?, ?, ?, ?, ?)');
    const { vins, phases, partNumbers, statuses } = p.rows;
    for (let start = 0; start < vins.length; start += CHUNK) {
      const end = Math.min(vins.length, start + CHUNK);
      for (let i = start; i < end; i++) insert.run(vins[i], listId, phases[i], partNumbers[i], statuses[i]);
      await step(end - start);
    }
  }

  private async writeVehicles(conn: BetterSqlite3.Database, p: Extract<PendingImport, { kind: 'vehicles' }>, step: (n: number) => Promise<void>) {
    if (p.inStock === 'replace') conn.prepare('UPDATE vehicles SET in_stock = 0 WHERE in_stock = 1').run();
    // A field the file leaves empty keeps what was known: one export rarely has every column.
    const upsert = conn.prepare(
      `INSERT INTO vehicles (vin, model, model_year, production_month, stock_number, condition, in_stock, guest_name, guest_phone,
         guest_email, guest_address, last_service_date, updated_at)
       VALUES (@vin, @model, @modelYear, @productionMonth, @stockNumber, @condition, @inStock, @guestName, @guestPhone,
         @guestEmail, @guestAddress, @lastServiceDate, @updatedAt)
       ON CONFLICT (vin) DO UPDATE SET
         model = coalesce(excluded.model, model),
         model_year = coalesce(excluded.model_year, model_year),
         production_month = coalesce(excluded.production_month, production_month),
         stock_number = coalesce(excluded.stock_number, stock_number),
         condition = coalesce(excluded.condition, condition),
         in_stock = CASE WHEN @inStockMode = 'none' THEN in_stock ELSE 1 END,
         guest_name = coalesce(excluded.guest_name, guest_name),
         guest_phone = coalesce(excluded.guest_phone, guest_phone),
         guest_email = coalesce(excluded.guest_email, guest_email),
         guest_address = coalesce(excluded.guest_address, guest_address),
         last_service_date = CASE
           WHEN excluded.last_service_date IS NULL THEN last_service_date
           WHEN last_service_date IS NULL OR excluded.last_service_date > last_service_date THEN excluded.last_service_date
           ELSE last_service_date END,
         updated_at = excluded.updated_at`,
    );
    const updatedAt = this.now().toISOString();
    const inStock = p.inStock === 'none' ? 0 : 1;
    for (let start = 0; start < p.rows.length; start += CHUNK) {
      const end = Math.min(p.rows.length, start + CHUNK);
      for (let i = start; i < end; i++) upsert.run({ ...p.rows[i]!, inStock, inStockMode: p.inStock, updatedAt });
      await step(end - start);
    }
  }
}
