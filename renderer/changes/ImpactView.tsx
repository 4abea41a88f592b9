import { dateTimeText } from '../../shared/dates';
import type { HoldChange, Impact } from '../../shared/changes/contract';
import { impactSummary, renumberedText } from '../../shared/changes/wording';
import { HOLD_LABEL, severityLine } from '../../shared/wording';

const SHOWN = 50;

type Ref = { vin: string; campaign: string; stockNumber: string | null; model: string | null; modelYear: number };

function Rows<T extends Ref>({ title, rows, testId, extra }: { title: string; rows: T[]; testId: string; extra?: (r: T) => string }) {
  if (!rows.length) return null;
  return (
    <details className="impact-list" open={rows.length <= 10} data-testid={testId}>
      <summary>
        {title}: {rows.length}
      </summary>
      <table className="data">
        <thead>
          <tr>
            <th>Campaign</th>
            <th>Stock</th>
            <th>VIN</th>
            <th>Vehicle</th>
            {extra && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={`${r.vin}-${r.campaign}-${(r as unknown as HoldChange).hold ?? ''}`}>
              <td className="mono">{r.campaign}</td>
              <td>{r.stockNumber ?? ''}</td>
              <td className="mono">{r.vin}</td>
              <td>
                {r.modelYear} {r.model ?? 'model not known'}
              </td>
              {extra && <td>{extra(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="muted">… and {rows.length - SHOWN} more: export the list to see them all.</p>}
    </details>
  );
}

/** What an import does (or would do) to the dealer's vehicles, list by list. */
export function ImpactView({ impact }: { impact: Impact }) {
  const hold = (h: HoldChange) => `${HOLD_LABEL[h.hold]}${h.severity.length ? ` · ${severityLine(h.severity)}` : ''}`;
  return (
    <div className="impact" data-testid="impact">
      <p data-testid="impact-summary">
        <strong>Impact:</strong> {impactSummary(impact)}.
      </p>
      <Rows title="Stock newly held" rows={impact.holds.added} testId="impact-held" extra={hold} />
      <Rows title="Stock released" rows={impact.holds.released} testId="impact-released" extra={hold} />
      <Rows
        title="Remedy now available"
        rows={impact.remedyNowAvailable}
        testId="impact-available"
        extra={(r) => (r.bookedAt ? `booked ${dateTimeText(r.bookedAt)}` : 'not booked: call the guest')}
      />
      <Rows title="Newly confirmed" rows={impact.confirmed.added} testId="impact-confirmed" />
      <Rows title="No longer listed" rows={impact.confirmed.removed} testId="impact-unlisted" />
      <Rows title="CPOR requests the list numbers otherwise" rows={impact.cporRenumbered} testId="impact-renumbered" extra={renumberedText} />
      {impact.parts.length > 0 && (
        <details className="impact-list" open data-testid="impact-parts">
          <summary>Part demand: {impact.parts.length}</summary>
          <ul>
            {impact.parts.map((p) => (
              <li key={`${p.campaign}-${p.partNumber}-${p.description}`}>
                {p.campaign} {p.partNumber ?? 'part number not stated'} {p.description}: {p.before} → {p.after} vehicles with the remedy available
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
