import type { HandlersOf } from '../../shared/contract';
import type { lookupOperations } from '../../shared/lookup/contract';
import { normalizeVin, quickVin } from '../../shared/vin';
import type { Services } from '../services';

export const lookupHandlers = ({ lookup, vpic }: Services): HandlersOf<typeof lookupOperations> => ({
  lookup: async ({ decode, ...input }) => {
    // The decode is a help to the rules, never a wait at the counter: 'if-ready' answers with what is
    // decoded already and lets the caller ask again for the rest.
    const vin = quickVin(normalizeVin(input.vin))?.vin;
    if (!vpic || !vin) return lookup.lookup({ ...input, decoded: null });
    const known = vpic.cached(vin);
    if (known !== undefined) return lookup.lookup({ ...input, decoded: known });
    if (decode === 'if-ready') {
      // Decoded after this answer is on its way: the decode's queries share this thread.
      setImmediate(() => void vpic.decode(vin).catch(() => null));
      return lookup.lookup({ ...input, decoded: null, decodePending: !vpic.failure });
    }
    return lookup.lookup({ ...input, decoded: await vpic.decode(vin).catch(() => null) });
  },
});
