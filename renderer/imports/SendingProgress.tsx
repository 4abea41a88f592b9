import { UPLOAD_WORDING } from '../../shared/imports/upload-wording';
import { Notice } from '../ui/Notice';
import { ProgressBar } from './ImportProgress';
import type { Sending } from './upload';

/** A picked file on its way: sent with its progress and Cancel, then read on the PC that keeps the database. */
export function SendingProgress({
  fileName,
  sending,
  pending,
  cancelled,
  onCancel,
}: {
  fileName: string;
  sending: Sending;
  pending: boolean;
  cancelled: string | null;
  onCancel: () => void;
}) {
  if (cancelled) return <Notice kind="ok" message={UPLOAD_WORDING.cancelled(cancelled)} testId="send-cancelled" />;
  if (!pending) return null;
  if (!sending)
    return (
      <p className="muted" data-testid="file-reading">
        {UPLOAD_WORDING.reading(fileName)}
      </p>
    );
  const title = sending.checking ? UPLOAD_WORDING.checking(fileName) : UPLOAD_WORDING.sending(fileName);
  return (
    <ProgressBar
      title={title}
      label={title}
      done={sending.sent}
      total={sending.size}
      amount={UPLOAD_WORDING.sent(sending.sent, sending.size)}
      onCancel={onCancel}
      cancelling={false}
      cancelText={UPLOAD_WORDING.cancelSending}
      testId="file-sending"
    />
  );
}
