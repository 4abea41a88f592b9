import { useQuery } from '@tanstack/react-query';
import { count } from '../../shared/wording';
import { useNavigation } from '../navigation';
import { apiQuery, useApiMutation } from '../queries';

/** How often a running import's progress is asked for; with none running, nothing is asked. */
const PROGRESS_MS = 1_000;

/**
 * A running import in the top bar, on every screen: what it imports, how far it is, Cancel, and a
 * way back to the Imports screen.
 */
export function ImportIndicator() {
  // A started import is pushed as a change of the imports; only its progress bar asks while it runs.
  const jobs = useQuery({
    ...apiQuery('importJobs', {}),
    refetchInterval: (q) => (q.state.data?.some((j) => j.state === 'running') ? PROGRESS_MS : false),
    throwOnError: false,
  });
  const cancel = useApiMutation('cancelImport');
  const nav = useNavigation();
  const running = jobs.data?.find((j) => j.state === 'running');
  if (!running) return null;
  const pct = running.total ? Math.round((running.done / running.total) * 100) : 0;
  return (
    <div className="import-indicator" data-testid="import-indicator" role="status">
      <button
        type="button"
        className="link"
        title={`Importing ${running.label}: ${count(running.done)} of ${count(running.total)}. Show the Imports screen.`}
        onClick={() => nav.show('imports')}
      >
        Importing {running.label}
      </button>
      <progress max={running.total} value={running.done} aria-label={`Import progress: ${running.label}`} />
      <span>{pct}%</span>
      <button type="button" onClick={() => cancel.mutate({ jobId: running.jobId })} disabled={cancel.isPending}>
        Cancel
      </button>
    </div>
  );
}
