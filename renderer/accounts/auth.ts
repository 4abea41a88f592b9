// Who is signed in to this window and what they may do. Screens hide what the person's roles cannot
// do; the gate in the main process refuses it anyway.
import { createContext, useContext } from 'react';
import type { AuthStatus } from '../../shared/accounts/contract';
import type { OperationName } from '../../shared/api';

export const AuthContext = createContext<AuthStatus | null>(null);

export function useAuth(): AuthStatus | null {
  return useContext(AuthContext);
}

/** True when the person signed in may call the operation (always, on a PC without accounts). */
export function useCan(op: OperationName): boolean {
  const auth = useAuth();
  return auth === null || auth.allowed.includes(op);
}

/** The signed-in person's name, or null without accounts (then forms ask for a name as before). */
export function useSignedInName(): string | null {
  return useAuth()?.user?.name ?? null;
}
