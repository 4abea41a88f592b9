// Imports run as jobs: previewed first (nothing written), then committed on a connection of their
// own inside one transaction, in chunks, so the window can show progress and offer Cancel while the
// main connection keeps answering lookups from the data as it was. Cancel, an error or a killed
// process leaves the database exactly as before: SQLite discards an uncommitted transaction.
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { Impact } from '../../shared/changes/contract';
import { ApiError } from '../../shared/contract';
import { waitingForWriter } from '../../shared/wording';
import { retryWhileBusy } from '../db/busy';
import { describeStorageError, readOnlyRefusal } from '../db/errors';
import { BUSY_TIMEOUT_MS, type Db } from '../db/open';
import { announceWriter, currentWriter } from '../db/writer-note';
import { diffSnapshots, type Measure } from '../changes/impact';
import { recordChange } from '../changes/store';
import { ListPurger } from './purge';
import type { ImportWriter } from './writer';

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export type JobStatus = {
  jobId: string;
  kind: ImportWriter['kind'];
  label: string;
  state: JobState;
  done: number;
  total: number;
  message: string;
  /** What the import did (or, measured before applying, would do) to the dealer's vehicles; null until done. */
  impact: Impact | null;
};

/** `by`: the signed-in person who started it (null on a PC without accounts): "What changed" names them. */
type Job = JobStatus & { abort: AbortController; finished: Promise<JobStatus>; dryRun: boolean; by: string | null };

const PENDING_LIMIT = 4;
/** How long an import waits for another process's import to finish before it gives up. */
const IMPORT_WAIT_MS = 30 * 60_000;
/** Finished jobs kept for their status; older ones are forgotten. */
const FINISHED_KEPT = 20;

class Cancelled extends Error {}

/** What a preview was read with (campaign, date, completeness, stock mode): a commit must name the same. */
export type StagedInputs = Record<string, string | boolean>;
type Staged = { writer: ImportWriter; inputs: StagedInputs };

export class ImportJobs {
  private readonly pending = new Map<string, Staged>();
  private readonly jobs = new Map<string, Job>();
  /**
   * Imports run one after another. A write must never wait for a lock that a job on this same thread
   * holds: SQLite's busy wait would block the thread, so the job could not finish. Other writes wait
   * here instead (whenIdle), without blocking.
   */
  private queue: Promise<unknown> = Promise.resolve();
  /** Removes replaced lists' rows after their import, between imports. */
  readonly purger: ListPurger;

  private readonly dbPath: string;

  constructor(
    /** The database as opened: a read-only one is never written, whoever runs the app (root included). */
    private readonly db: Pick<Db, 'path' | 'readOnly'>,
    private readonly now: () => Date,
    /** Called after a commit, so the main connection's caches forget what changed. */
    private readonly onCommitted: () => void,
    /** Evaluates every known vehicle on a connection: run before and after the writes, for the impact. */
    private readonly measure: Measure | null = null,
  ) {
    this.dbPath = db.path;
    this.purger = new ListPurger(this.dbPath, () => [...this.jobs.values()].some((j) => j.state === 'running'));
    // Rows left by a purge cut short when the app last closed (a read-only file keeps them).
    if (!db.readOnly) this.purger.schedule();
  }

  /** Keeps a parsed file until it is committed; only the newest few previews are kept. */
  stage(writer: ImportWriter, inputs: StagedInputs = {}): string {
    const id = randomUUID();
    this.pending.set(id, { writer, inputs });
    while (this.pending.size > PENDING_LIMIT) {
      const oldest = this.pending.keys().next().value!;
      this.pending.get(oldest)?.writer.dispose?.();
      this.pending.delete(oldest);
    }
    return id;
  }

  /**
   * Starts a previewed import. `expect` is what the user sees when pressing Import: a preview read with
   * other inputs is refused (and kept), so a campaign changed after reading the file never imports
   * into the old one.
   */
  start(importId: string, expect: Partial<StagedInputs> = {}, by: string | null = null): JobStatus {
    const staged = this.staged(importId, expect);
    this.refuseIfReadOnly();
    this.pending.delete(importId);
    const job = this.enqueue(staged.writer, false, by);
    // Done with for good once it ended, however: an uploaded file it read is removed.
    const dispose = () => staged.writer.dispose?.();
    job.finished.then(dispose, dispose);
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(j.jobId);
    return this.status(job.jobId);
  }

  /**
   * The impact of a previewed import, worked out by running its writes inside a transaction that is
   * rolled back: the same writes and the same rules as applying it. The preview stays staged, so
   * Apply can follow.
   */
  async impactOf(importId: string, expect: Partial<StagedInputs> = {}): Promise<Impact> {
    const staged = this.staged(importId, expect);
    // The impact is the import's writes, rolled back: they are refused too.
    this.refuseIfReadOnly();
    const job = this.enqueue(staged.writer, true, null);
    try {
      const end = await job.finished;
      if (end.state !== 'done' || !end.impact) throw new ApiError('storage', end.message.replace(/^Import failed/, 'The impact could not be worked out'), []);
      return end.impact;
    } finally {
      this.jobs.delete(job.jobId);
    }
  }

  /**
   * A job writes on a connection of its own, which SQLite lets root open for writing whatever the
   * file's mode: the database as the app opened it decides, before anything is written.
   */
  private refuseIfReadOnly(): void {
    if (this.db.readOnly) throw new ApiError('storage', readOnlyRefusal(this.db.readOnly), []);
  }

