import type { ImportStatus } from '../../shared/api';
import { count } from '../../shared/wording';
import { ImpactView } from '../changes/ImpactView';

/**
 * A step of an import under way: what it does, a progress bar, how far it is, and Cancel. The one look
 * of every import's progress (a file being sent, a job writing rows).
 */
export function ProgressBar({
  title,
  label,
  done,
  total,
  amount,
  onCancel,
  cancelling,
  cancelText = 'Cancel import',
  testId = 'import-progress',
}: {
  /** What it does, e.g. "Importing 23LJ01 affected-VIN list of 2026-11-20". */
  title: string;
  /** What the bar is read out as. */
  label: string;
  done: number;
  total: number;
  /** How far, in the step's own unit ("1,200 of 5,000", "3.0 of 14.2 MB"). */
  amount: string;
  onCancel: () => void;
  cancelling: boolean;
  cancelText?: string;
  testId?: string;
}) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress-box" data-testid={testId}>
      <strong>{title}</strong>
      <progress max={total} value={done} aria-label={label} />
      <span className="muted">
        {amount} ({pct}%)
      </span>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {cancelText}
      </button>
    </div>
  );
}

/** A running import: what it imports, a progress bar and Cancel; then its outcome. */
export function ImportProgress({ status, onCancel, cancelling }: { status: ImportStatus; onCancel: () => void; cancelling: boolean }) {
  if (status.state === 'running') {
    return (
      <ProgressBar
        title={`Importing ${status.label}`}
        label={`Import progress: ${status.label}`}
        done={status.done}
        total={status.total}
        amount={`${count(status.done)} of ${count(status.total)}`}
        onCancel={onCancel}
        cancelling={cancelling}
      />
    );
  }
  return (
    <div className="progress-box" data-testid="import-progress">
      <div className={`banner ${status.state === 'done' ? 'ok' : 'error'}`} role="status">
        <strong>{status.message}</strong>
        {/* What it did, as "What changed" records it. */}
        {status.state === 'done' && status.impact && <ImpactView impact={status.impact} />}
      </div>
    </div>
  );
}
