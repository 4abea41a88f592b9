import { useState } from 'react';
import type { CampaignHit, LookupResult } from '../../shared/api';
import { describeAge } from '../../shared/age';
import { KIND_LABEL } from '../labels';
import { parseProductionMonth, PRODUCTION_MONTH_HELP } from '../../shared/month';

type Props = {
  hit: CampaignHit;
  result: LookupResult;
  onAnswer: (facts: { model?: string | null; productionMonth?: string | null }) => void;
  onOpen: () => void;
};

export function CampaignCard({ hit, result, onAnswer, onOpen }: Props) {
  const remedy =
    hit.remedy.available === true
      ? { cls: 'badge good', text: 'Remedy available' }
      : hit.remedy.available === false
        ? { cls: 'badge bad', text: 'Remedy not yet available' }
        : { cls: 'badge unknown', text: 'Remedy status unknown' };
  const old = hit.source.ageDays > 365;
  return (
    <article className={`card ${hit.certainty}`} data-testid={`hit-${hit.code}`} aria-label={`${hit.code} ${hit.title}`}>
      <header className="card-head">
        <span className="code mono">{hit.code}</span>
        <h3>{hit.title}</h3>
        <span className="badge kind">{KIND_LABEL[hit.kind]}</span>
        <span className={hit.certainty === 'confirmed' ? 'badge good' : 'badge verify'} data-testid="certainty">
          {hit.certainty === 'confirmed' ? 'Confirmed' : 'Verify in TIS'}
        </span>
        <span className={remedy.cls} data-testid="remedy">
          {remedy.text}
        </span>
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
