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

/** "2022-12-01" as 20221201: production days compare as numbers, with no string made per lookup. */
export function dayNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** True when any day of month `ym` (YYYY-MM) falls inside [from, to], as day numbers; NaN: an open end. */
export function monthInWindow(ym: string, from: number, to: number): boolean {
  const first = Number(ym.slice(0, 4)) * 10_000 + Number(ym.slice(5, 7)) * 100 + 1;
  // Every real day of the month is at or before its 31st. A comparison with NaN is false: open.
  if (first + 30 < from) return false;
  if (first > to) return false;
  return true;
}
