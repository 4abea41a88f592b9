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

/**
 * The open ends of a production window, as day numbers beyond any month's: every day is after the one
 * and before the other, as a comparison with NaN (always false) has it. Not NaN itself: a field that
 * ever holds NaN keeps every value of it as a number object of its own, one more read per window.
 * (NaN is still taken as an open end.)
 */
export const OPEN_START = -1_000_000_000;
export const OPEN_END = 1_000_000_000;

/** True when any day of month `ym` (YYYY-MM) falls inside [from, to], as day numbers (open: see OPEN_START). */
export function monthInWindow(ym: string, from: number, to: number): boolean {
  const first = monthStart(ym);
  if (!monthPlain) {
    from = from === OPEN_START ? Number.NaN : from;
    to = to === OPEN_END ? Number.NaN : to;
  }
  // Every real day of the month is at or before its 31st. A comparison with an open end is false.
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
 * `ym` (YYYY-MM) against [from, to] as day numbers (open: see OPEN_START). A month that straddles an
 * edge is PARTLY: the month alone cannot say whether the vehicle was built inside. No allocation.
 */
export function monthFit(ym: string, from: number, to: number): MonthFit {
  const first = monthStart(ym);
  const last = monthLast;
  if (!monthPlain) {
    from = from === OPEN_START ? Number.NaN : from;
    to = to === OPEN_END ? Number.NaN : to;
  }
  // A comparison with an open end is false: it bounds nothing.
  if (last < from || first > to) return MONTH_OUTSIDE;
  return first < from || last > to ? MONTH_PARTLY : MONTH_INSIDE;
}

/**
 * The month read last: a lookup checks one month against each window it may fall in, so it is read
 * once. A month written YYYY-MM is "plain": its days lie between the open ends. Any other text reads
 * as Number() reads its pieces, NaN and all, and meets the open ends as NaN: as it always did.
 */
let monthRead = '';
let monthPlain = true;
let monthFirst = Number.NaN;
let monthLast = Number.NaN;

/** The first day of month `ym` as a day number; its last day is left in `monthLast`. */
function monthStart(ym: string): number {
  if (ym === monthRead) return monthFirst;
  let y: number;
  let m: number;
  monthPlain = ym.length === 7 && digits(ym, 0, 4) && ym.charCodeAt(4) === 45 && digits(ym, 5, 7);
  if (monthPlain) {
    y = (ym.charCodeAt(0) - 48) * 1000 + (ym.charCodeAt(1) - 48) * 100 + (ym.charCodeAt(2) - 48) * 10 + (ym.charCodeAt(3) - 48);
    m = (ym.charCodeAt(5) - 48) * 10 + (ym.charCodeAt(6) - 48);
  } else {
    y = Number(ym.slice(0, 4));
    m = Number(ym.slice(5, 7));
  }
  monthRead = ym;
  monthFirst = y * 10_000 + m * 100 + 1;
  monthLast = monthFirst - 1 + daysInMonth(y, m);
  return monthFirst;
}

function digits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
