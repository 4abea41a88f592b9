// Production months as people write them: the door-jamb label prints MM/YY ("12/22"); systems write
// YYYY-MM. The API takes YYYY-MM only; screens and the CLI convert with this.

export function parseProductionMonth(raw: string): string | null {
  const s = raw.trim();
  let year: number;
  let month: number;
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(s))) {
    month = Number(m[1]);
    year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || year < 1980 || year > 2099) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export const PRODUCTION_MONTH_HELP = 'Write the production month as on the door-jamb label, e.g. 12/22, or as 2022-12.';
