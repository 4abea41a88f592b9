// What the generic import job needs from an import kind: a writer that lives beside its parser. A new
// import kind adds a writer; the job (transaction, chunks, progress, Cancel) stays as it is.
import type BetterSqlite3 from 'better-sqlite3';
import type { ChangeSource } from '../../shared/changes/contract';

export type ImportWriter = {
  kind: 'vin-list' | 'vehicles' | 'nhtsa';
  /** Rows to write, for the progress bar. */
  total: number;
  /** Off for a writer that removes rows itself, later (a replaced list's rows: see purge.ts). */
  foreignKeys?: boolean;
  /** What the progress line names (e.g. the campaign), so a running import says what it is. */
  label: string;
  /** Writes inside the job's transaction; calls step(n) after every chunk (progress, Cancel). */
  write(conn: BetterSqlite3.Database, step: (n: number) => Promise<void>, at: string): Promise<void>;
  doneMessage(): string;
  /** What "What changed" records this import as. */
  source(): ChangeSource;
  /** Called once the writer is done with for good: its import ended (any way) or its preview was dropped. */
  dispose?(): void;
};

/** Rows per chunk: progress and Cancel are checked between chunks. */
export const CHUNK = 20_000;

/** Runs `each` for rows [0, total) in chunks, reporting each chunk. */
export async function inChunks(total: number, step: (n: number) => Promise<void>, each: (i: number) => void): Promise<void> {
  await chunkRanges(total, step, (start, end) => {
    for (let i = start; i < end; i++) each(i);
  });
}

/** Runs `write` for each chunk's rows [start, end), reporting each chunk: for writers that batch rows. */
export async function chunkRanges(total: number, step: (n: number) => Promise<void>, write: (start: number, end: number) => void): Promise<void> {
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(total, start + CHUNK);
    write(start, end);
    await step(end - start);
  }
}
