import type { LookupResult } from '../../shared/api';
import { CONDITION_LABEL } from '../../shared/wording';

/** The VIN in its parts and what is known of the vehicle, with where each fact came from. */
export function VehicleHeader({ r, onClearFacts }: { r: LookupResult; onClearFacts: () => void }) {
  return (
    <div className="vehicle" data-testid="vehicle">
      <figure className="vin-display mono" aria-label={`VIN ${r.vin}`}>
        <span title="WMI: manufacturer">{r.vin.slice(0, 3)}</span>
        <span title="VDS: vehicle attributes">{r.vin.slice(3, 8)}</span>
        <span title="Check digit" className={r.checkDigitValid ? '' : 'bad'}>
          {r.vin[8]}
        </span>
        <span title="Model year">{r.vin[9]}</span>
        <span title="Plant">{r.vin[10]}</span>
        <span title="Sequence">{r.vin.slice(11)}</span>
      </figure>
      <dl className="facts">
        <div>
          <dt>Model year</dt>
          <dd>{r.modelYear}</dd>
        </div>
        <div>
          <dt>Built in</dt>
          <dd>{r.region ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>
            {r.model
              ? `${r.model}${r.modelSource === 'vin-range' ? ' (from VIN range)' : r.modelSource === 'vehicle-record' ? ' (vehicle record)' : ''}`
              : 'not given'}
          </dd>
        </div>
        <div>
          <dt>Produced</dt>
          <dd>{r.productionMonth ? `${r.productionMonth}${r.productionMonthSource === 'vehicle-record' ? ' (vehicle record)' : ''}` : 'not given'}</dd>
        </div>
        {r.vehicle && (
          <div>
            <dt>On file</dt>
            <dd data-testid="on-file">
              {r.vehicle.inStock ? `In stock${r.vehicle.stockNumber ? ` #${r.vehicle.stockNumber}` : ''}` : 'Not in stock'}
              {r.vehicle.condition ? `, ${CONDITION_LABEL[r.vehicle.condition].toLowerCase()}` : ''}
              {r.vehicle.lastServiceDate ? ` · last service ${r.vehicle.lastServiceDate}` : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>Check digit</dt>
          <dd className={r.checkDigitValid ? 'good' : 'bad'}>{r.checkDigitValid ? 'valid' : `expected ${r.expectedCheckDigit}`}</dd>
        </div>
        {(r.modelSource === 'stated' || r.productionMonth) && (
          <div className="facts-action">
            <button type="button" onClick={onClearFacts}>
              Change model or month
            </button>
          </div>
        )}
      </dl>
    </div>
  );
}
