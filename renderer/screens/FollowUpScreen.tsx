import { useEffect, useState } from 'react';
import type { CampaignSummary, FollowUpList } from '../../shared/api';
import { followUpCsv } from '../../shared/csv-out';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { downloadText } from '../download';

export function FollowUpScreen() {
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [campaign, setCampaign] = useState('');
  const [availableOnly, setAvailableOnly] = useState(false);
  const [list, setList] = useState<FollowUpList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listCampaigns({}).then(setCampaigns, () => {});
  }, []);
  useEffect(() => {
    api.followUpList({ campaign: campaign || null, remedyAvailableOnly: availableOnly }).then(setList, (e: Error) => setError(e.message));
  }, [campaign, availableOnly]);

  if (error) return <Notice kind="error" message={error} />;
  return (
    <div className="report" data-testid="followup">
      <header className="report-head">
        <h2>Follow-up: vehicles serviced here with open campaigns</h2>
        <div className="button-row no-print">
          <label>
            Campaign{' '}
            <select aria-label="Campaign filter" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
              <option value="">All campaigns</option>
              {campaigns.map((c) => (
                <option key={c.code} value={c.code}>{c.code}</option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={availableOnly} onChange={(e) => setAvailableOnly(e.target.checked)} /> Remedy available now
          </label>
          {list && <button onClick={() => downloadText(`follow-up-${campaign || 'all'}-${list.generatedAt.slice(0, 10)}.csv`, followUpCsv(list))}>Export CSV</button>}
          <button onClick={() => window.print()}>Print</button>
        </div>
      </header>
      {!list ? (
        <p className="muted">Checking…</p>
      ) : (
        <>
          <p className="lead">
            {list.rows.length} open campaign{list.rows.length === 1 ? '' : 's'} shown · {list.vehiclesServiced} vehicles with a service visit here on file
          </p>
          {list.vehiclesServiced === 0 && <p className="hint">No service history on file. Import a DMS service export under Imports (F4).</p>}
          {list.perCampaign.length > 0 && (
            <table className="per-campaign" aria-label="Not yet remedied per campaign">
              <thead><tr><th>Campaign</th><th>Not yet remedied (last serviced here)</th></tr></thead>
              <tbody>
                {list.perCampaign.map((c) => (
                  <tr key={c.code}><td><span className="code mono">{c.code}</span> {c.title}</td><td>{c.notYetRemedied}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {list.rows.length > 0 && (
            <table aria-label="Vehicles to contact">
              <thead><tr><th>Campaign</th><th>Vehicle</th><th>Guest</th><th>Contact</th><th>Last service</th><th>Remedy</th></tr></thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={`${r.vin}-${r.code}`}>
                    <td><span className="code mono">{r.code}</span></td>
                    <td><span className="mono">{r.vin}</span><div className="muted">{r.modelYear} {r.model ?? ''}</div></td>
                    <td>{r.guestName ?? <span className="unknown">unknown</span>}</td>
                    <td>{[r.guestPhone, r.guestEmail].filter(Boolean).join(' · ') || <span className="unknown">none on file</span>}<div className="muted">{r.guestAddress}</div></td>
                    <td>{r.lastServiceDate}</td>
                    <td className={r.remedyAvailable ? 'good' : ''}>{r.remedyAvailable === true ? 'Available' : r.remedyAvailable === false ? 'Not yet' : 'Unknown'}{r.certainty === 'confirmed' ? ' · confirmed' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
