import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type LookupResult } from '../../shared/api';
import { analyzeVin, normalizeVin } from '../../shared/vin';
import { api } from '../api';
import { CampaignCard } from '../components/CampaignCard';
import { VinFeedback } from '../components/VinFeedback';
import { Notice } from '../components/Notice';
import { CONDITION_LABEL } from '../labels';

type Recent = { vin: string; modelYear: number; hits: number; model: string | null; productionMonth: string | null; at: string };
type Facts = { model: string | null; productionMonth: string | null };

export function LookupScreen({ onOpenCampaign }: { onOpenCampaign: (code: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<{ message: string; details: string[]; vin: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<Recent[]>([]);

  const run = useCallback(async (raw: string, facts: Facts) => {
    setBusy(true);
    try {
      const r = await api.lookup({ vin: raw, model: facts.model, productionMonth: facts.productionMonth });
      setResult(r);
      setError(null);
      setText(r.vin);
      setRecent((prev) =>
        [
          { vin: r.vin, modelYear: r.modelYear, hits: r.campaigns.length, model: facts.model, productionMonth: facts.productionMonth, at: new Date().toLocaleTimeString() },
          ...prev.filter((p) => p.vin !== r.vin),
        ].slice(0, 12),
      );
    } catch (e) {
      setResult(null);
      const vin = normalizeVin(raw);
      setError(e instanceof ApiError ? { message: e.message, details: e.details, vin } : { message: (e as Error).message, details: [], vin });
    } finally {
      setBusy(false);
      // Ready for the next scan: the whole VIN is selected, so a scan replaces it.
      requestAnimationFrame(() => input.current?.select());
    }
  }, []);

  // A scanner types into whatever has focus: send stray keystrokes to the VIN field.
  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, select, textarea, button, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^[a-zA-Z0-9]$/.test(e.key)) {
        e.preventDefault();
        setText(e.key);
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const vin = normalizeVin(text);
    // A new VIN starts with no stated facts; the same VIN keeps what was already answered.
    const keep = result && result.vin === vin ? { model: result.modelSource === 'stated' ? result.model : null, productionMonth: result.productionMonth } : { model: null, productionMonth: null };
    void run(text, keep);
  };

  const answer = (facts: Partial<Facts>) => {
    if (!result) return;
    void run(result.vin, {
      model: facts.model !== undefined ? facts.model : result.modelSource === 'stated' ? result.model : null,
      productionMonth: facts.productionMonth !== undefined ? facts.productionMonth : result.productionMonth,
    });
  };

  // Live feedback while typing; once Enter has shown the same problems in the banner, not twice.
  const live = text.trim() && !(error && error.vin === normalizeVin(text)) ? analyzeVin(text) : null;

  return (
    <div className="lookup">
      <section className="lookup-main">
        <form className="vin-form" onSubmit={submit} autoComplete="off">
          <label htmlFor="vin">Scan or type a VIN</label>
          <div className="vin-row">
            <input
              id="vin"
              ref={input}
              className="vin-input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setText('');
                  setResult(null);
                  setError(null);
                }
              }}
              spellCheck={false}
              autoCapitalize="characters"
              aria-describedby="vin-feedback"
              placeholder="e.g. JTHBE96S170007930"
            />
            <button type="submit" className="primary" disabled={busy}>
              Look up <kbd>Enter</kbd>
            </button>
          </div>
          <div id="vin-feedback">{live && <VinFeedback analysis={live} />}</div>
        </form>

        {error && <Notice kind="error" message={error.message} details={error.details} testId="lookup-error" />}

        {result && (
          <div className="result" data-testid="lookup-result">
            <VehicleHeader r={result} onClearFacts={() => void run(result.vin, { model: null, productionMonth: null })} />
            {result.warnings.map((w) => (
              <div key={w} className="banner warning" role="alert" data-testid="vin-warning">
                <strong>Check the VIN.</strong> {w}
              </div>
            ))}
            {result.campaigns.length === 0 ? (
              <div className="banner ok" data-testid="no-campaigns">
                <strong>No campaign in the library applies to this VIN.</strong> Checked against {result.campaignsChecked} campaigns (newest
                bulletin {result.newestRevisionDate ?? 'none'}). The library only knows the bulletins loaded here: TIS/SLP is the source of
                truth.
              </div>
            ) : (
              <>
                <h2 className="count">
                  {result.campaigns.length} campaign{result.campaigns.length === 1 ? '' : 's'} may apply
                </h2>
                {result.campaigns.map((c) => (
                  <CampaignCard key={c.code} hit={c} result={result} onAnswer={answer} onOpen={() => onOpenCampaign(c.code)} onChanged={() => answer({})} />
                ))}
              </>
            )}
          </div>
        )}
        {!result && !error && (
          <p className="hint">
            The cursor is in the VIN field: scan the barcode (door jamb or windshield) or type the 17 characters and press Enter. A scanner's
            leading "I" is removed. <kbd>Esc</kbd> clears.
          </p>
        )}
      </section>

      <aside className="recent" aria-label="Recent lookups">
        <h2>Recent lookups</h2>
        {recent.length === 0 ? (
          <p className="muted">None yet this session.</p>
        ) : (
          <ul>
            {recent.map((r) => (
              <li key={r.vin}>
                <button className="recent-item" onClick={() => void run(r.vin, { model: r.model, productionMonth: r.productionMonth })}>
                  <span className="mono">{r.vin}</span>
                  <span className="muted">
                    {r.modelYear} · {r.hits} campaign{r.hits === 1 ? '' : 's'} · {r.at}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}

function VehicleHeader({ r, onClearFacts }: { r: LookupResult; onClearFacts: () => void }) {
  return (
    <div className="vehicle" data-testid="vehicle">
      <div className="vin-display mono" aria-label={`VIN ${r.vin}`}>
        <span title="WMI: manufacturer">{r.vin.slice(0, 3)}</span>
        <span title="VDS: vehicle attributes">{r.vin.slice(3, 8)}</span>
        <span title="Check digit" className={r.checkDigitValid ? '' : 'bad'}>
          {r.vin[8]}
        </span>
        <span title="Model year">{r.vin[9]}</span>
        <span title="Plant">{r.vin[10]}</span>
        <span title="Sequence">{r.vin.slice(11)}</span>
      </div>
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
          <dd>{r.model ? `${r.model}${r.modelSource === 'vin-range' ? ' (from VIN range)' : r.modelSource === 'vehicle-record' ? ' (vehicle record)' : ''}` : 'not given'}</dd>
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
            <button onClick={onClearFacts}>Change model or month</button>
          </div>
        )}
      </dl>
    </div>
  );
}
