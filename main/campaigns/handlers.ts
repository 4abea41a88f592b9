import type { campaignOperations } from '../../shared/campaigns/contract';
import type { HandlersOf } from '../../shared/contract';
import { measureWith } from '../changes/impact';
import type { Services } from '../services';
import { importBulletin } from './import';

export const campaignHandlers = ({ campaigns, now, db, vpic }: Services): HandlersOf<typeof campaignOperations> => ({
  listCampaigns: () => campaigns.list(),
  getCampaign: ({ code }) => campaigns.detail(code),
  importBulletin: ({ content, fileName, dryRun }, caller) => {
    const measure = measureWith(now, (wmi) => vpic?.makesOf(wmi) ?? null);
    const r = importBulletin({ db, campaigns, measure, at: now().toISOString(), by: caller.actor?.name ?? null }, content, fileName, {
      today: now().toISOString().slice(0, 10),
      dryRun,
    });
    return {
      code: r.bulletin.code,
      title: r.bulletin.title,
      revisionDate: r.bulletin.revisionDate,
      outcome: r.outcome,
      previousRevisionDate: r.previousRevisionDate,
      dryRun: r.dryRun,
      impact: r.impact,
    };
  },
});
