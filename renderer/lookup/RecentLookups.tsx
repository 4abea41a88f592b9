import { plural } from '../../shared/wording';
import type { RecentLookup } from './useLookup';

/** This session's lookups, newest first: one click asks again, with the facts that were stated. */
export function RecentLookups({ recent, onPick }: { recent: RecentLookup[]; onPick: (r: RecentLookup) => void }) {
  return (
    <aside className="recent" aria-label="Recent lookups">
      <h2>Recent lookups</h2>
      {recent.length === 0 ? (
        <p className="muted">None yet this session.</p>
      ) : (
        <ul>
          {recent.map((r) => (
            <li key={r.vin}>
              <button type="button" className="recent-item" onClick={() => onPick(r)}>
                <span className="mono">{r.vin}</span>
                <span className="muted">
                  {r.modelYear} · {plural(r.hits, 'campaign')} · {r.at}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
