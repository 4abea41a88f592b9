// Pairing this desk with a sharing PC: one code path for `recall-desk connect` and for Settings,
// "Connect to a desk that shares its database". The certificate the address presents is read first;
// then, on a connection pinned to that very certificate, both sides prove they know the pairing code
// for it (the code itself is never sent). Only then is the fingerprint trusted: the caller saves it.
import { normalizeFingerprint } from './cert';
import { HostLink, HostRefused, parseEnvelope, unreachable } from './client';
import { normalizeCode, pairingProof } from './pairing';

/** The host said no to the code (wrong, used, expired), or the code or fingerprint given is not well formed. */
export class PairingRefused extends Error {}

export type Paired = { server: string; fingerprint: string };

export const CODE_SHAPE = (given: string) => `${given}: the pairing code is 12 letters and digits, as the sharing PC shows it (e.g. 7KQ2-M9XD-4HTP).`;

/**
 * Pairs with `server` using `code`; `expected` (the fingerprint read off the sharing PC, optional)
 * refuses any other certificate. `check` runs on the pinned link before the caller saves anything (the
 * CLI signs its person in once there). Throws HostRefused (address, reachability, certificate) or
 * PairingRefused (the code), each with its message for a person.
 */
export async function pairWithHost(
  server: string,
  code: string,
  o: { expected?: string | null; check?: (link: HostLink) => Promise<void> } = {},
): Promise<Paired> {
  const expected = o.expected ? normalizeFingerprint(o.expected) : null;
  if (o.expected && !expected) throw new PairingRefused(`${o.expected}: give the 32 hex pairs the sharing PC shows (AB:CD:...).`);
  const normalized = normalizeCode(code);
  if (!/^[0-9A-Z]{12}$/.test(normalized)) throw new PairingRefused(CODE_SHAPE(code));
  // 1. The certificate the address presents (an address that is not https://HOST:PORT is refused here).
  const probe = new HostLink(server, null, { retries: [] });
  try {
    await probe.call('authStatus', {}, null);
  } finally {
    probe.close();
  }
  const seen = probe.agent.seen!;
  if (expected && expected !== seen) throw new HostRefused(`Refused: ${server} presents the fingerprint ${seen}, not ${expected} as given.`);
  // 2. Both sides prove they know the code for that very certificate, on a connection pinned to it.
  const link = new HostLink(server, seen);
  try {
    const { status, text } = await link.post('/lan/pair', JSON.stringify({ proof: pairingProof(normalized, seen, 'desk') })).catch((err) => {
      throw unreachable(err, link.origin.host);
    });
    const answer = parseEnvelope(status, text, link.origin.host);
    if (!answer.ok) throw new PairingRefused(`Not paired: ${answer.error.message}`);
    if ((answer.data as { proof?: string }).proof !== pairingProof(normalized, seen, 'host')) {
      throw new HostRefused(`Refused: ${server} did not prove it knows the pairing code; another computer may be answering at that address.`);
    }
    await o.check?.(link);
    return { server: link.origin.origin, fingerprint: seen };
  } finally {
    link.close();
  }
}
