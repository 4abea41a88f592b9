import { ApiError, type HandlersOf } from '../../shared/contract';
import type { lanOperations, SharingStatus } from '../../shared/lan/contract';
import { SHARE_NOT_HERE } from '../../shared/lan/wording';
import { currentSharing, sharingStarter } from './state';

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
});
