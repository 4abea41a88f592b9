import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { followUpCsv } from '../../shared/csv-out';
import { CERTAINTY_LABEL, count, plural, remedyShort } from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { apiQuery } from '../queries';
import { Busy } from '../ui/Busy';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';

/** Follow-up (F6): vehicles last serviced here with open campaigns, for calls and mailings. */
export function FollowUpScreen() {
  const active = useScreenActive();
  const campaigns = useQuery(apiQuery('listCampaigns', {}));
  const [campaign, setCampaign] = useState('');
  const [availableOnly, setAvailableOnly] = useState(false);
  // One query per filter: an older answer can never land over a newer filter's. While a new filter's
  // list is on its way the previous one stays, dimmed and marked as updating.
  const list = useQuery({
    ...apiQuery('followUpList', { campaign: campaign || null, remedyAvailableOnly: availableOnly }),
    placeholderData: keepPreviousData,
    subscribed: active,
  });
  const l = list.data;
  const stale = list.isPlaceholderData;

  return (
    <div className="report" data-testid="followup">
      <header className="report-head">
        <h2>Follow-up: vehicles serviced here with open campaigns</h2>
        <div className="button-row no-print">
          <label>
            Campaign{' '}
            <select aria-label="Campaign filter" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
              <option value="">All campaigns</option>
              {campaigns.data?.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={availableOnly} onChange={(e) => setAvailableOnly(e.target.checked)} /> Remedy available now
          </label>
          {list.isFetching && l && <Busy label={stale ? 'Loading this filter…' : 'Checking…'} />}
          {l && (
            <button
              type="button"
              disabled={stale}
              onClick={() => downloadText(`follow-up-${campaign || 'all'}-${l.generatedAt.slice(0, 10)}.csv`, followUpCsv(l))}
            >
              Export CSV
            </button>
          )}
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : !l ? (
        <p className="muted">Checking…</p>
      ) : (
        <div className={stale ? 'updating' : undefined} aria-busy={stale || undefined} data-testid="followup-list">
          <p className="lead">
            {plural(l.rows.length, 'open campaign')} shown · {plural(l.vehiclesServiced, 'vehicle')} with a service visit here on file
          </p>
          {l.vehiclesServiced === 0 && <p className="hint">No service history on file. Import a DMS service export under Imports (F4).</p>}
          {l.perCampaign.length > 0 && (
            <table className="per-campaign" aria-label="Not yet remedied per campaign">
              <thead>
                <tr>
                  <th>Campaign</th>
                  <th>Not yet remedied (last serviced here)</th>
                </tr>
              </thead>
              <tbody>
                {l.perCampaign.map((c) => (
                  <tr key={c.code}>
                    <td>
                      <span className="code mono">{c.code}</span> {c.title}
                    </td>
                    <td>{count(c.notYetRemedied)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {l.rows.length > 0 && (
            <table aria-label="Vehicles to contact">
              <thead>
                <tr>
                  <th>Campaign</th>
                  <th>Vehicle</th>
                  <th>Guest</th>
                  <th>Contact</th>
                  <th>Last service</th>
                  <th>Remedy</th>
                </tr>
              </thead>
              <tbody>
                {l.rows.map((r) => (
                  <tr key={`${r.vin}-${r.code}`}>
                    <td>
                      <span className="code mono">{r.code}</span>
                    </td>
                    <td>
                      <span className="mono">{r.vin}</span>
                      <div className="muted">
                        {r.modelYear} {r.model ?? ''}
                      </div>
                    </td>
                    <td>{r.guestName ?? <span className="unknown">unknown</span>}</td>
                    <td>
                      {[r.guestPhone, r.guestEmail].filter(Boolean).join(' · ') || <span className="unknown">none on file</span>}
                      <div className="muted">{r.guestAddress}</div>
                    </td>
                    <td>{r.lastServiceDate}</td>
                    <td className={r.remedyAvailable ? 'good' : ''}>
                      {remedyShort(r.remedyAvailable)}
                      <div className="muted">{CERTAINTY_LABEL[r.certainty]}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
