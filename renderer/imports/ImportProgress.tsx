import type { ImportStatus } from '../../shared/api';
import { count } from '../../shared/wording';
import { ImpactView } from '../changes/ImpactView';

/** A running import: what it imports, a progress bar and Cancel; then its outcome. */
export function ImportProgress({ status, onCancel, cancelling }: { status: ImportStatus; onCancel: () => void; cancelling: boolean }) {
  const pct = status.total ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <div className="progress-box" data-testid="import-progress">
      {status.state === 'running' ? (
        <>
          <strong>Importing {status.label}</strong>
          <progress max={status.total} value={status.done} aria-label={`Import progress: ${status.label}`} />
          <span className="muted">
            {count(status.done)} of {count(status.total)} ({pct}%)
          </span>
          <button type="button" onClick={onCancel} disabled={cancelling}>
            Cancel import
          </button>
        </>
      ) : (
        <div className={`banner ${status.state === 'done' ? 'ok' : 'error'}`} role="status">
          <strong>{status.message}</strong>
          {/* What it did, as "What changed" records it. */}
          {status.state === 'done' && status.impact && <ImpactView impact={status.impact} />}
        </div>
      )}
    </div>
  );
}
