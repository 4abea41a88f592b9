import { useState } from 'react';
import type { LookupResult } from '../../shared/api';
import { builtInText, CONDITION_LABEL, DECODED_LABEL, decodedLine, regionText } from '../../shared/wording';
import type { Facts } from './useLookup';

const MODEL_SOURCE_NOTE: Record<NonNullable<LookupResult['modelSource']>, string> = {
  stated: '',
  'vehicle-record': ' (vehicle record)',
  decoded: ' (decoded)',
  'vin-range': ' (from VIN range)',
};

/** The VIN in its parts and what is known of the vehicle, with where each fact came from. */
export function VehicleHeader({ r, onAnswer }: { r: LookupResult; onAnswer: (facts: Partial<Facts>) => void }) {
  const [correcting, setCorrecting] = useState(false);
  const [model, setModel] = useState('');
  return (
    <div className="vehicle" data-testid="vehicle">
      <figure className="vin-display mono" aria-label={`VIN ${r.vin}`}>
        <span title={r.vin[2] === '9' ? 'WMI: manufacturer, with positions 12-14' : 'WMI: manufacturer'}>{r.vin.slice(0, 3)}</span>
        <span title="VDS: vehicle attributes">{r.vin.slice(3, 8)}</span>
        <span title="Check digit" className={r.checkDigitValid ? '' : 'bad'}>
          {r.vin[8]}
        </span>
        <span title="Model year">{r.vin[9]}</span>
        <span title="Plant">{r.vin[10]}</span>
        {r.vin[2] === '9' ? (
          <>
            <span title="Manufacturer identifier, with positions 1-3 (a manufacturer of fewer than 1,000 vehicles a year)">{r.vin.slice(11, 14)}</span>
            <span title="Sequence">{r.vin.slice(14)}</span>
          </>
        ) : (
          <span title="Sequence">{r.vin.slice(11)}</span>
        )}
      </figure>
      <p className="decoded" data-testid="decoded">
        {r.decoded ? (
          <>
            <strong>{decodedLine(r.modelYear, r.decoded)}</strong>
            <span className="muted">
              {' '}
              · {DECODED_LABEL}
              {r.decoded.trim ? ` · trim ${r.decoded.trim}` : ''}
              {r.decoded.bodyClass ? ` · ${r.decoded.bodyClass}` : ''}
            </span>
          </>
        ) : (
          <span className="muted">{r.decodePending ? 'Decoding the VIN (NHTSA vPIC)…' : 'Not decoded: NHTSA vPIC has no data for this VIN.'}</span>
        )}
      </p>
      {r.modelConflict && (
        <p className="banner warning" data-testid="model-conflict">
          {r.modelConflict.text}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Model year</dt>
          <dd>{r.modelYear}</dd>
        </div>
        <div>
          <dt>Built in</dt>
          <dd data-testid="built-in">
            {r.decoded?.plantCountry ? builtInText(r.decoded.plantCountry, r.decoded.plantCountrySource, r.decoded.plantCountryKey) : regionText(r.region)}
          </dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd data-testid="model">
            {r.model ? `${r.model}${r.modelSource ? MODEL_SOURCE_NOTE[r.modelSource] : ''}` : 'not given'}
            {r.modelConflict ? ` · vPIC: ${r.modelConflict.decoded}` : ''}
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
        <div className="facts-action">
          {(r.modelSource === 'stated' || r.productionMonth) && (
            <button type="button" onClick={() => onAnswer({ model: null, productionMonth: null })}>
              Change model or month
            </button>
          )}
          {r.model && r.modelSource !== 'stated' && !correcting && (
            <button type="button" onClick={() => setCorrecting(true)}>
              Correct the model
            </button>
          )}
        </div>
      </dl>
      {correcting && (
        <form
          className="inline correct-model"
          onSubmit={(e) => {
            e.preventDefault();
            if (!model.trim()) return;
            setCorrecting(false);
            onAnswer({ model: model.trim() });
          }}
        >
          <label htmlFor="correct-model">The model on the vehicle</label>
          <input id="correct-model" value={model} onChange={(e) => setModel(e.target.value)} placeholder="e.g. RX 400h" />
          <button type="submit" disabled={!model.trim()}>
            Use this model
          </button>
          <button type="button" className="link" onClick={() => setCorrecting(false)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
