// "Changed: tags", pushed to every open window (IPC in Electron, an event stream in the browser mode)
// after every write, and when another process (the CLI, an import's own connection) changes the
// database: SQLite's data_version moves for every commit made by another connection.
import type { Tag } from '../../shared/contract';
import { TAGS } from '../../shared/contract';
import type { Db } from '../db/open';

export type ChangeListener = (tags: readonly Tag[]) => void;

/** How often the database is asked whether another connection wrote; a change shows within 1 s. */
const WATCH_MS = 250;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | null = null;
  private version: number;
  private readonly dataVersion;

  constructor(
    db: Db,
    /** Told first when another connection wrote, so caches forget before windows ask again. */
    private readonly onExternalChange: () => void = () => {},
  ) {
    this.dataVersion = db.sqlite.prepare('PRAGMA data_version').pluck();
    this.version = this.dataVersion.get() as number;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.watch();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  publish(tags: readonly Tag[]): void {
    if (tags.length === 0) return;
    for (const l of this.listeners) {
      try {
        l(tags);
      } catch {
        // A window that went away must not stop the others from hearing.
      }
    }
  }

  /** Asks SQLite once; used by the timer, and by tests that must not wait for it. */
  check(): void {
    let v: number;
    try {
      v = this.dataVersion.get() as number;
    } catch {
      return; // Closed, or the disk went away: the next check says.
    }
    if (v === this.version) return;
    this.version = v;
    this.onExternalChange();
    // Another process's write could be anything: every tag.
    this.publish(TAGS);
  }

  private watch(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), WATCH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
