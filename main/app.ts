// The whole service layer, composed once per process: the Electron app, the CLI and the browser
// mode all start here, so they run the very same code against the very same database.
import path from 'node:path';
import type { Tag } from '../shared/contract';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { createHandlers, handlersOnDemand } from './api/handlers';
import { AuditLog } from './accounts/audit';
import { AccountsService } from './accounts/service';
import { Sessions } from './accounts/sessions';
import { AccountStore } from './accounts/store';
import { ChangeFeed } from './api/changes';
import { loadBuiltInLibrary } from './campaigns/library';
import { CampaignStore } from './campaigns/store';
import { DatabaseOpenError, openDatabase } from './db/open';
import { networkShareOf, refusalFor } from './lan/netfs';
import { ChromiumPdf, type PdfPrinter } from './forms/pdf';
import { FormsService } from './forms/service';
import { currentWriter } from './db/writer-note';
import { measureWith } from './changes/impact';
import { ImportJobs } from './imports/jobs';
import { LookupService } from './lookup/service';
import type { Services } from './services';
import { SettingsStore } from './settings/store';
import { familyVins, SqliteDecodeStore } from './vehicles/decode-store';
import { VpicDecoder, type VpicThread, vpicSource } from './vehicles/vpic';

export type AppOptions = {
  dbPath: string;
  /** The clock, injectable so data ages are testable. */
  now?: () => Date;
  version?: string;
  /** How often to notice library changes made by another process on the same file. */
  syncIntervalMs?: number;
  /** Prints documents to PDF; default: a headless Chromium started on first use (the Electron app passes its own). */
  pdf?: PdfPrinter;
  showInFolder?: (file: string) => void;
  /** The unpacked vPIC database (default: `vpic.sqlite` beside the app's database); null: no decoding. */
  vpicPath?: string | null;
  /** How long a write waits for another process's import before answering 'busy'. */
  busyWaitMs?: number;
  /**
   * A one-shot command (the CLI) loads a domain's handlers on the first call of one of its operations:
   * it calls one or two domains. A long-running app (the window, the browser mode) has them all from the start.
   */
  handlersOnDemand?: boolean;
  /** Where vPIC decodes are made (default: the decoder's own thread; a one-shot command: 'inline'). */
  vpicThread?: VpicThread;
  /** A new database file is a copy of this one (the CLI's: dist/main/new-database.sqlite, made by the build). */
  newDatabaseTemplate?: string | null;
};

const BUSY_WAIT_MS = 3000;

/** What an affected-VIN list or a DMS file changes once its job is done. */
const IMPORT_CHANGES: readonly Tag[] = ['imports', 'lists', 'vehicles', 'lookup', 'reports', 'stock', 'appointments'];

export type App = Services & {
  dispatch: Dispatcher;
  close(): Promise<void>;
};

export async function createApp(opts: AppOptions): Promise<App> {
  const now = opts.now ?? (() => new Date());
  // Never the file on a share: SQLite's locking and WAL fail there (one PC shares it instead).
  const share = networkShareOf(opts.dbPath);
  if (share) throw new DatabaseOpenError(refusalFor(share));
  const db = await openDatabase(opts.dbPath, opts.newDatabaseTemplate ?? null, now);
  try {
    const campaigns = new CampaignStore(db, now, opts.syncIntervalMs);
    // A read-only database keeps the library it has: lookups answer from it, nothing is written.
    if (!db.readOnly) await loadBuiltInLibrary(db, campaigns);
    // RECALL_DESK_VPIC lets test runs share one unpacked copy instead of 74 MB per temp folder.
    const vpicPath = opts.vpicPath === undefined ? process.env.RECALL_DESK_VPIC || path.join(path.dirname(opts.dbPath), 'vpic.sqlite') : opts.vpicPath;
    const vpic = vpicPath
      ? new VpicDecoder(vpicPath, new SqliteDecodeStore(db.sqlite, vpicSource(), now), () => familyVins(db.sqlite), now, opts.vpicThread)
      : null;
    const lookup = new LookupService(db, campaigns, now, (wmi) => vpic?.makesOf(wmi) ?? null);
    const changes = new ChangeFeed(db, () => campaigns.invalidate());
    const makesOf = (wmi: string) => vpic?.makesOf(wmi) ?? null;
    // An import's job writes on its own connection: when it is done, every window hears of it.
    const jobs = new ImportJobs(
      db,
      now,
      () => {
        campaigns.invalidate();
        changes.publish(IMPORT_CHANGES);
      },
      measureWith(now, makesOf),
    );
    const pdf = opts.pdf ?? new ChromiumPdf();
    const settings = new SettingsStore(db, now);
    const accountStore = new AccountStore(db);
    const accounts = new AccountsService(accountStore, new Sessions(accountStore), now);
    const core = {
      db,
      campaigns,
      lookup,
      jobs,
      now,
      version: opts.version ?? '0.0.0',
      settings,
      showInFolder: opts.showInFolder ?? null,
      vpic,
      accounts,
      audit: new AuditLog(db),
      changes,
    };
    const services: Services = { ...core, forms: new FormsService(core, settings, pdf) };
    return {
      ...services,
      dispatch: createDispatcher(services, opts.handlersOnDemand ? handlersOnDemand(services) : await createHandlers(services), undefined, {
        waitMs: opts.busyWaitMs ?? BUSY_WAIT_MS,
        holder: () => currentWriter(db.path),
      }),
      close: async () => {
        changes.stop();
        await jobs.shutdown();
        await pdf.close();
        await vpic?.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
