import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useState } from 'react';
import type { Claim } from '../../shared/claims/contract';
import { localIsoDate } from '../../shared/dates';
import { claimsCsv } from '../../shared/parts/csv';
import { claimChangeText, goodwillClaimText, hoursText } from '../../shared/wording';
import { ByField } from '../parts/ByField';
import { useByName } from '../parts/useByName';
import { useScreenActive } from '../navigation';
import { apiQuery, useApiMutation } from '../queries';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';

/** Claims (F10): claim lines with filters, CSV, and corrections that keep the original (PRO17-03). */
export function ClaimsScreen() {
  const active = useScreenActive();
  const [campaign, setCampaign] = useState('');
  const [vin, setVin] = useState('');
  const [missing, setMissing] = useState(false);
  const list = useQuery({
    ...apiQuery('listClaims', { campaign: campaign || null, vin: vin.trim() || null, missingOpCode: missing }),
    placeholderData: keepPreviousData,
    subscribed: active,
  });
  const claims = list.data?.claims ?? [];
  return (
    <div className="report lane" data-testid="claims">
      <header className="report-head">
        <h2>Claims</h2>
        <div className="button-row no-print">
          <input aria-label="Campaign filter" value={campaign} onChange={(e) => setCampaign(e.target.value.toUpperCase())} placeholder="Campaign" size={8} />
          <input aria-label="VIN filter" className="mono" value={vin} onChange={(e) => setVin(e.target.value)} placeholder="VIN" size={19} />
          <label className="check">
            <input type="checkbox" checked={missing} onChange={(e) => setMissing(e.target.checked)} /> Op code missing
          </label>
          <button type="button" disabled={!list.data} onClick={() => downloadText(`claims-${localIsoDate(new Date())}.csv`, claimsCsv(claims))}>
            Export CSV
          </button>
        </div>
      </header>
      {list.error && <ErrorNotice error={list.error} />}
      {list.data && claims.length === 0 && <p className="muted">No claim lines: they are recorded when work is completed (Appointments, F8).</p>}
      {claims.length > 0 && (
        <table aria-label="Claim lines">
          <thead>
            <tr>
              <th>#</th>
              <th>Completed</th>
              <th>Campaign</th>
              <th>VIN</th>
              <th>Op code</th>
              <th>Hours</th>
              <th>RO</th>
              <th>Technician / verified by</th>
              <th>History</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <ClaimRow key={c.id} c={c} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ClaimRow({ c }: { c: Claim }) {
  const [op, setOp] = useState('');
  const [vin, setVin] = useState('');
  const [reason, setReason] = useState('');
  const [by, setBy] = useByName();
  const fix = useApiMutation('correctClaim');
  return (
    <tr>
      <td>{c.id}</td>
      <td className="nowrap">{c.completedOn}</td>
      <td>
        <span className="code mono">{c.campaign}</span>
        {c.goodwill && (
          <div className="warn-text" data-testid="claim-goodwill">
            {goodwillClaimText(c.goodwill)}
          </div>
        )}
      </td>
      <td className="mono">{c.vin}</td>
      <td>{c.opCode ? <span className="mono">{c.opCode}</span> : <span className="warn-text">None. {c.note}</span>}</td>
      <td>{c.hours !== null ? hoursText(c.hours) : <span className="unknown">not stated</span>}</td>
      <td>{c.repairOrder}</td>
      <td>
        {c.technician} / {c.verifiedBy}
      </td>
      <td>
        {c.history.map((h) => (
          <div key={h.madeAt + h.field} className="muted">
            {claimChangeText(h)}
          </div>
        ))}
        <Can op="correctClaim">
          <details>
            <summary>Correct…</summary>
            <form
              className="lane-form"
              aria-label={`Correct claim ${c.id}`}
              onSubmit={(e) => {
                e.preventDefault();
                fix.mutate({ id: c.id, opCode: op.trim() || null, vin: vin.trim() || null, reason, by });
              }}
            >
              <input aria-label="Op code" className="mono" value={op} onChange={(e) => setOp(e.target.value)} placeholder="Op code" size={10} />
              <input aria-label="VIN" className="mono" value={vin} onChange={(e) => setVin(e.target.value)} placeholder="VIN" size={19} />
              <input aria-label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why" />
              <ByField value={by} onChange={setBy} />
              <button type="submit" disabled={fix.isPending}>
                Save correction
              </button>
              {fix.error && <ErrorNotice error={fix.error} />}
            </form>
          </details>
        </Can>
      </td>
    </tr>
  );
}
