// The handler registry: each domain's handlers, merged. A domain adds its operations here once;
// adding an operation to a domain touches only that domain.
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api';
import type { Caller } from '../../shared/contract';
import { accountHandlers } from '../accounts/handlers';
import { campaignHandlers } from '../campaigns/handlers';
import { formHandlers } from '../forms/handlers';
import { importHandlers } from '../imports/handlers';
import { lookupHandlers } from '../lookup/handlers';
import { reportHandlers } from '../reports/handlers';
import type { Services } from '../services';
import { settingsHandlers } from '../settings/handlers';
import { vehicleHandlers } from '../vehicles/handlers';
import { partsHandlers } from '../parts/handlers';
import { appointmentHandlers } from '../appointments/handlers';
import { claimHandlers } from '../claims/handlers';
import { changeHandlers } from '../changes/handlers';
import { lanHandlers } from '../lan/handlers';
import { nhtsaHandlers } from '../nhtsa/handlers';

export type Handlers = { [K in OperationName]: (input: ParsedInputOf<K>, caller: Caller) => OutputOf<K> | Promise<OutputOf<K>> };

/** A domain left out, or an operation without a handler, is a compile error here. */
export function createHandlers(s: Services): Handlers {
  return {
    ...accountHandlers(s),
    ...lookupHandlers(s),
    ...campaignHandlers(s),
    ...importHandlers(s),
    ...vehicleHandlers(s),
    ...reportHandlers(s),
    ...settingsHandlers(s),
    ...partsHandlers(s),
    ...appointmentHandlers(s),
    ...claimHandlers(s),
    ...formHandlers(s),
    ...changeHandlers(s),
    ...lanHandlers(),
    ...nhtsaHandlers(s),
  };
}
