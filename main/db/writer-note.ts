// A process holding a long write (an import) says so in a small file beside the database, so that
// another process whose write must wait can name what it waits for. SQLite's lock says only "busy".
// The note holds the import's label (campaign code, list date), never guests' data.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { processAlive } from '../process-alive';

export type WriterNote = { what: string; since: string; pid: number };

const noteFile = (dbPath: string) => `${dbPath}-writer.json`;

/** Writes the note; the returned function removes it again, if it is still this writer's. */
export function announceWriter(dbPath: string, what: string, now = new Date()): () => void {
  const token = randomUUID();
  const file = noteFile(dbPath);
  try {
    fs.writeFileSync(file, JSON.stringify({ what, since: now.toISOString(), pid: process.pid, token }), { mode: 0o600 });
  } catch {
    // The note is a courtesy to other processes: an import never fails for want of it.
    return () => {};
  }
  return () => {
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { token?: string }).token === token) fs.rmSync(file, { force: true });
    } catch {
      // Already gone, or replaced by a later writer's note.
    }
  };
}

/** The note of the process that holds the write lock now, or null (none, unreadable, or its process is gone). */
export function currentWriter(dbPath: string): WriterNote | null {
  try {
    const n = JSON.parse(fs.readFileSync(noteFile(dbPath), 'utf8')) as Partial<WriterNote>;
    if (typeof n.what !== 'string' || typeof n.since !== 'string' || typeof n.pid !== 'number') return null;
    return processAlive(n.pid) ? { what: n.what, since: n.since, pid: n.pid } : null;
  } catch {
    return null;
  }
}
