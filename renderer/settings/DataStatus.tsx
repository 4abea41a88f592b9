import { useQuery } from '@tanstack/react-query';
import { ageInDays, describeAge } from '../../shared/age';
import { plural } from '../../shared/wording';
import { apiQuery } from '../queries';

/** How often the top bar asks again: it follows bulletins imported by the CLI or another window. */
const EVERY_MS = 5_000;

/** The top bar's one line about the data: how many campaigns, and how old the newest bulletin is. */
export function DataStatus() {
  // A broken answer here must not take the whole window down: it is said in the bar.
  const info = useQuery({ ...apiQuery('appInfo', {}), refetchInterval: EVERY_MS, refetchOnWindowFocus: 'always', throwOnError: false });
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
