import type { campaignOperations } from '../../shared/campaigns/contract';
import type { HandlersOf } from '../../shared/contract';
import type { Services } from '../services';
import { importBulletin } from './import';

export const campaignHandlers = ({ campaigns, now }: Services): HandlersOf<typeof campaignOperations> => ({
  listCampaigns: () => campaigns.list(),
  getCampaign: ({ code }) => campaigns.detail(code),
  importBulletin: ({ content, fileName }) => {
    const r = importBulletin(campaigns, content, fileName, now().toISOString().slice(0, 10));
    return {
      code: r.bulletin.code,
      title: r.bulletin.title,
      revisionDate: r.bulletin.revisionDate,
      outcome: r.outcome,
      previousRevisionDate: r.previousRevisionDate,
    };
  },
});
