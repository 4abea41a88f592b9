import type { HandlersOf } from '../../shared/contract';
import type { partsOperations } from '../../shared/parts/contract';
import type { Services } from '../services';
import { listParts, partLedger, recordMovement, reverseMovement, setPart, setStockingLevel } from './service';
import { partHistory } from './history';
import { cporRequests, setCporReference, vehicleCpor } from './cpor';
import { acceptSuggestions, suggestOrders } from './suggest';

export const partsHandlers = (s: Services): HandlersOf<typeof partsOperations> => ({
  listParts: () => listParts(s),
  setPart: (input) => setPart(s, input),
  recordMovement: (input) => recordMovement(s, input),
  reverseMovement: (input) => reverseMovement(s, input),
  setStockingLevel: (input) => setStockingLevel(s, input),
  setCporReference: (input) => setCporReference(s, input),
  vehicleCpor: (input) => vehicleCpor(s, input),
  cporRequests: (input) => cporRequests(s, input),
  stockHistory: (input) => partHistory(s, input),
  partLedger: (input) => partLedger(s, input),
  suggestOrders: (input) => suggestOrders(s, input),
  acceptSuggestions: (input) => acceptSuggestions(s, input),
});
