import { useQuery } from '@tanstack/react-query';
import { ageInDays, describeAge } from '../../shared/age';
import { plural } from '../../shared/wording';
import { apiQuery } from '../queries';

/** The top bar's one line about the data: how many campaigns, and how old the newest bulletin is. */
export function DataStatus() {
  // A broken answer here must not take the whole window down: it is said in the bar. A bulletin
  // imported anywhere (the CLI, another window) is pushed as a change of the library.
  const info = useQuery({ ...apiQuery('appInfo', {}), throwOnError: false });
  return (
    <div className="data-status" data-testid="data-status">
      {info.data ? (
        <>
          {plural(info.data.campaignCount, 'campaign')} · newest bulletin {info.data.newestRevisionDate ?? 'none'}
          {info.data.newestRevisionDate ? ` (${describeAge(ageInDays(info.data.newestRevisionDate, new Date(info.data.today)))})` : ''}
        </>
      ) : info.error ? (
        <span className="error-text">{info.error.message}</span>
      ) : (
        'Loading…'
      )}
    </div>
  );
}
