// Pure matching rules: how a stated model and production month meet a campaign's model windows.

export type ModelFit = 'yes' | 'maybe' | 'no';

/**
 * "RX 350" fits a rule for "RX" (a family), "RX" may be an "RX 350" (ask which), "ES" is not an "RX".
 * Both sides are normalised, so "LS460L", "LS 460 L" and "ls-460-l" are one model.
 */
export function modelFit(givenKey: string, ruleKey: string): ModelFit {
  if (givenKey.startsWith(ruleKey)) return 'yes';
  if (ruleKey.startsWith(givenKey)) return 'maybe';
  return 'no';
}

/** True when any day of month `ym` (YYYY-MM) falls inside [from, to]; an open end is unbounded. */
export function monthInWindow(ym: string, from: string | null, to: string | null): boolean {
  const first = `${ym}-01`;
  const last = `${ym}-31`; // string compare: every real day of the month sorts at or before -31
  if (from && last < from) return false;
  if (to && first > to) return false;
  return true;
}
