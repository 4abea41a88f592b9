import { useState } from 'react';
import type { CampaignHit, LookupResult } from '../../shared/api';
import { describeAge } from '../../shared/age';
import { KIND_LABEL } from '../labels';
import { api } from '../api';
import { parseProductionMonth, PRODUCTION_MONTH_HELP } from '../../shared/month';

type Props = {
  hit: CampaignHit;
  result: LookupResult;
  onAnswer: (facts: { model?: string | null; productionMonth?: string | null }) => void;
  onOpen: () => void;
  /** After a status was recorded: look the VIN up again. */
  onChanged: () => void;
};

const STATUS_LABEL = { open: 'Open', 'completed-here': 'Completed here', 'completed-elsewhere': 'Completed elsewhere', 'not-applicable': 'Not applicable' } as const;

export function CampaignCard({ hit, result, onAnswer, onOpen, onChanged }: Props) {
  const remedy =
    hit.remedy.available === true
      ? { cls: 'badge good', text: 'Remedy available' }
      : hit.remedy.available === false
        ? { cls: 'badge bad', text: 'Remedy not yet available' }
        : { cls: 'badge unknown', text: 'Remedy status unknown' };
  const old = hit.source.ageDays > 365;
  const done = hit.vehicleStatus && hit.vehicleStatus.status !== 'open' ? hit.vehicleStatus : null;
  const notListed = hit.affectedList && hit.affectedList.complete && !hit.affectedList.listed;
  const certainty =
    hit.certainty === 'confirmed'
      ? { cls: 'badge good', text: `Confirmed: on the list of ${hit.affectedList?.date ?? ''}` }
      : notListed
        ? { cls: 'badge unknown', text: `Not on the list of ${hit.affectedList!.date}` }
        : { cls: 'badge verify', text: 'Verify in TIS' };
  return (
    <article className={`card ${hit.certainty}${done ? ' done' : ''}${notListed ? ' not-listed' : ''}`} data-testid={`hit-${hit.code}`} aria-label={`${hit.code} ${hit.title}`}>
      <header className="card-head">
        <span className="code mono">{hit.code}</span>
        <h3>{hit.title}</h3>
        <span className="badge kind">{KIND_LABEL[hit.kind]}</span>
        <span className={certainty.cls} data-testid="certainty">
          {certainty.text}
        </span>
        {done ? (
          <span className="badge done" data-testid="vehicle-status">
            {STATUS_LABEL[done.status]}
            {done.completedOn ? ` ${done.completedOn}` : ''}
          </span>
        ) : (
          <span className={remedy.cls} data-testid="remedy">
            {remedy.text}
          </span>
        )}
      </header>

      {hit.needs.length > 0 && <NeedsForm hit={hit} result={result} onAnswer={onAnswer} />}

      <dl className="card-body">
        <dt>Why</dt>
        <dd>{hit.certaintyReason}</dd>
        <dt>Remedy</dt>
        <dd data-testid="remedy-explanation">{hit.remedy.explanation}</dd>
        <dt>Next</dt>
        <dd>
          <ul className="actions">
            {hit.actions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <StatusForm hit={hit} vin={result.vin} onChanged={onChanged} />
      <footer className="card-foot">
        <span className={old ? 'source old' : 'source'}>
          Source: {hit.source.bulletin}, revision {hit.source.revisionDate} ({describeAge(hit.source.ageDays)}
          {old ? ': check TIS for anything newer' : ''})
        </span>
        <button className="link" onClick={onOpen}>
          Open {hit.code} in the library
        </button>
      </footer>
    </article>
  );
}

/** Asks, inline, for exactly the facts this campaign's rules need and the VIN cannot give. */
function NeedsForm({ hit, result, onAnswer }: Pick<Props, 'hit' | 'result' | 'onAnswer'>) {
  const [other, setOther] = useState(false);
  const [otherModel, setOtherModel] = useState('');
  const [month, setMonth] = useState(result.productionMonth ?? '');
  const [monthError, setMonthError] = useState<string | null>(null);
  const needsModel = hit.needs.includes('model');
  const needsMonth = hit.needs.includes('productionMonth');
  return (
    <div className="needs" data-testid={`needs-${hit.code}`}>
      <p className="needs-title">This campaign depends on facts the VIN does not carry:</p>
      {needsModel && (
        <div className="need">
          <label htmlFor={`model-${hit.code}`}>Model</label>
          <select
            id={`model-${hit.code}`}
            value=""
            onChange={(e) => {
              if (e.target.value === '__other') setOther(true);
              else if (e.target.value) onAnswer({ model: e.target.value });
            }}
          >
            <option value="">Choose the model…</option>
            {hit.modelChoices.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
            <option value="__other">Another model…</option>
          </select>
          {other && (
            <form
              className="inline"
              onSubmit={(e) => {
                e.preventDefault();
                if (otherModel.trim()) onAnswer({ model: otherModel.trim() });
              }}
            >
              <input aria-label="Other model" value={otherModel} onChange={(e) => setOtherModel(e.target.value)} placeholder="e.g. GS 350" autoFocus />
              <button type="submit">Apply</button>
            </form>
          )}
        </div>
      )}
      {needsMonth && (
        <form
          className="need"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseProductionMonth(month);
            if (!parsed) return setMonthError(`"${month}" is not a month. ${PRODUCTION_MONTH_HELP}`);
            setMonthError(null);
            onAnswer({ productionMonth: parsed });
          }}
        >
          <label htmlFor={`month-${hit.code}`}>Production month</label>
          <input
            id={`month-${hit.code}`}
            className="month-input mono"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            placeholder="MM/YY"
            inputMode="numeric"
            aria-invalid={monthError ? true : undefined}
            aria-describedby={`month-help-${hit.code}`}
          />
          <button type="submit" disabled={!month.trim()}>
            Apply
          </button>
          <span className="muted" id={`month-help-${hit.code}`}>
            From the label on the driver's door jamb, e.g. 12/22.
          </span>
          {monthError && (
            <span className="error-inline" role="alert">
              {monthError}
            </span>
          )}
          {hit.productionWindows.length > 0 && !needsModel && (
            <span className="muted">
              {' '}
              Window: {hit.productionWindows.map((w) => `${w.model} ${w.from ?? '?'} to ${w.to ?? w.note ?? 'open'}`).join('; ')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}

/** Records what was done for this vehicle and campaign (completed here with date and RO, ...). */
function StatusForm({ hit, vin, onChanged }: { hit: CampaignHit; vin: string; onChanged: () => void }) {
  const [status, setStatus] = useState<keyof typeof STATUS_LABEL>(hit.vehicleStatus?.status ?? 'completed-here');
  const [date, setDate] = useState(hit.vehicleStatus?.completedOn ?? new Date().toISOString().slice(0, 10));
  const [ro, setRo] = useState(hit.vehicleStatus?.repairOrder ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="vehicle-status-form">
      <summary>Record for this vehicle</summary>
      <form
        className="vehicle-status"
        onSubmit={(e) => {
          e.preventDefault();
          api
            .setVehicleCampaignStatus({ vin, campaign: hit.code, status, completedOn: status === 'open' || status === 'not-applicable' ? null : date || null, repairOrder: ro || null })
            .then(() => (setError(null), onChanged()), (err: Error) => setError(err.message));
        }}
      >
        <select aria-label={`Status of ${hit.code}`} value={status} onChange={(e) => setStatus(e.target.value as keyof typeof STATUS_LABEL)}>
          {Object.entries(STATUS_LABEL).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
        {(status === 'completed-here' || status === 'completed-elsewhere') && (
          <input aria-label="Completed on" className="mono date-input" value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" />
        )}
        {status === 'completed-here' && <input aria-label="Repair order" value={ro} onChange={(e) => setRo(e.target.value)} placeholder="RO number" />}
        <button type="submit">Save</button>
        {error && <span className="error-inline" role="alert">{error}</span>}
      </form>
    </details>
  );
}
