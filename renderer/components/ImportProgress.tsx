import { useEffect, useState } from 'react';
import type { ImportStatus } from '../../shared/api';
import { api } from '../api';

/** Follows a running import: a progress bar, Cancel, and the outcome when it ends. */
export function ImportProgress({ start, onFinished }: { start: ImportStatus; onFinished: (s: ImportStatus) => void }) {
  const [status, setStatus] = useState(start);
  useEffect(() => {
    if (status.state !== 'running') {
      onFinished(status);
      return;
    }
    const t = setTimeout(() => {
      api.importStatus({ jobId: status.jobId }).then(setStatus, () => {});
    }, 150);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);
  const pct = status.total ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <div className="progress-box" data-testid="import-progress">
      {status.state === 'running' ? (
        <>
          <progress max={status.total} value={status.done} aria-label="Import progress" />
          <span className="muted">
            {status.done.toLocaleString('en-US')} of {status.total.toLocaleString('en-US')} ({pct}%)
          </span>
          <button onClick={() => void api.cancelImport({ jobId: status.jobId }).then(setStatus)}>Cancel import</button>
        </>
      ) : (
        <div className={`banner ${status.state === 'done' ? 'ok' : 'error'}`} role="status">
          <strong>{status.message}</strong>
        </div>
      )}
    </div>
  );
}
