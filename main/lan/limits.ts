// The sign-in limit per address: besides each account's own lock (five wrong passwords), one PC
// may get only so many wrong sign-ins within a window, whatever names it tries, so that guessing
// across every account of the dealership from a guest Wi-Fi laptop is slowed just as much.

export const FAILURES_PER_ADDRESS = 20;
export const WINDOW_MS = 10 * 60_000;
/** Addresses remembered at most; the quietest are forgotten first. */
const MAX_ADDRESSES = 10_000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly max = FAILURES_PER_ADDRESS,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Why this address must wait before trying again, or null. */
  blocked(address: string): string | null {
    const recent = this.recent(address);
    if (recent.length < this.max) return null;
    const until = recent[0]! + this.windowMs;
    const minutes = Math.max(1, Math.ceil((until - this.clock()) / 60_000));
    return `Too many wrong sign-ins from this computer: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }

  failed(address: string): void {
    const recent = this.recent(address);
    recent.push(this.clock());
    this.failures.delete(address);
    this.failures.set(address, recent);
    while (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(address: string): number[] {
    const now = this.clock();
    return (this.failures.get(address) ?? []).filter((t) => now - t < this.windowMs);
  }
}
