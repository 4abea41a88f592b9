import type { HandlersOf } from '../../shared/contract';
import type { vehicleOperations } from '../../shared/vehicles/contract';
import type { Services } from '../services';
import { setVehicleCampaignStatus } from './status';

export const vehicleHandlers = ({ db, campaigns, lookup, jobs, now }: Services): HandlersOf<typeof vehicleOperations> => ({
  setVehicleCampaignStatus: async (input) => {
    await jobs.whenIdle();
    return setVehicleCampaignStatus(db, campaigns, lookup, now, input);
  },
});
