import { useCallback, useEffect, useState } from 'react';
import type { HoldReport } from '../../shared/api';
import { holdsCsv } from '../../shared/csv-out';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { downloadText } from '../download';
import { CONDITION_LABEL } from '../labels';

const HOLD = {
  'do-not-deliver-until-remedied': { label: 'Do not deliver until remedied', cls: 'hold-stop' },
  'deliver-with-disclosure-if-unavailable': { label: 'Deliver only with the disclosure form if the remedy is not available', cls: 'hold-caution' },
  'perform-before-delivery': { label: 'Perform before delivery', cls: 'hold-caution' },
} as const;

export function HoldsScreen() {
  const [report, setReport] = useState<HoldReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.holdReport({}).then(setReport, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  if (error) return <Notice kind="error" message={error} />;
  if (!report) return <p className="muted">Checking the stock…</p>;
  return (
    <div className="report" data-testid="holds">
      <header className="report-head">
        <h2>Stock vehicles that may not be delivered</h2>
        <div className="button-row no-print">
          <button onClick={load}>Refresh</button>
          <button onClick={() => downloadText(`stock-holds-${report.generatedAt.slice(0, 10)}.csv`, holdsCsv(report))}>Export CSV</button>
          <button onClick={() => window.print()}>Print</button>
        </div>
      </header>
      <p className="lead" data-testid="holds-summary">
        <strong>{report.vehiclesHeld}</strong> of {report.vehiclesInStock} vehicles in stock have holds · checked {new Date(report.generatedAt).toLocaleString()}
      </p>
      {report.vehiclesInStock === 0 && <p className="hint">No vehicle is marked in stock. Import the DMS stock list under Imports (F4).</p>}
      {report.perCampaign.length > 0 && (
        <table className="per-campaign">
          <thead><tr><th>Campaign</th><th>Do not deliver</th><th>With disclosure form</th><th>Perform before delivery</th></tr></thead>
          <tbody>
            {report.perCampaign.map((c) => (
              <tr key={c.code}><td><span className="code mono">{c.code}</span> {c.title}</td><td>{c.doNotDeliver}</td><td>{c.withDisclosure}</td><td>{c.performBefore}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {report.holds.length > 0 && (
        <table className="holds-table" aria-label="Holds">
          <thead><tr><th>Stock #</th><th>Vehicle</th><th>Campaign</th><th>Hold</th><th>Why</th></tr></thead>
          <tbody>
            {report.holds.map((h, i) => (
              <tr key={i} className={HOLD[h.hold].cls}>
                <td className="mono">{h.stockNumber ?? '—'}</td>
                <td>
                  <span className="mono">{h.vin}</span>
                  <div className="muted">{h.modelYear} {h.model ?? ''} · {h.condition ? CONDITION_LABEL[h.condition] : 'condition unknown'}</div>
                </td>
                <td><span className="code mono">{h.code}</span><div className="muted">{h.certainty === 'confirmed' ? 'confirmed' : 'verify in TIS'}</div></td>
                <td><strong>{HOLD[h.hold].label}</strong>{h.needs.length > 0 && <div className="muted">Needs the {h.needs.map((n) => (n === 'model' ? 'model' : 'production month')).join(' and ')}</div>}</td>
                <td>{h.reason}<div className="muted">{h.source}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
