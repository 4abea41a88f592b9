/** A quiet "still working" sign beside data that is being brought up to date. */
export function Busy({ label = 'Updating…', testId = 'busy' }: { label?: string; testId?: string }) {
  return (
    <span className="busy-sign" role="status" data-testid={testId}>
      {label}
    </span>
  );
}
