// The whole service layer, composed once per process: the Electron app, the CLI and the browser
// mode all start here, so they run the very same code against the very same database.
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { loadBuiltInLibrary } from './campaigns/library';
import { CampaignStore } from './campaigns/store';
import { openDatabase } from './db/open';
import { currentWriter } from './db/writer-note';
import { ImportJobs } from './imports/jobs';
import { LookupService } from './lookup/service';
import type { Services } from './services';

export type AppOptions = {
  dbPath: string;
  /** The clock, injectable so data ages are testable. */
  now?: () => Date;
  version?: string;
  /** How often to notice library changes made by another process on the same file. */
  syncIntervalMs?: number;
  /** How long a write waits for another process's import before answering 'busy'. */
  busyWaitMs?: number;
};

const BUSY_WAIT_MS = 3000;

export type App = Services & {
  dispatch: Dispatcher;
  close(): Promise<void>;
};

export async function createApp(opts: AppOptions): Promise<App> {
  const now = opts.now ?? (() => new Date());
  const db = await openDatabase(opts.dbPath);
  try {
    const campaigns = new CampaignStore(db, now, opts.syncIntervalMs);
    loadBuiltInLibrary(db, campaigns);
    const lookup = new LookupService(db, campaigns, now);
    const jobs = new ImportJobs(db.path, now, () => campaigns.invalidate());
    const services: Services = { db, campaigns, lookup, jobs, now, version: opts.version ?? '0.0.0' };
    return {
      ...services,
      dispatch: createDispatcher(createHandlers(services), undefined, {
        waitMs: opts.busyWaitMs ?? BUSY_WAIT_MS,
        holder: () => currentWriter(db.path),
      }),
      close: async () => {
        await jobs.shutdown();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
