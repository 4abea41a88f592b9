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
