// Dates as people type them at the counter and as DMS files print them: 03/14/2024, 3/14/24,
// 2024-03-14. Pure: the form checks as the person types, the service checks again (the CLI and the
// API cannot skip it), both with these words.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const DATE_HELP = 'Write it as 03/14/2024 (month/day/year), 3/14/24 or 2024-03-14.';

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

/**
 * The ISO date (YYYY-MM-DD) for what was typed, or why it is not a date, in plain words.
 * A date that has happened (a repair's) is never in the future, and `today` (YYYY-MM-DD) decides the
 * century of its two-digit year; a date to come (a part's expected delivery) may be, and its
 * two-digit year is of this century.
 */
export function parseCounterDate(raw: string, today: string, when: 'past' | 'any' = 'past'): ParsedDate {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let parts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (parts) {
    [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  } else if ((parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) {
    [m, d, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    if (parts[3]!.length === 2) {
      const thisYear = Number(today.slice(0, 4));
      y += 2000;
      if (when === 'past' && y > thisYear) y -= 100;
    }
  } else {
    return { ok: false, message: s ? `"${s}" is not a date. ${DATE_HELP}` : `The date is missing. ${DATE_HELP}` };
  }
  if (m < 1 || m > 12) return { ok: false, message: `"${s}" is not a date: there is no month ${m}. ${DATE_HELP}` };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return { ok: false, message: `"${s}" is not a date: ${MONTHS[m - 1]} ${y} has ${days} days.` };
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (when === 'past' && iso > today)
    return { ok: false, message: `${formatUsDate(iso)} is after today (${formatUsDate(today)}): a repair cannot be completed in the future.` };
  return { ok: true, iso };
}

/** 2024-03-14 -> 03/14/2024, as the DMS prints it. */
export function formatUsDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
