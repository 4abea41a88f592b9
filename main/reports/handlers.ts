import type { HandlersOf } from '../../shared/contract';
import type { reportOperations } from '../../shared/reports/contract';
import type { Services } from '../services';
import { reportsOf } from './service';

export const reportHandlers = (s: Services): HandlersOf<typeof reportOperations> => {
  const reports = reportsOf(s);
  return {
    holdReport: async () => {
      // The WMI's make (vPIC) finds NHTSA's recalls for stock of other makes: open it first (at once once open).
      await s.vpic?.start();
      return reports.holdReport();
    },
    followUpList: async (input) => {
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
      await s.vpic?.start();
      if (input.view) await reports.ready('followup');
      return reports.followUpPart(input);
    },
  };
};
