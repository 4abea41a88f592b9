import type { claimOperations } from '../../shared/claims/contract';
import type { HandlersOf } from '../../shared/contract';
import type { Services } from '../services';
import { correctClaim, listClaims } from './service';

export const claimHandlers = (s: Services): HandlersOf<typeof claimOperations> => ({
  listClaims: (input) => listClaims(s, input),
  correctClaim: (input) => correctClaim(s, input),
});
