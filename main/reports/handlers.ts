import type { HandlersOf } from '../../shared/contract';
import type { reportOperations } from '../../shared/reports/contract';
import type { Services } from '../services';
import { reportsOf } from './service';

export const reportHandlers = (s: Services): HandlersOf<typeof reportOperations> => {
  const reports = reportsOf(s);
  // A campaign neither the library nor NHTSA's file holds is refused as `form followup` refuses it
  // (naming the library's codes), not answered with an empty list that reads as "nothing to call about".
  const nhtsaCampaign = s.db.sqlite.prepare<[string], number>('SELECT 1 FROM nhtsa_campaigns WHERE campaign = ?').pluck();
  const knownCampaign = (code: string | null | undefined) => {
    const wanted = code?.trim().toUpperCase();
    if (wanted && nhtsaCampaign.get(wanted) === undefined) s.campaigns.idOf(wanted);
  };
  return {
    holdReport: async () => {
      // The WMI's make (vPIC) finds NHTSA's recalls for stock of other makes: open it first (at once once open).
      await s.vpic?.start();
      return reports.holdReport();
    },
    followUpList: async (input) => {
      knownCampaign(input.campaign);
      // Likewise: a serviced vehicle of another make gets its NHTSA line only once its make is known.
      await s.vpic?.start();
      return reports.followUpList(input);
    },
    holdReportPart: async (input) => {
      await s.vpic?.start();
      // Being made ahead (a step at a time): wait for it rather than make it twice.
      await reports.ready('holds');
      return reports.holdPart(input);
    },
    followUpPart: async (input) => {
      knownCampaign(input.campaign);
      await s.vpic?.start();
      if (input.view) await reports.ready('followup');
      return reports.followUpPart(input);
    },
  };
};
