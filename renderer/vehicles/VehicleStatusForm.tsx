import { useState } from 'react';
import type { CampaignHit } from '../../shared/api';
import { VEHICLE_STATUS_LABEL } from '../../shared/wording';
import { useApiMutation } from '../queries';

type Status = keyof typeof VEHICLE_STATUS_LABEL;
const STATUSES = Object.keys(VEHICLE_STATUS_LABEL) as Status[];

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Records what was done for this vehicle and campaign (completed here with date and RO, elsewhere, not
 * applicable). The lookup, the hold report and the follow-up list update themselves afterwards.
 */
export function VehicleStatusForm({ campaign, vin, recorded }: { campaign: string; vin: string; recorded: CampaignHit['vehicleStatus'] }) {
  const [status, setStatus] = useState<Status>(recorded?.status ?? 'completed-here');
  const [date, setDate] = useState(recorded?.completedOn ?? today());
  const [ro, setRo] = useState(recorded?.repairOrder ?? '');
  const save = useApiMutation('setVehicleCampaignStatus');
  const dated = status === 'completed-here' || status === 'completed-elsewhere';
  return (
    <details className="vehicle-status-form">
      <summary>Record for this vehicle</summary>
      <form
        className="vehicle-status"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ vin, campaign, status, completedOn: dated ? date || null : null, repairOrder: ro || null });
        }}
      >
        <select aria-label={`Status of ${campaign}`} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {VEHICLE_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        {dated && (
          <input aria-label="Completed on" className="mono date-input" value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" />
        )}
        {status === 'completed-here' && <input aria-label="Repair order" value={ro} onChange={(e) => setRo(e.target.value)} placeholder="RO number" />}
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        {save.error && (
          <span className="error-inline" role="alert">
            {save.error.message}
          </span>
        )}
      </form>
    </details>
  );
}
