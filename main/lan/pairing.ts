// The one-time pairing code the sharing PC shows (valid 10 minutes, single use). Neither side sends
// it: the desk proves it knows the code for the certificate it sees (an HMAC over that certificate's
// fingerprint), and the host answers with its own proof. A computer in the middle, with another
// certificate, can do neither, and the desk pins the fingerprint only once both proofs agree.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_LIFETIME_MS = 10 * 60_000;
/** Crockford's base32 without I, L, O, U: nothing to misread on a screen. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const normalizeCode = (s: string) => s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

/** What the desk sends (`side` 'desk') and the host answers (`side` 'host'). */
export const pairingProof = (code: string, fingerprint: string, side: 'desk' | 'host') =>
  createHmac('sha256', normalizeCode(code)).update(`recall-desk pairing|${side}|${fingerprint}`).digest('base64url');

export class PairingCodes {
  private code = '';
  private expires = 0;
  /** Told of each new code after the first (the sharing PC prints it). */
  onNew: (code: string, expires: Date) => void = () => {};

  constructor(
    private readonly fingerprint: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.renew();
  }

  /** The code to show now (a new one once the last expired or was used). */
  current(): { code: string; expires: Date } {
    if (this.clock() >= this.expires) this.renew();
    return { code: this.code, expires: new Date(this.expires) };
  }

  /** The host's proof when the desk's proof is right (the code is then used up), else null. */
  redeem(deskProof: string): string | null {
    const { code } = this.current();
    const want = Buffer.from(pairingProof(code, this.fingerprint, 'desk'));
    const given = Buffer.from(deskProof);
    if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
    const answer = pairingProof(code, this.fingerprint, 'host');
    this.renew();
    return answer;
  }

  private renew(): void {
    let c = '';
    for (let i = 0; i < 12; i++) c += ALPHABET[randomInt(ALPHABET.length)];
    this.code = `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
    const first = this.expires === 0;
    this.expires = this.clock() + CODE_LIFETIME_MS;
    if (!first) this.onNew(this.code, new Date(this.expires));
  }
}
