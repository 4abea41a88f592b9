import { useState } from 'react';
import { localIsoDate } from '../../shared/dates';
import type { CampaignHit } from '../../shared/api';
import { DATE_HELP, formatUsDate, parseCounterDate } from '../../shared/vehicles/dates';
import { VEHICLE_STATUS_LABEL } from '../../shared/wording';
import { useApiMutation } from '../queries';

type Status = keyof typeof VEHICLE_STATUS_LABEL;
const STATUSES = Object.keys(VEHICLE_STATUS_LABEL) as Status[];

type Props = {
  campaign: string;
  vin: string;
  recorded: CampaignHit['vehicleStatus'];
  /** Why "completed here" cannot be true yet (the remedy or its parts are not available); null when it can. */
  notAvailable: string | null;
};

/**
 * Records what was done for this vehicle and campaign (completed here with date and RO, elsewhere, not
 * applicable). Dates are typed as on the DMS (03/14/2024, 3/14/24 or 2024-03-14). The service checks
 * everything again; the lookup, the hold report and the follow-up list update themselves afterwards.
 */
export function VehicleStatusForm({ campaign, vin, recorded, notAvailable }: Props) {
  const [status, setStatus] = useState<Status>(recorded?.status ?? (notAvailable ? 'completed-elsewhere' : 'completed-here'));
  const [date, setDate] = useState(formatUsDate(recorded?.completedOn ?? localIsoDate(new Date())));
  const [ro, setRo] = useState(recorded?.repairOrder ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useApiMutation('setVehicleCampaignStatus', { onSuccess: () => setProblem(null) });
  const dated = status === 'completed-here' || status === 'completed-elsewhere';
  const blocked = status === 'completed-here' && notAvailable;
  const shown = problem ?? save.error?.message ?? null;
  return (
    <details className="vehicle-status-form">
      <summary>Record for this vehicle</summary>
      <form
        className="vehicle-status"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (blocked) return setProblem(notAvailable);
          if (dated && (date.trim() || status === 'completed-here')) {
            const parsed = parseCounterDate(date, localIsoDate(new Date()));
            if (!parsed.ok) return setProblem(parsed.message);
          }
          if (status === 'completed-here' && !ro.trim()) return setProblem('Completed here needs the repair order (RO) number of the repair.');
          setProblem(null);
          save.mutate({ vin, campaign, status, completedOn: dated ? date.trim() || null : null, repairOrder: status === 'completed-here' ? ro.trim() : null });
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
          <input
            aria-label="Completed on"
            className="mono date-input"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            placeholder="MM/DD/YYYY"
            title={DATE_HELP}
            aria-invalid={problem ? true : undefined}
          />
        )}
        {status === 'completed-here' && <input aria-label="Repair order" value={ro} onChange={(e) => setRo(e.target.value)} placeholder="RO number" />}
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        {blocked && !shown && (
          <span className="muted" data-testid="not-available">
            {notAvailable}
          </span>
        )}
        {shown && (
          <span className="error-inline" role="alert">
            {shown}
          </span>
        )}
      </form>
    </details>
  );
}
