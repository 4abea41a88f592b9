import type { FollowUpList } from '../../shared/reports/contract';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { count, severityLine } from '../../shared/wording';

/**
 * The follow-up list's own section for serviced vehicles of other makes with recalls in NHTSA's file:
 * by model and year only, so apart from the open campaigns and never counted as "not yet remedied";
 * each line says to check the VIN at NHTSA before calling the guest. `campaign`: the screen's campaign
 * filter (an NHTSA number narrows it too); `shown`: false under filters NHTSA's recalls cannot meet
 * (remedy available now, booked).
 */
export function NhtsaFollowUp({ lines, campaign, shown }: { lines: FollowUpList['checkAtNhtsa']; campaign: string; shown: boolean }) {
  const kept = shown ? (campaign ? lines.filter((l) => l.recalls.some((r) => r.code === campaign)) : lines) : [];
  if (!kept.length) return null;
  return (
    <section className="nhtsa-followup" aria-label={NHTSA_WORDING.followUpTitle} data-testid="followup-nhtsa">
      <h3>
        {NHTSA_WORDING.followUpTitle} ({count(kept.length)})
      </h3>
      <table className="per-campaign">
        <thead>
          <tr>
            <th>{NHTSA_WORDING.followUpColumns.vehicle}</th>
            <th>{NHTSA_WORDING.followUpColumns.guest}</th>
            <th>{NHTSA_WORDING.followUpColumns.lastService}</th>
            <th>{NHTSA_WORDING.followUpColumns.recalls}</th>
          </tr>
        </thead>
        <tbody>
          {kept.map((l) => (
            <tr key={l.vin} data-testid="followup-nhtsa-row">
              <td>
                <span className="mono">{l.vin}</span>
                <br />
                {l.modelYear} {l.model ?? ''}
              </td>
              <td>
                {l.guestName ?? ''}
                {l.guestPhone ? <br /> : null}
                {l.guestPhone ?? ''}
              </td>
              <td>{l.lastServiceDate}</td>
              <td>
                {l.recalls.map((r) => (
                  <div key={r.code}>
                    <span className="code mono">{r.code}</span> {r.severity.length > 0 && <strong>{severityLine(r.severity)} · </strong>}
                    {r.component}
                  </div>
                ))}
                <p className="muted">{l.note}</p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
