import type { CampaignDetail as Detail } from '../../shared/api';
import { describeAge } from '../../shared/age';
import { KIND_LABEL, orderedSeverity, SEVERITY_GUEST_TEXT, SEVERITY_LABEL } from '../../shared/wording';
import { CounterSections } from './detail/CounterSections';
import { CoverageSections } from './detail/CoverageSections';
import { HistorySections } from './detail/HistorySections';
import { RepairSections } from './detail/RepairSections';

/** Everything one campaign's bulletin states; what it does not state is shown as unknown. */
export function CampaignDetail({ d }: { d: Detail }) {
  const b = d.bulletin;
  return (
    <article data-testid="campaign-detail">
      <header className="detail-head">
        <h2>
          <span className="code mono">{b.code}</span> {b.title}
        </h2>
        <p>
          <span className="badge kind">{KIND_LABEL[b.kind]}</span> {b.make}
          {b.wmis.length ? ` (WMI ${b.wmis.join(', ')}${b.wmisSource ? `; ${b.wmisSource}` : ''})` : ''} · {b.revisionLabel}, {b.revisionDate} (
          {describeAge(d.summary.ageDays)}) · {d.summary.origin}
        </p>
        <p data-testid="campaign-nhtsa">NHTSA recall number: {b.nhtsaRecallNumber ?? 'not stated'}</p>
        {orderedSeverity(b.severity).map((flag) => (
          <div key={flag} className={`banner severity ${flag}`} data-testid={`detail-severity-${flag}`}>
            <strong>{SEVERITY_LABEL[flag]}.</strong> {SEVERITY_GUEST_TEXT[flag]}
          </div>
        ))}
        <p className="summary">{b.summary}</p>
      </header>

      <CoverageSections b={b} />
      <RepairSections b={b} />
      <CounterSections b={b} />
      <HistorySections d={d} />
    </article>
  );
}
