import { ApiError, type HandlersOf } from '../../shared/contract';
import type { lanOperations, SharingStatus } from '../../shared/lan/contract';
import { CONNECT_NOT_HERE, SHARE_NOT_HERE } from '../../shared/lan/wording';
import { currentSharing, currentWindowSwitch, sharingStarter } from './state';

function status(): SharingStatus {
  const s = currentSharing();
  if (!s) return { sharing: false, addresses: [], fingerprint: null, pairingCode: null, pairingExpires: null };
  const { code, expires } = s.pairing.current();
  return {
    sharing: true,
    addresses: s.addresses.map((a) => `https://${a.includes(':') ? `[${a}]` : a}:${s.server.port}`),
    fingerprint: s.fingerprint,
    pairingCode: code,
    pairingExpires: expires.toISOString(),
  };
}

export const lanHandlers = (): HandlersOf<typeof lanOperations> => ({
  sharingStatus: () => status(),
  shareDatabase: async ({ port }) => {
    if (currentSharing()) return status();
    const start = sharingStarter();
    if (!start) throw new ApiError('conflict', SHARE_NOT_HERE);
    await start(port);
    return status();
  },
  // The window's switch answers these itself (main/lan/window-switch.ts); what reaches the dispatcher
  // otherwise is a command or another process: it works on this PC's own database.
  deskConnection: () => currentWindowSwitch()?.describe() ?? { server: null, host: null, fingerprint: null, reachable: true, canConnect: false },
  connectToDesk: (input) => {
    const sw = currentWindowSwitch();
    if (!sw) throw new ApiError('conflict', CONNECT_NOT_HERE);
    return sw.connect(input);
  },
  stopUsingDesk: () => {
    throw new ApiError('conflict', CONNECT_NOT_HERE);
  },
});
