import { ApiError } from '../../shared/api';

/** A message with the specifics under it: what went wrong (or right), then each detail on a line. */
export function Notice({ kind, message, details = [], testId }: { kind: 'ok' | 'error'; message: string; details?: string[]; testId?: string }) {
  const lines = details.filter((d) => d !== message);
  return (
    <div className={`banner ${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <strong>{message}</strong>
      {lines.length > 0 && (
        <ul>
          {lines.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An error the services answered with (a bad file, a bad VIN...), with its details. */
export function ErrorNotice({ error, testId }: { error: Error; testId?: string }) {
  return <Notice kind="error" message={error.message} details={error instanceof ApiError ? error.details : []} testId={testId} />;
}
