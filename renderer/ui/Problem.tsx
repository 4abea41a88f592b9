import { ZodError } from 'zod';

/** What went wrong, in words a counter can pass on; the technical text stays under "Details". */
function describe(error: unknown): { what: string; technical: string } {
  if (error instanceof ZodError) {
    const at = (path: PropertyKey[]) => path.map(String).join('.') || '(the whole answer)';
    const where = [...new Set(error.issues.map((i) => at(i.path)))].slice(0, 5).join(', ');
    return {
      what: 'The services answered with data this window does not understand (a program error, not a problem with your data).',
      technical: `Unexpected answer at: ${where}\n${error.issues.map((i) => `${at(i.path)}: ${i.message}`).join('\n')}`,
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { what: 'Something in this window failed while showing it (a program error).', technical: `${e.name}: ${e.message}` };
}

type Action = { label: string; run: () => void; primary?: boolean };

/**
 * The fallback of an error boundary: what happened, that the data is safe, and a way on. Never a
 * white page.
 */
export function Problem({ title, error, actions }: { title: string; error: unknown; actions: Action[] }) {
  const { what, technical } = describe(error);
  return (
    <div className="problem" role="alert" data-testid="problem">
      <h2>{title}</h2>
      <p>{what}</p>
      <p>
        <strong>Your data is safe.</strong> Everything already saved in Recall Desk (campaigns, imported lists, vehicles, what was recorded) is unchanged. Only
        something typed on this screen and not yet saved may need to be entered again.
      </p>
      <div className="button-row">
        {actions.map((a) => (
          <button type="button" key={a.label} className={a.primary ? 'primary' : undefined} onClick={a.run}>
            {a.label}
          </button>
        ))}
      </div>
      <details>
        <summary>Details for support</summary>
        <pre className="mono">{technical}</pre>
      </details>
    </div>
  );
}

export const reload: Action = { label: 'Reload Recall Desk', run: () => window.location.reload() };
