import type { HandlersOf } from '../../shared/contract';
import type { lookupOperations } from '../../shared/lookup/contract';
import type { Services } from '../services';

export const lookupHandlers = ({ lookup }: Services): HandlersOf<typeof lookupOperations> => ({
  lookup: (input) => lookup.lookup(input),
});
