// The services every domain's own code may use: everything createApp builds but the printed forms,
// which are made from them (main/services.ts adds those for the handlers). Domain services import
// this, never main/services.ts, so no type depends on itself through the forms.
import type { AccountsService } from './accounts/service';
import type { AuditLog } from './accounts/audit';
import type { ChangeFeed } from './api/changes';
import type { CampaignStore } from './campaigns/store';
import type { Db } from './db/open';
import type { ImportJobs } from './imports/jobs';
import type { LookupService } from './lookup/service';
import type { SettingsStore } from './settings/store';
import type { VpicDecoder } from './vehicles/vpic';

export type CoreServices = {
  db: Db;
  campaigns: CampaignStore;
  lookup: LookupService;
  jobs: ImportJobs;
  /** The clock, injectable so data ages are testable. */
  now: () => Date;
  version: string;
  settings: SettingsStore;
  /** Shows a saved file in the system's file manager where there is one (the Electron window). */
  showInFolder: ((file: string) => void) | null;
  /** Offline VIN decoding (NHTSA vPIC); null when switched off. */
  vpic: VpicDecoder | null;
  /** Staff accounts and the sessions signed in to this process. */
  accounts: AccountsService;
  audit: AuditLog;
  /** Tells every open window what changed. */
  changes: ChangeFeed;
};
