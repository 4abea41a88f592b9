// What the reports are derived from changes rarely; a report of 100,000 vehicles takes seconds to work
// out. The data generation names one state of the file, cheaply: commits by any other connection (an
// import's job, another process: PRAGMA data_version), rows changed by this connection (total_changes(),
// less the writes that change no report, such as a kept VIN decode: a library import is one of either),
// and the day (answers carry ages). Each is read as it is now, never from a cache noticed lazily. Same generation, same data: a report made for it can be given again.
import type BetterSqlite3 from 'better-sqlite3';

const quiet = new WeakMap<BetterSqlite3.Database, number>();

/** Records rows this connection wrote that no report reads (kept decodes): they leave the generation as it was. */
export function countQuietWrites(sqlite: BetterSqlite3.Database, rows: number): void {
  quiet.set(sqlite, (quiet.get(sqlite) ?? 0) + rows);
}

export class DataGeneration {
  private readonly dataVersion: BetterSqlite3.Statement<[], number>;
  private readonly totalChanges: BetterSqlite3.Statement<[], number>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly now: () => Date,
    /** What else the reports depend on, outside the file (whether vPIC's WMI makes are known yet). */
    private readonly outside: () => string = () => '',
  ) {
    this.dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.totalChanges = sqlite.prepare<[], number>('SELECT total_changes()').pluck();
  }

  current(): string {
    return `${this.data()}|${this.outside()}`;
  }

  /** The file's part alone (and the day): what a report's rows are read from, whatever the outside says. */
  data(): string {
    const own = this.totalChanges.get()! - (quiet.get(this.sqlite) ?? 0);
    return `${this.dataVersion.get()}|${own}|${this.now().toISOString().slice(0, 10)}`;
  }
}

/** Keeps each report for the generation it was made for; a new generation makes it again. */
export class GenerationCache {
  private readonly kept = new Map<string, { generation: string; value: unknown }>();

  /** @param beforeMake brings what the report is made from up to date (the library's rules another process changed) */
  constructor(
    private readonly generation: DataGeneration,
    private readonly beforeMake: () => void = () => {},
  ) {}

  get<T>(key: string, make: () => T): T {
    const g = this.generation.current();
    const hit = this.kept.get(key);
    if (hit && hit.generation === g) return hit.value as T;
    this.beforeMake();
    const value = make();
    // Made from the state `g` named: if a write came meanwhile (none can, the lookups are synchronous), the next ask remakes it.
    this.kept.set(key, { generation: g, value });
    return value;
  }
}
