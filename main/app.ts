// The whole service layer, composed once per process: the Electron app, the CLI and the browser
// mode all start here, so they run the very same code against the very same database.
import { openDatabase, type Db } from './db/open';
import { CampaignStore } from './campaigns/store';
import { loadBuiltInLibrary } from './campaigns/library';
import { LookupService } from './lookup/lookup';
import { createHandlers } from './api/handlers';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { ImportJobs } from './imports/jobs';

export type AppOptions = {
  dbPath: string;
  /** The clock, injectable so data ages are testable. */
  now?: () => Date;
  version?: string;
  /** How often to notice library changes made by another process on the same file. */
  syncIntervalMs?: number;
};

export type App = {
  db: Db;
  campaigns: CampaignStore;
  lookup: LookupService;
  jobs: ImportJobs;
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
    const handlers = createHandlers({ db, campaigns, lookup, jobs, now, version: opts.version ?? '0.0.0' });
    return {
      db,
      campaigns,
      lookup,
      jobs,
      dispatch: createDispatcher(handlers),
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
