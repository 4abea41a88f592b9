import type { HandlersOf } from '../../shared/contract';
import type { vehicleOperations } from '../../shared/vehicles/contract';
import type { Services } from '../services';
import { setVehicleCampaignStatus } from './status';

export const vehicleHandlers = ({ db, campaigns, lookup, now }: Services): HandlersOf<typeof vehicleOperations> => ({
  setVehicleCampaignStatus: (input) => setVehicleCampaignStatus(db, campaigns, lookup, now, input),
});
