// Waiting for another process's write lock without blocking this process. better-sqlite3 is
// synchronous: a long busy_timeout would freeze the whole event loop (every lookup of the window or
// the browser mode) while another process imports. So the connection gives up after a few
// milliseconds, and the wait happens here, between attempts, where lookups go on answering.

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY ...). */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

export type BusyWait = {
  /** How long to keep trying before giving up with the last SQLITE_BUSY. */
  waitMs: number;
  /** The pause between attempts. */
  pauseMs?: number;
  /** Called once, when the first attempt met the lock (e.g. to say what the job waits for). */
  onWait?: () => void;
};

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, pausing between attempts without holding
 * the thread. An attempt must be all-or-nothing (one transaction), so that running it again is safe.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, { waitMs, pauseMs = 50, onWait }: BusyWait): Promise<T> {
  const deadline = Date.now() + waitMs;
  let waited = false;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusy(err) || Date.now() + pauseMs > deadline) throw err;
      if (!waited) {
        waited = true;
        onWait?.();
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}
