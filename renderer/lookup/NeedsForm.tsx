import { useState } from 'react';
import type { CampaignHit, LookupResult } from '../../shared/api';
import { parseProductionMonth, PRODUCTION_MONTH_HELP } from '../../shared/month';
import type { Facts } from './useLookup';

type Props = { hit: CampaignHit; result: LookupResult; onAnswer: (facts: Partial<Facts>) => void };

/** Asks, inline, for exactly the facts this campaign's rules need and the VIN cannot give. */
export function NeedsForm({ hit, result, onAnswer }: Props) {
  const needsModel = hit.needs.includes('model');
  const needsMonth = hit.needs.includes('productionMonth');
  return (
    <div className="needs" data-testid={`needs-${hit.code}`}>
      <p className="needs-title">This campaign depends on facts the VIN does not carry:</p>
      {needsModel && <ModelQuestion hit={hit} onAnswer={onAnswer} />}
      {needsMonth && <MonthQuestion hit={hit} initial={result.productionMonth ?? ''} showWindows={!needsModel} onAnswer={onAnswer} />}
    </div>
  );
}

function ModelQuestion({ hit, onAnswer }: Pick<Props, 'hit' | 'onAnswer'>) {
  const [other, setOther] = useState(false);
  const [otherModel, setOtherModel] = useState('');
  return (
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
  );
}

function MonthQuestion({ hit, initial, showWindows, onAnswer }: Pick<Props, 'hit' | 'onAnswer'> & { initial: string; showWindows: boolean }) {
  const [month, setMonth] = useState(initial);
  const [monthError, setMonthError] = useState<string | null>(null);
  return (
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
      {hit.productionWindows.length > 0 && showWindows && (
        <span className="muted"> Window: {hit.productionWindows.map((w) => `${w.model} ${w.from ?? '?'} to ${w.to ?? w.note ?? 'open'}`).join('; ')}</span>
      )}
    </form>
  );
}
