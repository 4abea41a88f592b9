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
    followUpList: (input) => reports.followUpList(input),
    holdReportPart: async ({ from, count }) => {
      await s.vpic?.start();
      return reports.holdPart(from, count);
    },
    followUpPart: (input) => reports.followUpPart(input),
  };
};