  private staged(importId: string, expect: Partial<StagedInputs>): Staged {
    const staged = this.pending.get(importId);
    if (!staged) throw new ApiError('not-found', 'This preview is no longer available: read the file again.', []);
    const differs = Object.entries(expect).filter(([k, v]) => v !== undefined && staged.inputs[k] !== v);
    if (differs.length) {
      throw new ApiError(
        'conflict',
        `This preview was read for ${differs.map(([k]) => `${k} ${JSON.stringify(staged.inputs[k])}`).join(', ')}, not ${differs.map(([, v]) => JSON.stringify(v)).join(', ')}: read the file again before importing.`,
        [],
      );
    }
    return staged;
  }

  private enqueue(p: ImportWriter, dryRun: boolean, by: string | null): Job {
    const total = p.total;
    const busy = [...this.jobs.values()].some((j) => j.state === 'running');
    const job = {
      jobId: randomUUID(),
      kind: p.kind,
      label: p.label,
      state: 'running',
      done: 0,
      total,
      message: busy ? 'Waiting for the import before it to finish…' : 'Importing…',
      impact: null,
      dryRun,
      by,
      abort: new AbortController(),
    } as Job;
    job.finished = this.queue.then(() => this.run(job, p));
    this.queue = job.finished.catch(() => {});
    this.jobs.set(job.jobId, job);
    return job;
  }

  status(jobId: string): JobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('not-found', 'No such import.', []);
    return { jobId: j.jobId, kind: j.kind, label: j.label, state: j.state, done: j.done, total: j.total, message: j.message, impact: j.impact };
  }

  /** Every job kept, newest first: a running one is found from any screen. */
  list(): JobStatus[] {
    // Without the impacts: the top bar asks every second and needs only the state (importStatus has it).
    return [...this.jobs.values()]
      .filter((j) => !j.dryRun)
      .map((j) => ({ ...this.status(j.jobId), impact: null }))
      .reverse();
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
    await this.purger.stop();
  }

  async wait(jobId: string): Promise<JobStatus> {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('not-found', 'No such import.', []);
    return j.finished;
  }

  private async run(job: Job, p: ImportWriter): Promise<JobStatus> {
    // Let the caller see "running" before the first chunk.
    await new Promise((r) => setImmediate(r));
    job.message = 'Importing…';
    if (job.abort.signal.aborted) {
      job.state = 'cancelled';
      job.message = 'Import cancelled: nothing was changed.';
      return this.status(job.jobId);
    }
    let conn: BetterSqlite3.Database | undefined;
    let release = () => {};
    try {
      conn = new BetterSqlite3(this.dbPath, { fileMustExist: true });
      const c = conn;
      c.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      c.pragma(`foreign_keys = ${p.foreignKeys === false ? 'OFF' : 'ON'}`);
      c.pragma('cache_size = -65536');
      // As the app's own connection: a new connection defaults to FULL, which in WAL mode fsyncs the
      // whole write-ahead log at COMMIT (hundreds of MB for a large list). NORMAL keeps the database
      // safe from corruption on power loss (the checkpoint still syncs); at worst the last commit is
      // lost, as for every other write. OFF would skip the checkpoint's syncs too: not safe, and it
      // saved under a second of a 5M-row list's commit. A larger cache_size did not help either: a
      // list's rows go in in key order (vinlist.ts), so few pages are hot at a time.
      c.pragma('synchronous = NORMAL');
      // Another process's import holds the lock: wait for it between attempts (this thread serves
      // lookups meanwhile), saying what the job waits for; Cancel ends the wait.
      await retryWhileBusy(
        () => {
          if (job.abort.signal.aborted) throw new Cancelled();
          c.exec('BEGIN IMMEDIATE');
        },
        { waitMs: IMPORT_WAIT_MS, pauseMs: 200, onWait: () => (job.message = waitingForWriter(currentWriter(this.dbPath))) },
      );
      job.message = 'Importing…';
      release = announceWriter(this.dbPath, p.label, this.now());
      try {
        const step = async (n: number) => {
          job.done += n;
          await new Promise((r) => setImmediate(r));
          if (job.abort.signal.aborted) throw new Cancelled();
        };
        const at = this.now().toISOString();
        // Every known vehicle before and after the writes, inside this transaction: the import's impact.
        const before = this.measure?.(c) ?? null;
        await p.write(conn, step, at);
        if (job.abort.signal.aborted) throw new Cancelled();
        job.impact = before && this.measure ? diffSnapshots(before, this.measure(c)) : null;
        if (job.dryRun) {
          conn.exec('ROLLBACK');
        } else {
          if (job.impact) recordChange(c, { at, by: job.by, source: p.source(), impact: job.impact });
          conn.exec('COMMIT');
        }
      } catch (err) {
        if (conn.inTransaction) conn.exec('ROLLBACK');
        throw err;
      }
      job.state = 'done';
      if (job.dryRun) {
        job.message = 'Impact worked out: nothing was changed.';
        return this.status(job.jobId);
      }
      this.onCommitted();
      this.purger.schedule();
      job.message = p.doneMessage();
    } catch (err) {
      if (err instanceof Cancelled) {
        job.state = 'cancelled';
        job.message = 'Import cancelled: nothing was changed.';
      } else {
        job.state = 'failed';
        job.message = describeStorageError(err) ?? `Import failed, nothing was changed: ${(err as Error).message}`;
      }
    } finally {
      release();
      conn?.close();
    }
    return this.status(job.jobId);
  }
}
