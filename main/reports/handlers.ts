import type { HandlersOf } from '../../shared/contract';
import type { reportOperations } from '../../shared/reports/contract';
import type { Services } from '../services';
import { followUpList } from './followup';
import { holdReport } from './holds';

export const reportHandlers = ({ db, lookup, now, campaigns }: Services): HandlersOf<typeof reportOperations> => ({
  holdReport: () => holdReport(db, lookup, now, campaigns),
  followUpList: (input) => followUpList(db, lookup, now, input),
});
