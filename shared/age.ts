// How old a bulletin's data is, said the way people say it; shared by the CLI and the renderer.

export function ageInDays(isoDate: string, now: Date): number {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.floor((today - then) / 86_400_000);
}

export function describeAge(days: number): string {
  if (days < 0) return 'dated in the future';
  if (days === 0) return 'today';
  if (days < 60) return `${days} day${days === 1 ? '' : 's'} old`;
  if (days < 730) return `${Math.floor(days / 30.44)} months old`;
  return `${Math.floor(days / 365.25)} years old`;
}
