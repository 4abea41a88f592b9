import { memo } from 'react';
import { dateTimeText } from '../../shared/dates';
import type { RecentLookup } from './recent';

/**
 * The last lookups, newest first, kept across restarts: one click asks again, with the model that was stated.
 * Memoised: the keys of a scan and its answer do not redraw the list.
 */
export const RecentLookups = memo(function RecentLookups({ recent, onPick }: { recent: RecentLookup[]; onPick: (r: RecentLookup) => void }) {
  return (
    <aside className="recent" aria-label="Recent lookups">
      <h2>Recent lookups</h2>
      {recent.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {recent.map((r) => (
            <li key={r.vin}>
              <button type="button" className="recent-item" onClick={() => onPick(r)}>
                <span className="mono">{r.vin}</span>
                <span className="muted">
                  {r.modelYear}
                  {r.model ? ` ${r.model}` : ''} · {r.codes.length ? r.codes.join(', ') : 'no campaign'} · {dateTimeText(r.at)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});
