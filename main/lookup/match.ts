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

/** How much of a production month a window covers: none of it, all of it, or some of its days. */
export const MONTH_OUTSIDE = 0;
export const MONTH_INSIDE = 1;
export const MONTH_PARTLY = 2;
export type MonthFit = typeof MONTH_OUTSIDE | typeof MONTH_INSIDE | typeof MONTH_PARTLY;

/**
 * `ym` (YYYY-MM) against [from, to] as day numbers (NaN: an open end). A month that straddles an edge
 * is PARTLY: the month alone cannot say whether the vehicle was built inside. No allocation.
 */
export function monthFit(ym: string, from: number, to: number): MonthFit {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  const first = y * 10_000 + m * 100 + 1;
  const last = first - 1 + daysInMonth(y, m);
  // A comparison with NaN is false: an open end bounds nothing.
  if (last < from || first > to) return MONTH_OUTSIDE;
  return first < from || last > to ? MONTH_PARTLY : MONTH_INSIDE;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
