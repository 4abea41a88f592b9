import type { HandlersOf } from '../../shared/contract';
import type { reportOperations } from '../../shared/reports/contract';
import type { Services } from '../services';
import { DataGeneration, GenerationCache } from '../db/generation';
import { followUpList } from './followup';
import { holdReport } from './holds';

export const reportHandlers = ({ db, lookup, now, campaigns, vpic }: Services): HandlersOf<typeof reportOperations> => {
  // Every open of the screens asked for a lookup per vehicle again: kept until the data changes (or vPIC
  // opens: its WMI makes confirm a campaign's make).
  const kept = new GenerationCache(new DataGeneration(db.sqlite, now, () => (vpic?.ready ? 'vpic' : '')), () => campaigns.syncWithOtherProcesses(true));
  return {
    holdReport: async () => {
      // The WMI's make (vPIC) finds NHTSA's recalls for stock of other makes: open it first (at once once open).
      await vpic?.start();
      return kept.get('holds', () => holdReport(db, lookup, now, campaigns));
    },
    followUpList: async (input) => {
      // Likewise: a serviced vehicle of another make gets its NHTSA line only once its make is known.
      await vpic?.start();
      return kept.get(`followup|${JSON.stringify(input)}`, () => followUpList(db, lookup, now, input));
    },
  };
};
