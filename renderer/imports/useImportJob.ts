import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { InputOf } from '../../shared/api';
import { apiQuery, useApiMutation } from '../queries';

/** How often a running import is asked for its progress. */
const POLL_MS = 150;

/**
 * One import job: start it from a preview, follow its progress (a query that polls while the job
 * runs), cancel it. When it is done, the data it changed is fetched again (see queries.ts).
 */
export function useImportJob() {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useApiMutation('commitImport', { onSuccess: (s) => setJobId(s.jobId) });
  const cancel = useApiMutation('cancelImport');
  const { reset: resetStart } = start;
  const { reset: resetCancel } = cancel;
  /** Forgets the job (a new file was read). */
  const reset = useCallback(() => {
    setJobId(null);
    resetStart();
    resetCancel();
  }, [resetStart, resetCancel]);
  const status = useQuery({
    ...apiQuery('importStatus', jobId ? { jobId } : null),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? POLL_MS : false),
    // A finished job does not change again.
    staleTime: (q) => (q.state.data?.state === 'running' ? 0 : Infinity),
  });
  return {
    status: jobId ? (status.data ?? null) : null,
    /** Starts the previewed import, naming the inputs the user sees: a preview read with others is refused. */
    start: (importId: string, expect: InputOf<'commitImport'>['expect']) => start.mutate({ importId, expect }),
    cancel: () => jobId && cancel.mutate({ jobId }),
    cancelling: cancel.isPending,
    error: start.error ?? cancel.error ?? status.error,
    reset,
  };
}
