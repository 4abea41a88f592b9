import type { ReactNode } from 'react';
import { connectedTo, signInOnHost } from '../../shared/lan/wording';
import { useDeskConnection } from './desk';
import { PinnedFingerprint, StopUsingButton } from './SharingSections';

/**
 * Above the sign-in form of a window connected to a sharing PC (Settings, "Connect to a desk"): whose
 * sign-in this is, the fingerprint pinned, and the way back for someone without an account there.
 */
/** `problem`: the host refused or did not answer (no sign-in form then), said beside it. */
export function DeskSignIn({ children, problem = false }: { children: ReactNode; problem?: boolean }) {
  const c = useDeskConnection().data;
  if (!c?.server || !c.host || !c.fingerprint) return children;
  return (
    <div className="desk-sign-in">
      <div className="desk-sign-in-note" data-testid="desk-sign-in-note">
        <p>
          <strong>{problem ? connectedTo(c.host) : signInOnHost(c.host)}</strong>
        </p>
        <PinnedFingerprint fingerprint={c.fingerprint} />
        <StopUsingButton host={c.host} />
      </div>
      {children}
    </div>
  );
}
