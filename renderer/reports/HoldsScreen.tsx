import { useQuery } from '@tanstack/react-query';
import { holdsCsv } from '../../shared/csv-out';
import { CERTAINTY_LABEL, conditionText, count, HOLD_LABEL, HOLD_SHORT_LABEL, NEED_LABEL } from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { apiQuery } from '../queries';
import { Busy } from '../ui/Busy';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';

/** How loud a hold is in the table: a stop, or a caution. */
const HOLD_CLASS = {
  'do-not-deliver-until-remedied': 'hold-stop',
  'deliver-with-disclosure-if-unavailable': 'hold-caution',
  'perform-before-delivery': 'hold-caution',
} as const;

/** Stock holds (F5): every vehicle in stock against every campaign, by its bulletin's delivery rule. */
export function HoldsScreen() {
  // Checked afresh each time the screen is shown; not while another screen is in front.
  const report = useQuery({ ...apiQuery('holdReport', {}), subscribed: useScreenActive() });

  if (report.error) return <ErrorNotice error={report.error} />;
  const r = report.data;
  if (!r) return <p className="muted">Checking the stock…</p>;
  return (
    <div className="report" data-testid="holds">
      <header className="report-head">
        <h2>Stock vehicles that may not be delivered</h2>
        <div className="button-row no-print">
          {report.isFetching && <Busy label="Checking the stock…" />}
          <button type="button" onClick={() => void report.refetch()}>
            Refresh
          </button>
          <button type="button" onClick={() => downloadText(`stock-holds-${r.generatedAt.slice(0, 10)}.csv`, holdsCsv(r))}>
            Export CSV
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <p className="lead" data-testid="holds-summary">
        <strong>{count(r.vehiclesHeld)}</strong> of {count(r.vehiclesInStock)} vehicles in stock have holds · checked {new Date(r.generatedAt).toLocaleString()}
      </p>
      {r.vehiclesInStock === 0 && <p className="hint">No vehicle is marked in stock. Import the DMS stock list under Imports (F4).</p>}
      {r.perCampaign.length > 0 && (
        <table className="per-campaign">
          <thead>
            <tr>
              <th>Campaign</th>
              <th>{HOLD_SHORT_LABEL['do-not-deliver-until-remedied']}</th>
              <th>{HOLD_SHORT_LABEL['deliver-with-disclosure-if-unavailable']}</th>
              <th>{HOLD_SHORT_LABEL['perform-before-delivery']}</th>
            </tr>
          </thead>
          <tbody>
            {r.perCampaign.map((c) => (
              <tr key={c.code}>
                <td>
                  <span className="code mono">{c.code}</span> {c.title}
                </td>
                <td>{count(c.doNotDeliver)}</td>
                <td>{count(c.withDisclosure)}</td>
                <td>{count(c.performBefore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.holds.length > 0 && (
        <table className="holds-table" aria-label="Holds">
          <thead>
            <tr>
              <th>Stock #</th>
              <th>Vehicle</th>
              <th>Campaign</th>
              <th>Hold</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {r.holds.map((h) => (
              <tr key={`${h.vin}-${h.code}-${h.hold}`} className={HOLD_CLASS[h.hold]}>
                <td className="mono">{h.stockNumber ?? '—'}</td>
                <td>
                  <span className="mono">{h.vin}</span>
                  <div className="muted">
                    {h.modelYear} {h.model ?? ''} · {conditionText(h.condition)}
                  </div>
                </td>
                <td>
                  <span className="code mono">{h.code}</span>
                  <div className="muted">{CERTAINTY_LABEL[h.certainty]}</div>
                </td>
                <td>
                  <strong>{HOLD_LABEL[h.hold]}</strong>
                  {h.needs.length > 0 && <div className="muted">Needs {h.needs.map((n) => NEED_LABEL[n]).join(' and ')}</div>}
                </td>
                <td>
                  {h.reason}
                  <div className="muted">{h.source}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
