import type { HandlersOf } from '../../shared/contract';
import type { reportOperations } from '../../shared/reports/contract';
import type { Services } from '../services';
import { followUpList } from './followup';
import { holdReport } from './holds';

export const reportHandlers = ({ db, lookup, now, vpic }: Services): HandlersOf<typeof reportOperations> => ({
  holdReport: async () => {
    // The WMI's make (vPIC) finds NHTSA's recalls for stock of other makes: open it first (at once once open).
    await vpic?.start();
    return holdReport(db, lookup, now);
  },
  followUpList: (input) => followUpList(db, lookup, now, input),
});
