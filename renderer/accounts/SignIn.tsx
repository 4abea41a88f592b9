import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { SESSION_ENDED_NOTICE } from '../../shared/accounts/wording';
import { onSessionChange, sessionEndedByServer, setSession } from '../session';
import { useApiMutation } from '../queries';
import { ErrorNotice } from '../ui/Notice';

/**
 * The sign-in form: the whole window before anyone is signed in, or a panel over the screens when
 * another person takes over the counter (Alt+U): the screens stay as they were beneath it.
 */
export function SignIn({ over, current, onDone, onCancel }: { over?: boolean; current?: string; onDone?: () => void; onCancel?: () => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useApiMutation('signIn');
  const client = useQueryClient();
  const nameRef = useRef<HTMLInputElement>(null);
  const ended = useSyncExternalStore((l) => {
    const off = onSessionChange(l);
    return () => void off();
  }, sessionEndedByServer);
  useEffect(() => nameRef.current?.focus(), []);

  return (
    <div className={over ? 'sign-in-backdrop' : 'sign-in-page'} data-testid="sign-in">
      <form
        className="sign-in"
        aria-label="Sign in"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          signIn.mutate(
            { name, password },
            {
              onSuccess: (r) => {
                setPassword('');
                setSession(r.session);
                // The next person sees their own answers: everything is fetched again as them.
                client.setQueryData(['authStatus', {}], r.status);
                void client.invalidateQueries();
                onDone?.();
              },
              onError: () => setPassword(''),
            },
          );
        }}
      >
        <h1>{over ? 'Switch person' : 'Sign in to Recall Desk'}</h1>
        {over && current && <p className="muted">Signed in now: {current}. The screens stay as they are.</p>}
        {!over && ended && (
          <p className="muted" role="status" data-testid="session-ended">
            {SESSION_ENDED_NOTICE}
          </p>
        )}
        <label>
          Name
          <input ref={nameRef} name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={signIn.isPending}>
            Sign in
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
        {signIn.error && <ErrorNotice error={signIn.error} testId="sign-in-error" />}
      </form>
    </div>
  );
}
