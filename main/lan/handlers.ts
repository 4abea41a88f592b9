import type { HandlersOf } from '../../shared/contract';
import type { lanOperations } from '../../shared/lan/contract';
import { currentSharing } from './state';

export const lanHandlers = (): HandlersOf<typeof lanOperations> => ({
  sharingStatus: () => {
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
  },
});
