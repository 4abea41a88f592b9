// Days as the lane counts them: the local calendar date of the counter's clock.
const pad = (n: number) => String(n).padStart(2, '0');

export const localDate = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The counter's local date and time to the minute, as appointments are written: 2026-11-23T12:00. */
export const localMinute = (d: Date): string => `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
