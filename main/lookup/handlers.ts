import type { ParsedInputOf } from '../../shared/api';
import type { HandlersOf } from '../../shared/contract';
import type { LookupResult, lookupOperations } from '../../shared/lookup/contract';
import { normalizeVin, quickVin } from '../../shared/vin';
import { decoderUnavailableText } from '../../shared/wording';
import type { Services } from '../services';

/** The answer, with a warning when the VIN could not be decoded because vPIC could not be opened. */
function withDecoderState(answer: LookupResult, vpic: Services['vpic']): LookupResult {
  const reason = answer.decoded ? null : (vpic?.failure ?? null);
  return reason ? { ...answer, warnings: [...answer.warnings, decoderUnavailableText(reason)] } : answer;
}

export const lookupHandlers = ({ lookup, vpic }: Services): HandlersOf<typeof lookupOperations> => ({
  lookup: async (input) => withDecoderState(await answer(lookup, vpic, input), vpic),
});

async function answer(lookup: Services['lookup'], vpic: Services['vpic'], { decode, ...input }: ParsedInputOf<'lookup'>): Promise<LookupResult> {
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
}
