import type { CampaignSummary } from '../../shared/api';
import { describeAge } from '../../shared/age';
import { KIND_LABEL } from '../../shared/wording';

/** Every campaign at its newest revision, one button each. */
export function CampaignList({ campaigns, selected, onSelect }: { campaigns: CampaignSummary[]; selected: string | null; onSelect: (code: string) => void }) {
  return (
    <ul className="campaign-list">
      {campaigns.map((c) => (
        <li key={c.code}>
          <button
            type="button"
            className={c.code === selected ? 'campaign-row active' : 'campaign-row'}
            aria-pressed={c.code === selected}
            onClick={() => onSelect(c.code)}
          >
            <span className="row1">
              <span className="code mono">{c.code}</span> <span className="badge kind">{KIND_LABEL[c.kind]}</span>
            </span>
            <span className="title">{c.title}</span>
            <span className="muted">
              Revision {c.revisionDate} ({describeAge(c.ageDays)}) · {c.origin}
            </span>
            <span className="muted">{c.remedySummary}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
