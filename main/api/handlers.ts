// Each operation of the contract mapped to the service that answers it. Inputs arrive parsed.
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api';
import { localIsoDate } from '../../shared/age';
import type { Db } from '../db/open';
import type { CampaignStore } from '../campaigns/store';
import { importBulletin } from '../campaigns/import';
import type { LookupService } from '../lookup/lookup';

export type Handlers = { [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

export function createHandlers(deps: { db: Db; campaigns: CampaignStore; lookup: LookupService; now: () => Date; version: string }): Handlers {
  const { db, campaigns, lookup } = deps;
  return {
    lookup: (input) => lookup.lookup(input),
    listCampaigns: () => campaigns.list(),
    getCampaign: ({ code }) => campaigns.detail(code),
    importBulletin: ({ content, fileName }) => {
      const r = importBulletin(campaigns, content, fileName);
      return {
        code: r.bulletin.code,
        title: r.bulletin.title,
        revisionDate: r.bulletin.revisionDate,
        outcome: r.outcome,
        previousRevisionDate: r.previousRevisionDate,
      };
    },
    appInfo: () => {
      const s = campaigns.stats();
      return {
        version: deps.version,
        databasePath: db.path,
        campaignCount: s.count,
        newestRevisionDate: s.newestRevisionDate,
        today: localIsoDate(deps.now()),
      };
    },
  };
}
