// Each operation of the contract mapped to the service that answers it. Inputs arrive parsed.
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api';
import { localIsoDate } from '../../shared/age';
import type { Db } from '../db/open';
import type { CampaignStore } from '../campaigns/store';
import { importBulletin } from '../campaigns/import';
import type { LookupService } from '../lookup/lookup';
import { readVinList } from '../imports/vinlist';
import { readVehicles, type Mapping } from '../imports/vehicles';
import type { ImportJobs } from '../imports/jobs';
import { setVehicleCampaignStatus } from '../vehicles/status';
import { holdReport } from '../reports/holds';
import { followUpList } from '../reports/followup';

export type Handlers = { [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

export type Deps = { db: Db; campaigns: CampaignStore; lookup: LookupService; jobs: ImportJobs; now: () => Date; version: string };

export function createHandlers(deps: Deps): Handlers {
  const { db, campaigns, lookup, jobs, now } = deps;
  return {
    lookup: (input) => lookup.lookup(input),
    listCampaigns: () => campaigns.list(),
    getCampaign: ({ code }) => campaigns.detail(code),
    importBulletin: async ({ content, fileName }) => {
      await jobs.whenIdle();
      const r = importBulletin(campaigns, content, fileName);
      return {
        code: r.bulletin.code,
        title: r.bulletin.title,
        revisionDate: r.bulletin.revisionDate,
        outcome: r.outcome,
        previousRevisionDate: r.previousRevisionDate,
      };
    },
    previewVinList: (input) => {
      const campaign = campaigns.idOf(input.campaign);
      const { preview, rows } = readVinList(input.content, input.fileName);
      const listDate = input.listDate ?? localIsoDate(now());
      const current = campaigns.listFor(campaign.id);
      const importId = jobs.stage({ kind: 'vin-list', campaignId: campaign.id, campaignCode: campaign.code, listDate, complete: input.complete, sourceName: input.fileName, rows });
      return {
        importId,
        campaign: { code: campaign.code, title: campaign.title },
        listDate,
        complete: input.complete,
        replaces: current ? { listDate: current.date, rows: current.rows } : null,
        ...preview,
      };
    },
    previewVehicles: (input) => {
      const { preview, rows } = readVehicles(input.content, input.fileName, input.mapping as Mapping);
      const importId = preview.blocking ? null : jobs.stage({ kind: 'vehicles', sourceName: input.fileName, inStock: input.inStock, rows });
      return { importId, inStock: input.inStock, ...preview };
    },
    commitImport: ({ importId }) => jobs.start(importId),
    importStatus: ({ jobId }) => jobs.status(jobId),
    cancelImport: ({ jobId }) => jobs.cancel(jobId),
    setVehicleCampaignStatus: async (input) => {
      await jobs.whenIdle();
      return setVehicleCampaignStatus(db, campaigns, now, input);
    },
    holdReport: () => holdReport(db, lookup, now),
    followUpList: (input) => followUpList(db, lookup, now, input),
    appInfo: () => {
      const s = campaigns.stats();
      return {
        version: deps.version,
        databasePath: db.path,
        campaignCount: s.count,
        newestRevisionDate: s.newestRevisionDate,
        today: localIsoDate(now()),
      };
    },
  };
}
