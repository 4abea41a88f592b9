import { useSyncExternalStore } from 'react';
import { HOST_DOWN_DETAIL, hostBar, hostDown } from '../../shared/lan/wording';
import { hostStatus } from '../api';
import { useDeskConnection } from './desk';

/** On a desk of a sharing PC: which PC this is, and within 2 s when it does not answer. */
export function HostBar() {
  useDeskConnection();
  const state = useSyncExternalStore(hostStatus.subscribe, hostStatus.get);
  if (!state.host) return null;
  if (!state.reachable) {
    return (
      <div className="host-bar host-down" role="alert" data-testid="host-down" title={HOST_DOWN_DETAIL}>
        {hostDown(state.host)}
      </div>
    );
  }
  return (
    <div className="host-bar" data-testid="host-bar" title="This window works on the database of the sharing PC">
      {hostBar(state.host)}
    </div>
  );
}
