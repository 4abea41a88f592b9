// A replaced affected-VIN list leaves the lookup at once (its list row goes in the import's own
// transaction, and the lookup ignores rows of a list it does not know), but its rows are removed
// afterwards, in short transactions, while no import runs. Deleting five million rows inside the
// import's transaction took most of a minute, holding the write lock all along. The ids still to
// clear are kept in `meta` in that same transaction, so a purge cut short by a closed app goes on at
// the next start.
//
// The table has no index on list_id (migration 005: every import paid for it), so the purge walks the
// table in key (VIN) order, a range of CHUNK rows per transaction, deleting the replaced lists' rows
// in each range. One walk clears every list pending when it began; a walk cut short starts over.
import BetterSqlite3 from 'better-sqlite3';

const KEY = 'superseded-affected-vin-lists';
// Not node:timers/promises: loading it cost every command a few ms, for a purge that is nearly always idle.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rows walked per transaction: short enough that a lookup on the same thread never waits long. */
const CHUNK = 20_000;

function pending(conn: BetterSqlite3.Database): number[] {
  const v = conn.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(KEY);
  return v ? (JSON.parse(v) as number[]) : [];
}

function setPending(conn: BetterSqlite3.Database, ids: number[]): void {
  if (ids.length)
    conn.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(ids));
  else conn.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
}

/** Inside the import's transaction: these lists' rows are to be removed once it has committed. */
export function markSuperseded(conn: BetterSqlite3.Database, ids: number[]): void {
  if (ids.length) setPending(conn, [...new Set([...pending(conn), ...ids])]);
}

/** A walk through the table: the lists it clears, and the key it has cleared up to. */
type Walk = { ids: number[]; after: string };

export class ListPurger {
  private loop: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dbPath: string,
    /** While an import writes, the purge waits: it must never wait for that lock on this thread. */
    private readonly importing: () => boolean,
  ) {}

  schedule(): void {
    if (this.loop || this.stopped) return;
    this.loop = this.run()
      .catch(() => {
        // Nothing is lost: the ids stay in meta and the next start goes on.
      })
      .finally(() => {
        this.loop = null;
      });
  }

  /** Waits for the purge to clear everything (tests, benchmarks). */
  async drained(): Promise<void> {
    while (this.loop) await this.loop;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    await sleep(0);
    // Stopped meanwhile (a one-shot command that ended): no connection opened for nothing.
    if (this.stopped) return;
    const conn = new BetterSqlite3(this.dbPath, { fileMustExist: true });
    try {
      // Never block the thread on another process's lock: try again a little later instead.
      conn.pragma('busy_timeout = 0');
      conn.pragma('synchronous = NORMAL');
      // The key of the row CHUNK rows on from `after`: the end of the next range (none: the last range).
      const rangeEnd = conn.prepare<[string, number], string>('SELECT vin FROM affected_vins WHERE vin > ? ORDER BY vin LIMIT 1 OFFSET ?').pluck();
      const lists = 'list_id IN (SELECT value FROM json_each(?))';
      const delRange = conn.prepare(`DELETE FROM affected_vins WHERE vin > ? AND vin <= ? AND ${lists}`);
      const delRest = conn.prepare(`DELETE FROM affected_vins WHERE vin > ? AND ${lists}`);
      let walk: Walk | null = null;
      while (!this.stopped) {
        if (this.importing()) {
          await sleep(200);
          continue;
        }
        try {
          if (!walk) {
            const ids = pending(conn);
            if (ids.length === 0) return;
            walk = { ids, after: '' };
          }
          const { ids, after }: Walk = walk;
          const json = JSON.stringify(ids);
          // The walk moves on only once its transaction has committed.
          const end = conn.transaction(() => {
            const e = rangeEnd.get(after, CHUNK - 1);
            if (e !== undefined) delRange.run(after, e, json);
            else {
              delRest.run(after, json);
              // Lists replaced since this walk began stay pending, for the next walk.
              setPending(
                conn,
                pending(conn).filter((x) => !ids.includes(x)),
              );
            }
            return e;
          })();
          walk = end === undefined ? null : { ids, after: end };
        } catch (err) {
          if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
          await sleep(500);
          continue;
        }
        await sleep(0);
      }
    } finally {
      conn.close();
    }
  }
}
