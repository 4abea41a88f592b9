import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation } from '../queries';
import { setSession } from '../session';
import { useAuth } from './auth';

/** Who is signed in, in the top bar, with Switch person (Alt+U) and Sign out. */
export function UserBar({ onSwitch }: { onSwitch: () => void }) {
  const auth = useAuth();
  const signOut = useSignOut();
  if (!auth?.user) return null;
  return (
    <div className="user-bar" data-testid="user-bar">
      <span title={`Roles: ${auth.user.roles.join(', ')}`}>
        {auth.user.name} <span className="muted">({auth.user.roles.join(', ')})</span>
      </span>
      <button type="button" className="link" onClick={onSwitch} title="Another person takes the counter (Alt+U)">
        Switch person <kbd>Alt+U</kbd>
      </button>
      <button type="button" className="link" onClick={() => signOut()}>
        Sign out
      </button>
    </div>
  );
}

/** Ends this window's session and forgets every answer the person saw. */
export function useSignOut(): () => void {
  const client = useQueryClient();
  const m = useApiMutation('signOut');
  return () => {
    const done = () => {
      // What the person saw goes; who is signed in (nobody) is asked again at once.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'authStatus' });
      setSession(null);
    };
    m.mutate({}, { onSettled: done });
  };
}
