// The one way the app writes a day and a moment: YYYY-MM-DD, and YYYY-MM-DD HH:MM in the counter's own
// time zone (a counter's "today" and "at 09:00" are local, never UTC).
const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date as YYYY-MM-DD. */
export const localIsoDate = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A stored moment (ISO, UTC) as the counter reads it: "2026-12-06 09:14". */
export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${localIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The day `days` after a YYYY-MM-DD day. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A moment as the lane books it: "2026-12-07T09:00", local time. */
export const localMinute = (d: Date): string => `${localIsoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
