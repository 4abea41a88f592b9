import type { HandlersOf } from '../../shared/contract';
import type { partsOperations } from '../../shared/parts/contract';
import type { Services } from '../services';
import { listParts, recordMovement, reverseMovement, setPart, setStockingLevel, stockHistory } from './service';
import { setCporReference } from './cpor';
import { acceptSuggestions, suggestOrders } from './suggest';

export const partsHandlers = (s: Services): HandlersOf<typeof partsOperations> => ({
  listParts: () => listParts(s),
  setPart: async (input) => {
    await s.jobs.whenIdle();
    return setPart(s, input);
  },
  recordMovement: async (input) => {
    await s.jobs.whenIdle();
    return recordMovement(s, input);
  },
  reverseMovement: async (input) => {
    await s.jobs.whenIdle();
    return reverseMovement(s, input);
  },
  setStockingLevel: async (input) => {
    await s.jobs.whenIdle();
    return setStockingLevel(s, input);
  },
  setCporReference: async (input) => {
    await s.jobs.whenIdle();
    return setCporReference(s, input);
  },
  stockHistory: (input) => stockHistory(s, input),
  suggestOrders: (input) => suggestOrders(s, input),
  acceptSuggestions: async (input) => {
    await s.jobs.whenIdle();
    return acceptSuggestions(s, input);
  },
});
