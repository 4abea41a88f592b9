// "Nothing lost or doubled": every write a desk sends carries an Idempotency-Key. The first request
// with a key runs; a retry with the same key (the connection dropped after the commit, before the
// answer arrived) gets the first one's answer, and waits for it if the first is still running. The
// answers are kept in this process's memory (the sharing PC's), per session, for a while and up to a
// bound: a retry comes seconds later, not days; a restart of the host forgets them.
import { createHash } from 'node:crypto';
import type { Envelope } from '../../shared/contract';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

type Entry = { fingerprint: string; at: number; answer: Promise<Envelope<unknown>> };

export type IdempotencyOptions = { ttlMs?: number; maxEntries?: number; clock?: () => number };

/** A key is what a client makes: a UUID or any 8 to 128 visible ASCII characters. */
export const isValidKey = (k: string) => /^[\x21-\x7e]{8,128}$/.test(k);

export class IdempotentWrites {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(o: IdempotencyOptions = {}) {
    this.ttlMs = o.ttlMs ?? 60 * 60_000;
    this.maxEntries = o.maxEntries ?? 20_000;
    this.clock = o.clock ?? Date.now;
  }

  /**
   * Runs `write` once per (scope, key): `scope` is who sends it (their session, else their address),
   * so one desk's key never answers another's. The same key with another operation or input is a
   * client's mistake and is refused rather than answered with the wrong result.
   */
  run(scope: string, key: string, operation: string, body: string, write: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
    this.sweep();
    const id = createHash('sha256').update(scope).update('\0').update(key).digest('base64url');
    const fingerprint = createHash('sha256').update(operation).update('\0').update(body).digest('base64url');
    const seen = this.entries.get(id);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return Promise.resolve({
          ok: false,
          error: { code: 'conflict', message: 'This Idempotency-Key was already used for another request: send each new write with a new key.', details: [] },
        });
      }
      return seen.answer;
    }
    const answer = write();
    this.entries.set(id, { fingerprint, at: this.clock(), answer });
    // An answer that says nothing was changed because of the moment (busy, storage) may be tried again.
    void answer.then((e) => {
      if (!e.ok && (e.error.code === 'busy' || e.error.code === 'storage' || e.error.code === 'internal')) this.entries.delete(id);
    });
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.clock();
    // Map keeps insertion order: the oldest are first.
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && now - e.at <= this.ttlMs) break;
      this.entries.delete(id);
    }
  }
}
